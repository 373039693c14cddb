package org.reluscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code reluscope bounds} on y = σ(x1 + x2) + σ(x1 − x2), whose bounds are worked out by hand. */
class BoundsCommandTest {
    /** On [−1, 1]²: IBP [0, 4], CROWN and LP [0, 3]; over the L2 ball of radius 1: y ≤ x1 + 2 ≤ 3 again. */
    private static final String CROSSED = """
            {"layers": [
              {"weights": [[1, 1], [1, -1]], "bias": [0, 0], "activation": "relu"},
              {"weights": [[1, 1]], "bias": [0], "activation": "linear"}
            ]}
            """;
    private static final String TWO_BOXES = """
            (declare-const X_0 Real)
            (declare-const X_1 Real)
            (declare-const Y_0 Real)
            (assert (or (and (>= X_0 -1) (<= X_0 1) (>= X_1 -1) (<= X_1 1))
                        (and (>= X_0 1) (<= X_0 2) (>= X_1 0) (<= X_1 0))))
            (assert (>= Y_0 10))
            """;

    @TempDir
    Path dir;

    @Test
    void textRowsGiveEachOutputsBounds() throws IOException {
        CliRun run = CliRun.of("bounds", net(), "--center", centre(), "--linf", "1");
        assertEquals(0, run.code(), run.err());
        String[] lines = run.out().split("\n");
        assertTrue(lines[0].startsWith("method crown, ") && lines[0].endsWith("unstable ReLUs per layer [2, 0]"),
                lines[0]);
        String[] row = lines[2].trim().split("\\s+");
        assertEquals("0", row[0]);
        assertEquals(0, Double.parseDouble(row[1]), 1e-12);
        assertEquals(3, Double.parseDouble(row[2]), 1e-12);
        assertTrue(Double.parseDouble(row[2]) >= 3, "printed exactly, not rounded inward");
    }

    @Test
    void jsonForEachMethodNestsAndMatchesTheHandValues() throws IOException {
        double[] expectedUpper = {4, 3, 3};
        String[] methods = {"ibp", "crown", "LP"};
        for (int m = 0; m < methods.length; m++) {
            CliRun run = CliRun.of("bounds", net(), "--center", centre(), "--linf", "1", "--method", methods[m],
                    "--json");
            assertEquals(0, run.code(), run.err());
            JsonNode root = new ObjectMapper().readTree(run.out());
            assertEquals(methods[m].toLowerCase(), root.get("method").asText());
            JsonNode output = root.get("outputs").get(0);
            assertEquals(0, output.get("index").asInt());
            assertEquals(expectedUpper[m], output.get("upper").asDouble(), 1e-7, methods[m]);
            assertEquals(0, output.get("lower").asDouble(), 1e-9, methods[m]);
            assertEquals(2, root.get("unstable").get(0).asInt());
            assertTrue(root.get("seconds").asDouble() >= 0);
        }
    }

    @Test
    void anL2BallUsesTheDualNorm() throws IOException {
        // z = x1 ± x2 over the unit ball around 0 lies in ±√2; the chords then give y ≤ x1 + √2 ≤ 1 + √2
        CliRun run = CliRun.of("bounds", net(), "--center", centre(), "--l2", "1", "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode output = new ObjectMapper().readTree(run.out()).get("outputs").get(0);
        assertEquals(1 + Math.sqrt(2), output.get("upper").asDouble(), 1e-12);
    }

    @Test
    void aVnnLibFileWithTwoBoxesGivesTwoResults() throws IOException {
        Path spec = Files.writeString(dir.resolve("two.vnnlib"), TWO_BOXES);
        CliRun run = CliRun.of("bounds", net(), spec.toString(), "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode results = new ObjectMapper().readTree(run.out());
        assertEquals(2, results.size());
        assertEquals(3, results.get(0).get("outputs").get(0).get("upper").asDouble(), 1e-12);
        // second box: x2 = 0, x1 ∈ [1, 2], both neurons active, y = 2 x1 ∈ [2, 4]
        assertEquals(2, results.get(1).get("outputs").get(0).get("lower").asDouble(), 1e-12);
        assertEquals(4, results.get(1).get("outputs").get(0).get("upper").asDouble(), 1e-12);
        assertTrue(run.err().contains("input box 2 of 2"), run.err());
    }

    @Test
    void anUnknownMethodIsAUsageError() throws IOException {
        CliRun run = CliRun.of("bounds", net(), "--center", centre(), "--linf", "1", "--method", "magic");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("unknown bound method 'magic'"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aMissingInputSetIsAUsageError() throws IOException {
        CliRun run = CliRun.of("bounds", net());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("missing input set"), run.err());
    }

    private String net() throws IOException {
        return Files.writeString(dir.resolve("crossed.json"), CROSSED).toString();
    }

    private String centre() throws IOException {
        return Files.writeString(dir.resolve("centre.csv"), "0,0\n").toString();
    }
}
