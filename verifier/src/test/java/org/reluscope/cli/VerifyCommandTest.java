package org.reluscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reluscope.verify.ProgressBoard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code reluscope verify} on y = σ(x1 + x2) + σ(x1 − x2) over [−1, 1]², whose maximum is 2
 * (by hand: y = 2·max(x1, |x2|)-like pieces, each at most 2) while CROWN only bounds it by 3:
 * "y ≥ 2.5" needs the search to prove unsat, "y ≥ 1.5" is sat.
 */
class VerifyCommandTest {
    private static final String CROSSED = """
            {"layers": [
              {"weights": [[1, 1], [1, -1]], "bias": [0, 0], "activation": "relu"},
              {"weights": [[1, 1]], "bias": [0], "activation": "linear"}
            ]}
            """;
    private static final Pattern PAIR = Pattern.compile("\\((X|Y)_(\\d+) ([^\\s)]+)\\)");

    @TempDir
    Path dir;

    @Test
    void progressLineShowsTimeStageNodesAndRate() {
        assertEquals("verify: 12.5 s, input-split, disjunct 1 of 2, 45,210 nodes (3,617/s)",
                VerifyCommand.progressLine(new ProgressBoard.Snapshot(12.5, "input-split, disjunct 1 of 2", 45_210)));
        assertEquals("verify: 0.3 s, falsifier", VerifyCommand.progressLine(new ProgressBoard.Snapshot(0.25, "falsifier", 0)));
    }

    @Test
    void unsatNeedsTheSearchAndIsWrittenToTheResultFile() throws IOException {
        Path result = dir.resolve("out.txt");
        CliRun run = CliRun.of("verify", net(), spec(2.5), "--result-file", result.toString(), "--threads", "1");
        assertEquals(0, run.code(), run.err());
        assertEquals("unsat", run.out().lines().findFirst().orElseThrow());
        assertTrue(run.out().contains("input-split"), run.out());
        assertEquals("unsat\n", Files.readString(result));
    }

    @Test
    void satResultFileListsAWitnessThatViolates() throws IOException {
        Path result = dir.resolve("out.txt");
        CliRun run = CliRun.of("verify", net(), spec(1.5), "--result-file", result.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("sat", run.out().lines().findFirst().orElseThrow());
        String text = Files.readString(result);
        assertTrue(text.startsWith("sat\n((X_0 "), text);
        double[] x = new double[2];
        double y = Double.NaN;
        Matcher m = PAIR.matcher(text);
        int pairs = 0;
        while (m.find()) {
            pairs++;
            double v = Double.parseDouble(m.group(3));
            if (m.group(1).equals("X")) {
                x[Integer.parseInt(m.group(2))] = v;
            } else {
                y = v;
            }
        }
        assertEquals(3, pairs, text);
        assertTrue(Math.abs(x[0]) <= 1 && Math.abs(x[1]) <= 1, "witness inside the box: " + text);
        double recomputed = Math.max(x[0] + x[1], 0) + Math.max(x[0] - x[1], 0);
        assertEquals(recomputed, y, 1e-12);
        assertTrue(y >= 1.5, text);
    }

    @Test
    void jsonCarriesAnswerMethodAndWitness() throws IOException {
        CliRun run = CliRun.of("verify", net(), spec(1.5), "--json", "--timeout", "30");
        assertEquals(0, run.code(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals("sat", root.get("answer").asText());
        assertFalse(root.get("method").asText().isEmpty());
        assertEquals(2, root.get("witness").get("input").size());
        assertTrue(root.get("witness").get("output").get(0).asDouble() >= 1.5);
        assertTrue(root.get("seconds").asDouble() >= 0);
    }

    @Test
    void badInputExitsTwoWithOneLineAndWritesNothing() throws IOException {
        Path result = dir.resolve("out.txt");
        Path broken = Files.writeString(dir.resolve("broken.vnnlib"), "(declare-const X_0 Real)\n(assert (<= X_0");
        CliRun run = CliRun.of("verify", net(), broken.toString(), "--result-file", result.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("error: ") && run.err().strip().lines().count() == 1, run.err());
        assertFalse(Files.exists(result), "no result file for bad input");

        assertEquals(2, CliRun.of("verify", net(), spec(2.5), "--timeout", "-1").code());
        assertEquals(2, CliRun.of("verify", net(), spec(2.5), "--threads", "0").code());
        assertEquals(2, CliRun.of("verify", net(), spec(2.5), "--result-file",
                dir.resolve("missing").resolve("out.txt").toString()).code());
        Path centre = Files.writeString(dir.resolve("c.csv"), "0,0\n");
        assertEquals(2, CliRun.of("verify", net(), "--center", centre.toString(), "--linf", "1").code(),
                "a centre and radius without --label is no property");
    }

    private String net() throws IOException {
        return Files.writeString(dir.resolve("crossed.json"), CROSSED).toString();
    }

    /** UNSAFE: some x in [−1, 1]² with y ≥ t. */
    private String spec(double t) throws IOException {
        return Files.writeString(dir.resolve("y_ge_" + t + ".vnnlib"), """
                (declare-const X_0 Real)
                (declare-const X_1 Real)
                (declare-const Y_0 Real)
                (assert (>= X_0 -1))
                (assert (<= X_0 1))
                (assert (>= X_1 -1))
                (assert (<= X_1 1))
                (assert (>= Y_0 %s))
                """.formatted(t)).toString();
    }
}
