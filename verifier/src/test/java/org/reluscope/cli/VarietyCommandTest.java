package org.reluscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class VarietyCommandTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonReportsTheDimensionOfTheDeterminantHypersurface(@TempDir Path dir) throws IOException {
        Path patterns = dir.resolve("p.txt");
        Files.writeString(patterns, "# one pattern for every point\n011\n");
        Run r = run("variety", "--arch", "3,3,3", "--points", "3", "--patterns", patterns.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(8, json.get("dimension").asInt());
        assertEquals(9, json.get("expectedDimension").asInt());
        assertEquals("proven", json.get("generation").asText());
        JsonNode det = json.get("families").get(0).get("polynomials").get(0);
        assertEquals(6, det.get("terms").size());
        assertEquals(3, det.get("degree").asInt());
    }

    @Test
    void randomPatternsAndInputsFromAFile(@TempDir Path dir) throws IOException {
        Path inputs = dir.resolve("x.csv");
        Files.writeString(inputs, "1,0\n0,1\n1,1\n2,-1\n");
        Run r = run("variety", "--arch", "2,4,3", "--bias", "--random-patterns", "--points", "4", "--seed", "2",
                "--inputs", inputs.toString(), "--format", "sympy");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("# x3 = [2.0, -1.0]"), r.out());
    }

    @Test
    void badPatternFileIsOneErrorLineAndExitTwo(@TempDir Path dir) throws IOException {
        Path patterns = dir.resolve("p.txt");
        Files.writeString(patterns, "110\n1x0\n111\n");
        Run r = run("variety", "--arch", "3,3,3", "--patterns", patterns.toString());
        assertEquals(2, r.code());
        assertEquals("error: " + patterns + ": line 2: hidden layer 1 has 'x' at unit 1; patterns are strings of 0"
                + " and 1\n", r.err().replace("\r\n", "\n"));
        assertEquals("", r.out());
    }

    @Test
    void wrongPatternWidthAndBadOptionsAreBadInput(@TempDir Path dir) throws IOException {
        Path patterns = dir.resolve("p.txt");
        Files.writeString(patterns, "1101\n");
        Run width = run("variety", "--arch", "3,3,3", "--points", "2", "--patterns", patterns.toString());
        assertEquals(2, width.code());
        assertTrue(width.err().contains("has 4 units, the layer has 3"), width.err());
        Run noPoints = run("variety", "--arch", "3,3,3", "--random-patterns");
        assertEquals(2, noPoints.code());
        assertTrue(noPoints.err().startsWith("error: --points:"), noPoints.err());
        Run format = run("variety", "--arch", "3,3,3", "--random-patterns", "--points", "2", "--format", "xml");
        assertEquals(2, format.code());
        assertTrue(format.err().contains("unknown format 'xml'"), format.err());
        Run both = run("variety", "--arch", "3,3,3", "--random-patterns", "--patterns", patterns.toString());
        assertEquals(2, both.code());
    }
}
