package org.reluscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reluscope.input.Box;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.spec.VnnLibParser;
import org.reluscope.testing.SharedBenchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SymmetryCommandsTest {
    @TempDir
    Path dir;

    private Path write(String name, Network net) {
        Path p = dir.resolve(name);
        NetworkFiles.write(net, p);
        return p;
    }

    private static Network shallow(double[][] a1, double[] b1, double[][] a2, double[] b2) {
        return new Network(List.of(AffineLayer.of(a1, b1, Activation.RELU), AffineLayer.of(a2, b2, Activation.IDENTITY)));
    }

    private Path clamp() {
        return write("clamp.json", shallow(new double[][] {{1}, {1}}, new double[] {0, -1}, new double[][] {{1, -1}},
                new double[] {0}));
    }

    @Test
    void canonicalJsonAndMinimalNetwork() throws Exception {
        // σ(x) + x written with three units: 2σ(x) − σ(−x) + 0·σ(x + 7); minimal width 2
        Path net = write("net.json", shallow(new double[][] {{1}, {-1}, {1}}, new double[] {0, 0, 7},
                new double[][] {{2, -1, 0}}, new double[] {0}));
        Path out = dir.resolve("min.json");
        CliRun run = CliRun.of("canonical", net.toString(), "--json", "--write-minimal", out.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(1, json.get("hyperplanes").asInt());
        assertEquals(2, json.get("minimal_width").asInt());
        assertEquals(1.0, json.get("G").get(0).get(0).asDouble(), 1e-15);
        assertFalse(json.get("generic").asBoolean(), "a dead unit");
        Network minimal = NetworkFiles.read(out);
        assertEquals(2, minimal.layer(0).outputSize());
        for (double x : new double[] {-3, -0.5, 0.25, 4}) {
            assertEquals(Math.max(x, 0) + x, minimal.evaluate(new double[] {x})[0], 1e-12);
        }
    }

    @Test
    void equivFirstLineIsTheAnswer() throws Exception {
        Path flipped = write("flipped.json", shallow(new double[][] {{-1}, {-1}}, new double[] {0, 1},
                new double[][] {{1, -1}}, new double[] {1}));
        Path identity = write("identity.json", new Network(List.of(AffineLayer.of(new double[][] {{1}},
                new double[] {0}, Activation.IDENTITY))));
        assertTrue(CliRun.of("equiv", clamp().toString(), flipped.toString()).out().startsWith("equivalent\n"));
        CliRun different = CliRun.of("equiv", clamp().toString(), identity.toString());
        assertTrue(different.out().startsWith("different\n"), different.out());
        Path centre = dir.resolve("c.csv");
        Files.writeString(centre, "0.5\n");
        CliRun inside = CliRun.of("equiv", clamp().toString(), identity.toString(), "--center", centre.toString(),
                "--linf", "0.25");
        assertEquals(0, inside.code(), inside.err());
        assertFalse(inside.out().startsWith("different"), "clamp and identity agree on [0.25, 0.75]: " + inside.out());
    }

    @Test
    void deepNetworksWithoutDomainAreBadInput() {
        Path deep = write("deep.json", RandomNetworks.relu(1, 2, 4, 4, 1));
        CliRun run = CliRun.of("equiv", deep.toString(), deep.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("error: " + deep + ": is not shallow"), run.err());
        CliRun canonical = CliRun.of("canonical", deep.toString());
        assertEquals(2, canonical.code());
        assertEquals(1, canonical.err().lines().count());
        assertEquals(2, CliRun.of("canonical", clamp().toString(), "--tol", "-1").code());
    }

    @Test
    void simplifyAcasXuOnProperty3BoxAndProveItEquivalent() {
        Path onnx = SharedBenchmarks.require("acasxu/onnx/ACASXU_run2a_1_1_batch_2000.onnx");
        Path prop = SharedBenchmarks.require("acasxu/vnnlib/prop_3.vnnlib");
        Path out = dir.resolve("small.onnx");
        CliRun run = CliRun.of("simplify", onnx.toString(), "--domain", prop.toString(), "-o", out.toString(), "--json");
        assertEquals(0, run.code(), run.err());
        Network original = NetworkFiles.read(onnx);
        Network simplified = NetworkFiles.read(out);
        assertTrue(simplified.reluCount() < original.reluCount());
        Box box = (Box) VnnLibParser.parse(prop).inputSets().get(0);
        Random random = new Random(3);
        for (int k = 0; k < 2000; k++) {
            double[] x = box.sample(random);
            assertArrayEquals(original.evaluate(x), simplified.evaluate(x), 1e-9);
        }
        CliRun equiv = CliRun.of("equiv", onnx.toString(), out.toString(), "--domain", prop.toString());
        assertEquals(0, equiv.code(), equiv.err());
        assertTrue(equiv.out().startsWith("equivalent\nmethod: differential bounds"), equiv.out());
        CliRun missing = CliRun.of("simplify", onnx.toString(), "-o", dir.resolve("x.onnx").toString());
        assertEquals(2, missing.code());
        assertFalse(Files.exists(dir.resolve("x.onnx")));
    }

    @Test
    void simplifiedNetworkIsProvenEquivalentOnItsDomain() throws Exception {
        Path net = write("deep.json", RandomNetworks.relu(2, 0.5, 2, 6, 6, 2));
        Path centre = dir.resolve("c.csv");
        Files.writeString(centre, "0.3,-0.2\n");
        Path out = dir.resolve("small.json");
        CliRun simplify = CliRun.of("simplify", net.toString(), "--center", centre.toString(), "--linf", "0.3",
                "--bounds", "lp", "-o", out.toString());
        assertEquals(0, simplify.code(), simplify.err());
        assertTrue(simplify.out().startsWith("units: 12 → "), simplify.out());
        CliRun equiv = CliRun.of("equiv", net.toString(), out.toString(), "--center", centre.toString(), "--linf", "0.3",
                "--timeout", "20");
        assertEquals(0, equiv.code(), equiv.err());
        assertTrue(equiv.out().startsWith("equivalent\n"), equiv.out());
        CliRun badMethod = CliRun.of("simplify", net.toString(), "--center", centre.toString(), "--linf", "0.3",
                "--bounds", "tightest", "-o", dir.resolve("x.json").toString());
        assertEquals(2, badMethod.code());
        assertTrue(badMethod.err().contains("--bounds: unknown bound method 'tightest'"), badMethod.err());
        assertFalse(Files.exists(dir.resolve("x.json")));
    }
}
