package org.reluscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reluscope.input.L2Ball;
import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code reluscope regions} and {@code bounds --method exact} on the network with hidden units
 * x1, x2, x1 + x2 − 1 (the worked check of issue 9: 4 regions in the L2 ball of radius 0.5
 * around the origin, 7 in radius 1.2) and y = σ(x1 + x2) + σ(x1 − x2) (range [0, 2] on [−1, 1]²).
 */
class RegionsCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String THREE_LINES = """
            {"layers": [
              {"weights": [[1, 0], [0, 1], [1, 1]], "bias": [0, 0, -1], "activation": "relu"},
              {"weights": [[1, 2, -1], [0, 1, 1]], "bias": [0.5, 0], "activation": "linear"}
            ]}
            """;
    private static final String CROSSED = """
            {"layers": [
              {"weights": [[1, 1], [1, -1]], "bias": [0, 0], "activation": "relu"},
              {"weights": [[1, 1]], "bias": [0], "activation": "linear"}
            ]}
            """;

    @TempDir
    Path dir;

    @Test
    void countsTheWorkedCheck() throws IOException {
        for (String[] radiusAndCount : new String[][] {{"0.5", "4"}, {"1.2", "7"}}) {
            CliRun run = CliRun.of("regions", file("three.json", THREE_LINES), "--center", origin(), "--l2",
                    radiusAndCount[0], "--count-only", "--json");
            assertEquals(0, run.code(), run.err());
            JsonNode root = MAPPER.readTree(run.out());
            assertEquals(Integer.parseInt(radiusAndCount[1]), root.get("regions").asInt());
            assertTrue(root.get("complete").asBoolean());
            assertTrue(root.get("seconds").asDouble() >= 0);
            long ranked = 0;
            for (JsonNode n : root.get("ranks")) {
                ranked += n.asLong();
            }
            assertEquals(root.get("regions").asLong(), ranked);
            assertTrue(root.get("distinct_maps").asInt() <= root.get("regions").asInt());
        }
    }

    /** The JSON lines partition the ball: every sampled point lies in a region whose J x + c is f(x). */
    @Test
    void jsonLinesPartitionTheBallAndGiveTheNetworksOutputs() throws IOException {
        Path net = Path.of(file("three.json", THREE_LINES));
        Path out = dir.resolve("regions.jsonl");
        CliRun run = CliRun.of("regions", net.toString(), "--center", origin(), "--l2", "1.2", "--jsonl", out.toString());
        assertEquals(0, run.code(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(7, lines.size());
        Network network = NetworkFiles.read(net);
        L2Ball ball = new L2Ball(new double[] {0, 0}, 1.2);
        Random random = new Random(1);
        for (int s = 0; s < 500; s++) {
            double[] x = ball.sample(random);
            double[] y = network.evaluate(x);
            int containing = 0;
            for (String line : lines) {
                JsonNode r = MAPPER.readTree(line);
                if (inside(r, x, 1e-9)) {
                    containing++;
                    for (int i = 0; i < y.length; i++) {
                        double v = r.get("c").get(i).asDouble();
                        for (int j = 0; j < x.length; j++) {
                            v += r.get("J").get(i).get(j).asDouble() * x[j];
                        }
                        assertEquals(y[i], v, 1e-9);
                    }
                    assertEquals(3, r.get("pattern").get(0).size());
                }
            }
            assertEquals(1, containing, "point in " + containing + " regions");
        }
    }

    @Test
    void sortedOutputDoesNotDependOnTheThreadCount() throws IOException {
        Path net = Path.of(file("three.json", THREE_LINES));
        CliRun one = CliRun.of("regions", net.toString(), "--center", origin(), "--l2", "1.2", "--jsonl", "-",
                "--sorted", "--threads", "1");
        CliRun two = CliRun.of("regions", net.toString(), "--center", origin(), "--l2", "1.2", "--jsonl", "-",
                "--sorted", "--threads", "2");
        assertEquals(0, one.code(), one.err());
        assertEquals(one.out(), two.out());
        assertEquals(7, one.out().lines().count());
        assertTrue(one.err().contains("regions 7"), one.err());
    }

    @Test
    void maxRegionsStopsWithAnIncompleteResult() throws IOException {
        CliRun run = CliRun.of("regions", file("three.json", THREE_LINES), "--center", origin(), "--l2", "1.2",
                "--max-regions", "2", "--json", "--threads", "1");
        assertEquals(0, run.code(), run.err());
        JsonNode root = MAPPER.readTree(run.out());
        assertEquals(2, root.get("regions").asInt());
        assertFalse(root.get("complete").asBoolean());
    }

    @Test
    void exactBoundsGiveTheTrueRange() throws IOException {
        CliRun run = CliRun.of("bounds", file("crossed.json", CROSSED), "--center", origin(), "--linf", "1",
                "--method", "exact", "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode root = MAPPER.readTree(run.out());
        assertEquals("exact", root.get("method").asText());
        assertTrue(root.get("complete").asBoolean());
        JsonNode out = root.get("outputs").get(0);
        assertEquals(0, out.get("lower").asDouble(), 1e-8);
        assertEquals(2, out.get("upper").asDouble(), 1e-8);
        assertTrue(out.get("upper").asDouble() >= 2 && out.get("lower").asDouble() <= 0, "on the safe side");
    }

    @Test
    void badOptionsAreOneLineErrors() throws IOException {
        String net = file("three.json", THREE_LINES);
        String[][] bad = {{"--threads", "0"}, {"--max-regions", "0"}, {"--timeout", "-1"}};
        for (String[] option : bad) {
            CliRun run = CliRun.of("regions", net, "--center", origin(), "--l2", "1", option[0], option[1]);
            assertEquals(2, run.code(), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().startsWith("error: " + option[0]), run.err());
        }
        CliRun missing = CliRun.of("regions", net);
        assertEquals(2, missing.code());
        CliRun wrongSize = CliRun.of("regions", net, "--center", file("c3.csv", "0,0,0"), "--l2", "1");
        assertEquals(2, wrongSize.code(), wrongSize.err());
    }

    private static boolean inside(JsonNode region, double[] x, double tol) {
        JsonNode a = region.get("A");
        for (int i = 0; i < a.size(); i++) {
            double s = -region.get("b").get(i).asDouble();
            for (int j = 0; j < x.length; j++) {
                s += a.get(i).get(j).asDouble() * x[j];
            }
            if (s > tol) {
                return false;
            }
        }
        return true;
    }

    private String origin() throws IOException {
        return file("origin.csv", "0,0");
    }

    private String file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }
}
