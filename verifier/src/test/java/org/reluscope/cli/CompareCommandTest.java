package org.reluscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code compare} on networks related by hand: a permuted, rescaled copy and a mirrored one. */
class CompareCommandTest {
    private static final String LINES = """
            {"layers": [
              {"weights": [[1, 0], [0, 1], [1, 1]], "bias": [0, 0, -1], "activation": "relu"},
              {"weights": [[1, -1, 1], [-1, 1, 0.5]], "bias": [0, 0], "activation": "linear"}
            ]}
            """;
    /** The same function: hidden units 1 and 2 swapped and doubled, output weights halved. */
    private static final String PERMUTED = """
            {"layers": [
              {"weights": [[0, 2], [2, 0], [1, 1]], "bias": [0, 0, -1], "activation": "relu"},
              {"weights": [[-0.5, 0.5, 1], [0.5, -0.5, 0.5]], "bias": [0, 0], "activation": "linear"}
            ]}
            """;
    /** y₀ and y₁ of LINES with the first two hidden terms negated: J = −J_LINES where x₁ + x₂ &lt; 1. */
    private static final String MIRRORED = """
            {"layers": [
              {"weights": [[1, 0], [0, 1], [1, 1]], "bias": [0, 0, -1], "activation": "relu"},
              {"weights": [[-1, 1, 1], [1, -1, 0.5]], "bias": [0, 0], "activation": "linear"}
            ]}
            """;

    @TempDir
    Path dir;

    @Test
    void sameFunctionAgreesEverywhere() throws IOException {
        Path a = Files.writeString(dir.resolve("a.json"), LINES);
        Path b = Files.writeString(dir.resolve("b.json"), PERMUTED);
        Path points = Files.writeString(dir.resolve("p.csv"), "0.3,0.2\n-0.4,0.4\n0.8,0.9\n-1,-2\n");
        CliRun run = CliRun.of("compare", a.toString(), b.toString(), "--points", points.toString(), "--linf", "0.3",
                "--exact-timeout", "60", "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        for (JsonNode p : root.get("points")) {
            assertEquals(1.0, p.get("cosine").asDouble(), 1e-12);
            assertEquals(0.0, p.get("offset_difference").asDouble(), 1e-12);
            assertTrue(p.get("same_prediction").asBoolean());
            assertTrue(p.get("same_regions").asBoolean(), p.toString());
        }
        assertEquals(1.0, root.get("summary").get("same_regions_fraction").asDouble());
    }

    @Test
    void mirroredMapsHaveCosineMinusOne() throws IOException {
        Path a = Files.writeString(dir.resolve("a.json"), LINES);
        Path b = Files.writeString(dir.resolve("b.json"), MIRRORED);
        Path points = Files.writeString(dir.resolve("p.csv"), "0.3,0.2\n0.1,0.05\n");
        CliRun run = CliRun.of("compare", a.toString(), b.toString(), "--points", points.toString(), "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode summary = new ObjectMapper().readTree(run.out()).get("summary");
        assertEquals(-1.0, summary.get("cosine_mean").asDouble(), 1e-12);
        assertEquals(0.0, summary.get("prediction_agreement").asDouble());
        assertTrue(summary.get("same_regions_fraction") == null, "no ball, no region counts");
    }

    /** At (0.05, 0.05) the L∞ ball of radius 0.1 meets 4 regions of each network; inside [0, 1]² only one. */
    @Test
    void clipCountsRegionsInsideTheDataDomain() throws IOException {
        Path a = Files.writeString(dir.resolve("a.json"), LINES);
        Path b = Files.writeString(dir.resolve("b.json"), PERMUTED);
        Path points = Files.writeString(dir.resolve("p.csv"), "0.05,0.05\n");
        for (String clip : new String[] {null, "0,1"}) {
            List<String> args = new ArrayList<>(List.of("compare", a.toString(), b.toString(), "--points",
                    points.toString(), "--linf", "0.1", "--json"));
            if (clip != null) {
                args.addAll(List.of("--clip", clip));
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.code(), run.err());
            JsonNode p = new ObjectMapper().readTree(run.out()).get("points").get(0);
            int expected = clip == null ? 4 : 1;
            assertEquals(expected, p.get("regions_first").asInt(), p.toString());
            assertEquals(expected, p.get("regions_second").asInt(), p.toString());
            assertTrue(p.get("regions_first_exact").asBoolean() && p.get("regions_second_exact").asBoolean());
        }
        CliRun noRadius = CliRun.of("compare", a.toString(), b.toString(), "--points", points.toString(), "--clip", "0,1");
        assertEquals(2, noRadius.code());
    }

    @Test
    void differentSizesAreBadInput() throws IOException {
        Path a = Files.writeString(dir.resolve("a.json"), LINES);
        Path b = Files.writeString(dir.resolve("b.json"), """
                {"layers": [{"weights": [[1, 0, 0]], "bias": [0], "activation": "linear"}]}
                """);
        Path points = Files.writeString(dir.resolve("p.csv"), "0.3,0.2\n");
        CliRun run = CliRun.of("compare", a.toString(), b.toString(), "--points", points.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("maps 3 inputs to 1 outputs"), run.err());
    }
}
