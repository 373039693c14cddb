package org.reluscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** {@code neighborhood} on the three-lines network, whose regions and distances are known by hand. */
class NeighborhoodCommandTest {
    /**
     * Hidden x₁, x₂, x₁ + x₂ − 1; y₀ = h₁ − h₂ + h₃, y₁ = −h₁ + h₂ + h₃/2. At (0.3, 0.2) the
     * margin y₀ − y₁ = 2x₁ − 2x₂ = 0.2 with gradient norm 2√2: robust radius 0.2/(2√2) ≈ 0.0707.
     */
    private static final String LINES = """
            {"layers": [
              {"weights": [[1, 0], [0, 1], [1, 1]], "bias": [0, 0, -1], "activation": "relu"},
              {"weights": [[1, -1, 1], [-1, 1, 0.5]], "bias": [0, 0], "activation": "linear"}
            ]}
            """;
    private static final double ROBUST_RADIUS = 0.2 / (2 * Math.sqrt(2));

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    /** {@code neighborhood NET --points POINTS ARGS… --json}: the output, after checking the exit code is 0. */
    private static JsonNode json(Path net, Path points, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("neighborhood", net.toString(), "--points", points.toString(), "--json"));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertEquals(0, run.code(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void jsonHasCountsDistancesAndCertifiedRadii() throws IOException {
        Path net = write("lines.json", LINES);
        Path points = write("points.csv", "0.3,0.2\n0,0.5\n-0.4,0.4\n");
        Path labels = write("labels.txt", "0\n0\n0\n");
        CliRun run = CliRun.of("neighborhood", net.toString(), "--points", points.toString(), "--l2", "0.5",
                "--labels", labels.toString(), "--max-radius", "1", "--bisection-steps", "12", "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        JsonNode p = root.get("points");
        assertEquals(0.2, p.get(0).get("boundary_distance").asDouble(), 1e-15);
        assertEquals(0.0, p.get(1).get("boundary_distance").asDouble());
        assertTrue(p.get(1).get("on_boundary").asBoolean());
        assertEquals(0.4, p.get(2).get("boundary_distance").asDouble(), 1e-15);
        assertTrue(p.get(0).get("upper_bound").asInt() >= 4);
        double certified = p.get(0).get("certified_radius").asDouble();
        assertTrue(certified <= ROBUST_RADIUS && certified > 0.9 * ROBUST_RADIUS, "certified " + certified);
        assertFalse(p.get(0).get("certified").asBoolean());
        assertEquals("sat", p.get(2).get("answer").asText(), "(-0.4, 0.4) is predicted 1, not 0");
        assertEquals(0.0, p.get(2).get("certified_radius").asDouble());
        assertEquals(0, root.get("certified").asInt(), "radius 0.5 exceeds every robust radius");
        assertEquals(2, p.get(0).get("jacobian_norm").asDouble(), 1e-12,
                "J = [[1, -1], [-1, 1]] has spectral norm 2");
    }

    @Test
    void csvAndRandomComparison() throws IOException {
        Path net = write("lines.json", LINES);
        Path points = write("points.csv", "0.3,0.2\n0.1,0.6\n-0.4,0.4\n0.7,0.9\n");
        Path csv = dir.resolve("out.csv");
        CliRun run = CliRun.of("neighborhood", net.toString(), "--points", points.toString(), "--linf", "0.1",
                "--compare-random", "12", "--csv", csv.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("rank-sum p"), run.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1 + 4 + 12, lines.size());
        assertTrue(lines.get(0).startsWith("group,index,label,regions"));
        assertTrue(lines.get(1).startsWith("data,0,,"));
        assertTrue(lines.get(16).startsWith("random,11,,"));
    }

    /**
     * Around (0.05, 0.05) the lines x₁ = 0 and x₂ = 0 cut the L2 ball of radius 0.2 and the L∞
     * ball of radius 0.1 into 4 regions; kept in [0, 1]² both balls lie in the closed positive
     * quadrant, one region. A clip box the ball misses is bad input.
     */
    @Test
    void clipIntersectsTheBallsWithTheDataDomain() throws IOException {
        Path net = write("lines.json", LINES);
        Path points = write("points.csv", "0.05,0.05\n");
        for (String[] ball : new String[][] {{"--l2", "0.2"}, {"--linf", "0.1"}}) {
            JsonNode freePoint = json(net, points, ball[0], ball[1]).get("points").get(0);
            JsonNode clippedRoot = json(net, points, ball[0], ball[1], "--clip", "0,1");
            JsonNode clippedPoint = clippedRoot.get("points").get(0);
            assertEquals(4, freePoint.get("regions").asInt(), ball[0]);
            assertTrue(freePoint.get("regions_exact").asBoolean());
            assertEquals(1, clippedPoint.get("regions").asInt(), ball[0]);
            assertTrue(clippedPoint.get("regions_exact").asBoolean());
            assertEquals("[0.0,1.0]", clippedRoot.get("clip").toString());
            assertEquals(freePoint.get("boundary_distance").asDouble(), clippedPoint.get("boundary_distance").asDouble(),
                    "the boundary distance is the region's, not the domain's");
        }
        CliRun missed = CliRun.of("neighborhood", net.toString(), "--points", points.toString(), "--l2", "0.2",
                "--clip", "2,3");
        assertEquals(2, missed.code());
        assertEquals(1, missed.err().strip().lines().count(), missed.err());
        CliRun reversed = CliRun.of("neighborhood", net.toString(), "--points", points.toString(), "--l2", "0.2",
                "--clip", "1,0");
        assertEquals(2, reversed.code());
        assertTrue(reversed.err().contains("LO ≤ HI"), reversed.err());
    }

    /**
     * At (1, 0.97) all three units are active and y₀ − y₁ = 2.5x₁ − 1.5x₂ − 0.5 = 0.545. In the
     * L∞ ball of radius 0.15 the margin can fall to 0.545 − 4·0.15 &lt; 0 (x₂ up to 1.12), so
     * label 0 is refuted; kept in [0, 1]², x₂ rises by 0.03 at most and the margin stays
     * ≥ 0.545 − 2.5·0.15 − 1.5·0.03 = 0.125: certified.
     */
    @Test
    void clipDecidesCertification() throws IOException {
        Path net = write("lines.json", LINES);
        Path points = write("points.csv", "1,0.97\n");
        Path labels = write("labels.txt", "0\n");
        JsonNode freePoint = json(net, points, "--linf", "0.15", "--labels", labels.toString()).get("points").get(0);
        JsonNode clippedPoint = json(net, points, "--linf", "0.15", "--labels", labels.toString(), "--clip", "0,1")
                .get("points").get(0);
        assertEquals("sat", freePoint.get("answer").asText(), freePoint.toString());
        assertFalse(freePoint.get("certified").asBoolean());
        assertEquals("unsat", clippedPoint.get("answer").asText(), clippedPoint.toString());
        assertTrue(clippedPoint.get("certified").asBoolean());
    }

    @Test
    void badLabelsAndMissingRadiusAreOneLineErrors() throws IOException {
        Path net = write("lines.json", LINES);
        Path points = write("points.csv", "0.3,0.2\n0,0.5\n");
        CliRun wrongCount = CliRun.of("neighborhood", net.toString(), "--points", points.toString(), "--l2", "0.5",
                "--labels", write("one.txt", "0\n").toString());
        assertEquals(2, wrongCount.code());
        assertTrue(wrongCount.err().contains("has 1 labels but"), wrongCount.err());
        CliRun notIndex = CliRun.of("neighborhood", net.toString(), "--points", points.toString(), "--l2", "0.5",
                "--labels", write("bad.txt", "0\n2\n").toString());
        assertEquals(2, notIndex.code());
        assertTrue(notIndex.err().contains("label 2 is 2.0"), notIndex.err());
        CliRun noRadius = CliRun.of("neighborhood", net.toString(), "--points", points.toString());
        assertEquals(2, noRadius.code());
        CliRun wide = CliRun.of("neighborhood", net.toString(), "--points", write("wide.csv", "1,2,3\n").toString(),
                "--l2", "0.5");
        assertEquals(2, wide.code());
        assertEquals(1, wide.err().strip().lines().count(), wide.err());
    }
}
