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

/**
 * The worked case of the constraints issue, by hand: W1 = [[1,0],[0,1],[1,1]], b1 = (0,0,−1),
 * W2 = [[1,2,0],[0,1,−1]], b2 = (0.5,0). On pattern 010 (only x_2 active) f(x) = (0.5 + 2 x_2, x_2),
 * so the outputs lie on the line y0 − 0.5 = 2 y1; on pattern 110 J = [[1,2],[0,1]] has rank 2.
 */
class ConstraintsCommandTest {
    private static final String NET = "{\"layers\":[{\"weights\":[[1,0],[0,1],[1,1]],\"bias\":[0,0,-1],"
            + "\"activation\":\"relu\"},{\"weights\":[[1,2,0],[0,1,-1]],\"bias\":[0.5,0],\"activation\":\"linear\"}]}";

    private static JsonNode run(Path dir, String center, String... extra) throws IOException {
        Path net = dir.resolve("net.json");
        Files.writeString(net, NET);
        Path x0 = dir.resolve("x0.csv");
        Files.writeString(x0, center + "\n");
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"constraints", net.toString(), "--center", x0.toString(), "--json",
                "--verify-samples=2000"}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        CliRun r = CliRun.of(args);
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void boxInsideOneRegionGivesItsLine(@TempDir Path dir) throws IOException {
        JsonNode json = run(dir, "-0.5,0.5", "--linf", "0.2");
        assertEquals(1, json.get("dimension").asInt());
        assertEquals(1, json.get("regions").size());
        assertEquals("010", json.get("regions").get(0).get("label").asText());
        JsonNode normal = json.get("regions").get(0).get("normals").get(0);
        // n ∝ (1, −2): orthogonal to the column (2, 1) of J.
        assertEquals(0, normal.get(0).asDouble() * 2 + normal.get(1).asDouble(), 1e-15);
        assertEquals(1, json.get("generators").size());
        assertTrue(json.get("verification").get("maxResidual").asDouble() < 1e-12);
    }

    @Test
    void boxCrossingIntoAFullRankRegionHasNoEquation(@TempDir Path dir) throws IOException {
        JsonNode json = run(dir, "0.1,0.5", "--linf", "0.2");
        assertEquals(2, json.get("dimension").asInt());
        assertEquals(2, json.get("regions").size());
        assertEquals("full_dimensional", json.get("union").asText());
        assertEquals(0, json.get("generators").size());
    }

    @Test
    void ballInsideOneRegionGivesTheSameLineButNoPolytope(@TempDir Path dir) throws IOException {
        JsonNode json = run(dir, "-0.5,0.5", "--l2", "0.2");
        assertEquals(1, json.get("dimension").asInt());
        assertEquals(1, json.get("generators").size());
        assertTrue(json.get("regions").get(0).path("polytope").isMissingNode()
                || json.get("regions").get(0).get("polytope").isNull(), json.toString());
    }

    @Test
    void badToleranceIsOneErrorLine(@TempDir Path dir) throws IOException {
        Path net = dir.resolve("net.json");
        Files.writeString(net, NET);
        Path x0 = dir.resolve("x0.csv");
        Files.writeString(x0, "0,0\n");
        CliRun r = CliRun.of("constraints", net.toString(), "--center", x0.toString(), "--linf", "0.1", "--tol", "2");
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--tol"), r.err());
    }
}
