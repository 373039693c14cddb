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

/** {@code regions --upper-bound} on issue 9's worked check: 4 regions in radius 0.5 and 7 in 1.2, bound equal. */
class RegionsUpperBoundTest {
    private static final String LINES = """
            {"layers": [
              {"weights": [[1, 0], [0, 1], [1, 1]], "bias": [0, 0, -1], "activation": "relu"},
              {"weights": [[1, 1, 1]], "bias": [0], "activation": "linear"}
            ]}
            """;

    @TempDir
    Path dir;

    @Test
    void exactCountBoundAndRatio() throws IOException {
        Path net = Files.writeString(dir.resolve("lines.json"), LINES);
        Path origin = Files.writeString(dir.resolve("origin.csv"), "0,0\n");
        for (String[] c : new String[][] {{"0.5", "4", "2"}, {"1.2", "7", "3"}}) {
            CliRun run = CliRun.of("regions", net.toString(), "--center", origin.toString(), "--l2", c[0], "--json",
                    "--upper-bound");
            assertEquals(0, run.code(), run.err());
            JsonNode root = new ObjectMapper().readTree(run.out());
            assertEquals(Integer.parseInt(c[1]), root.get("regions").asInt());
            assertEquals(Integer.parseInt(c[1]), root.get("upper_bound").asInt());
            assertEquals(1.0, root.get("ratio").asDouble());
            assertEquals(Integer.parseInt(c[2]), root.get("unstable").get(0).asInt());
        }
        CliRun text = CliRun.of("regions", net.toString(), "--center", origin.toString(), "--linf", "0.4",
                "--count-only", "--upper-bound");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("regions 4") && text.out().contains("upper bound 4"), text.out());
    }
}
