package org.reluscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reluscope.net.RandomNetworks;
import org.reluscope.net.io.NetworkFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The info, eval and random-network commands on networks small enough to check by hand. */
class InfoEvalCommandTest {
    /** f(x) = [1, −2]·relu([[1, −1], [2, 0.5]] x + [0, −1]) + 0.25. */
    private static final String TINY = """
            {"layers": [
              {"weights": [[1, -1], [2, 0.5]], "bias": [0, -1], "activation": "relu"},
              {"weights": [[1, -2]], "bias": [0.25], "activation": "linear"}
            ]}
            """;
    /** y = x on two inputs, with a normalisation whose normalised box is [−0.5, 0.5]². */
    private static final String IDENTITY = """
            {"layers": [{"weights": [[1, 0], [0, 1]], "bias": [0, 0], "activation": "linear"}],
             "normalization": {"min": [0, 0], "max": [10, 20], "mean": [5, 10], "range": [10, 20],
                               "outputMean": 0, "outputRange": 1}}
            """;

    @TempDir
    Path dir;

    @Test
    void infoShowsLayersAndCounts() throws IOException {
        Path net = Files.writeString(dir.resolve("tiny.json"), TINY);
        CliRun run = CliRun.of("info", net.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(String.join("\n",
                "network:       " + net,
                "inputs:        2",
                "outputs:       1",
                "widths:        2-2-1",
                "layers:        2",
                "    1  2 -> 2  relu",
                "    2  2 -> 1  linear",
                "parameters:    9",
                "relus:         2",
                "normalisation: none", ""), run.out());
    }

    @Test
    void infoJsonHasTheSameFacts() throws IOException {
        Path net = Files.writeString(dir.resolve("id.json"), IDENTITY);
        JsonNode info = new ObjectMapper().readTree(CliRun.of("info", "--json", net.toString()).out());
        assertEquals(2, info.get("inputs").asInt());
        assertEquals(1, info.get("layers").size());
        assertEquals("linear", info.get("layers").get(0).get("activation").asText());
        assertEquals(6, info.get("parameters").asInt());
        assertEquals(0, info.get("relus").asInt());
        assertEquals(20.0, info.get("normalization").get("range").get(1).asDouble());
    }

    /** x = (1, 2) → −3.75; (0.5, −1) → 1.75; (0.1, 0.2) → 0.25, worked out by hand. */
    @Test
    void evalPrintsOneRowPerInput() throws IOException {
        Path net = Files.writeString(dir.resolve("tiny.json"), TINY);
        Path csv = Files.writeString(dir.resolve("x.csv"), "# points\n1,2\n0.5,-1\n0.1,0.2\n");
        CliRun run = CliRun.of("eval", net.toString(), "--input", csv.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("-3.75\n1.75\n0.25\n", run.out());
        CliRun json = CliRun.of("eval", net.toString(), "--input", csv.toString(), "--json");
        assertEquals("{\"outputs\":[[-3.75],[1.75],[0.25]]}\n", json.out());
    }

    /** Full precision: the printed text reads back to the same double. */
    @Test
    void evalPrintsEnoughDigits() throws IOException {
        Path net = Files.writeString(dir.resolve("tiny.json"), TINY);
        Path csv = Files.writeString(dir.resolve("x.csv"), "0.3,0.1\n");
        double expected = 1 * Math.max(0.3 - 0.1, 0) - 2 * Math.max(2 * 0.3 + 0.5 * 0.1 - 1, 0) + 0.25;
        String out = CliRun.of("eval", net.toString(), "--input", csv.toString()).out().strip();
        assertEquals(expected, Double.parseDouble(out), 0.0);
        assertEquals(Double.toString(expected), out);
    }

    /** Random points come from the normalised [min, max] box when there is one, else from [−1, 1]^n. */
    @Test
    void randomPointsComeFromTheDocumentedBox() throws IOException {
        Path normalised = Files.writeString(dir.resolve("id.json"), IDENTITY);
        Path plain = Files.writeString(dir.resolve("plain.json"), IDENTITY.replaceAll("(?s),\\s*\"normalization\".*\\}\\}",
                "}"));
        double[] inNormalised = maxAbs(CliRun.of("eval", normalised.toString(), "--random", "300").out());
        double[] inPlain = maxAbs(CliRun.of("eval", plain.toString(), "--random", "300", "--seed", "4").out());
        for (int i = 0; i < 2; i++) {
            assertTrue(inNormalised[i] <= 0.5 && inNormalised[i] > 0.45, "coordinate " + i + ": " + inNormalised[i]);
            assertTrue(inPlain[i] <= 1 && inPlain[i] > 0.9, "coordinate " + i + ": " + inPlain[i]);
        }
        String a = CliRun.of("eval", plain.toString(), "--random", "5", "--seed", "4").out();
        assertEquals(a, CliRun.of("eval", plain.toString(), "--random", "5", "--seed", "4").out());
        assertNotEquals(a, CliRun.of("eval", plain.toString(), "--random", "5", "--seed", "5").out());
    }

    @Test
    void randomNetworkWritesTheSeededNetwork() {
        Path out = dir.resolve("r.onnx");
        CliRun run = CliRun.of("random-network", "--widths", "3,4,2", "--seed", "7", "--bias-scale", "0.5", "-o",
                out.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(RandomNetworks.relu(7, 0.5, 3, 4, 2), NetworkFiles.read(out));
        CliRun bad = CliRun.of("random-network", "--widths", "3", "-o", dir.resolve("b.json").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("--widths needs at least two positive sizes"), bad.err());
    }

    /** The largest |output| of each column of CSV text. */
    private static double[] maxAbs(String csv) {
        double[] m = new double[2];
        for (String line : csv.strip().split("\n")) {
            String[] cells = line.split(",");
            for (int i = 0; i < 2; i++) {
                m[i] = Math.max(m[i], Math.abs(Double.parseDouble(cells[i])));
            }
        }
        return m;
    }
}
