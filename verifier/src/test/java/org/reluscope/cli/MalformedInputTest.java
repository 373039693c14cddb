package org.reluscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reluscope.net.RandomNetworks;
import org.reluscope.net.io.JsonNetworks;
import org.reluscope.net.io.OnnxWriter;
import org.reluscope.net.io.TestModels;

/**
 * Every kind of bad input ends the same way: exit code 2, nothing on stdout, and one stderr
 * line {@code error: <file>: <what>} that says what is wrong in that case.
 */
class MalformedInputTest {
    @TempDir
    Path dir;

    /** A case: the arguments, the file the error must name, and the expected message after it. */
    private record Case(String name, String file, String message, String... args) {
    }

    @Test
    void eachBadInputGivesOneErrorLineAndExitCode2() throws IOException {
        byte[] onnx = OnnxWriter.toBytes(RandomNetworks.relu(1, 5, 8, 3));
        Path truncated = Files.write(dir.resolve("truncated.onnx"), Arrays.copyOf(onnx, onnx.length / 2));
        Path garbage = Files.writeString(dir.resolve("garbage.onnx"), "this is not a model at all\n");
        Path unsupported = Files.write(dir.resolve("sigmoid.onnx"), TestModels.afterMatMul("Sigmoid"));
        String good = JsonNetworks.toJson(RandomNetworks.relu(1, 2, 3, 1));
        Path nan = Files.writeString(dir.resolve("nan.json"), good.replaceFirst("\\[-?[0-9.E-]+,", "[NaN,"));
        Path dims = Files.writeString(dir.resolve("dims.json"), """
                {"layers": [
                  {"weights": [[1, 2], [3, 4]], "bias": [0, 0], "activation": "relu"},
                  {"weights": [[1, 2, 3]], "bias": [0], "activation": "linear"}
                ]}
                """);
        String nnetHeader = "// x\n1,2,1,2,\n2,1,\n0,\n-1,-1,\n1,1,\n0,0,0,\n1,1,1,\n";
        Path badNumber = Files.writeString(dir.resolve("number.nnet"), nnetHeader + "1,x1,\n0,\n");
        Path short_ = Files.writeString(dir.resolve("short.nnet"), nnetHeader + "1,\n0,\n");
        Path net = Files.writeString(dir.resolve("net.json"), good);
        Path wide = Files.writeString(dir.resolve("wide.csv"), "0.1,0.2\n0.3,0.4,0.5\n");
        Path missing = dir.resolve("missing.onnx");

        List<Case> cases = List.of(
                new Case("missing", missing.toString(), "no such file", "info", missing.toString()),
                new Case("truncated", truncated.toString(), "the file ends inside a field of", "info",
                        truncated.toString()),
                new Case("garbage", garbage.toString(), "not an ONNX model: malformed protobuf data near byte", "info",
                        garbage.toString()),
                new Case("unsupported op", unsupported.toString(),
                        "node 'act' (Sigmoid): unsupported operator", "eval", unsupported.toString(),
                        "--random", "2"),
                new Case("NaN weight", nan.toString(), "line 5: layer 1 weights[0][0] is NaN", "info",
                        nan.toString()),
                new Case("layer dims", dims.toString(),
                        "line 3: layer 2 has 3 inputs (weight columns) but layer 1 has 2 outputs", "info",
                        dims.toString()),
                new Case("nnet number", badNumber.toString(),
                        "line 9: value 2 of layer 1 weight row 1 of 1: 'x1' is not a number", "info",
                        badNumber.toString()),
                new Case("nnet too few", short_.toString(),
                        "line 9: expected 2 values (layer 1 weight row 1 of 1), found 1", "info", short_.toString()),
                new Case("csv width", wide.toString(), "line 2: has 3 values, expected 2", "eval", net.toString(),
                        "--input", wide.toString()));

        Set<String> messages = new HashSet<>();
        for (Case c : cases) {
            CliRun run = CliRun.of(c.args());
            assertEquals(2, run.code(), c.name() + ": " + run.err());
            assertEquals("", run.out(), c.name());
            String[] lines = run.err().split("\n");
            assertEquals(1, lines.length, c.name() + ": " + run.err());
            String prefix = "error: " + c.file() + ": ";
            assertTrue(lines[0].startsWith(prefix + c.message()), c.name() + ": " + lines[0]);
            assertTrue(messages.add(lines[0].substring(prefix.length())), c.name() + ": message repeats another case");
        }
    }
}
