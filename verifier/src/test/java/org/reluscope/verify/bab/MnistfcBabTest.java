package org.reluscope.verify.bab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reluscope.lp.LpSolvers;
import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.spec.LinearConstraints;
import org.reluscope.spec.Property;
import org.reluscope.spec.VnnLibParser;
import org.reluscope.testing.SharedBenchmarks;
import org.reluscope.verify.Deadline;
import org.reluscope.verify.DisjunctOutcome;
import org.reluscope.verify.Witness;

/**
 * relu-bab alone on mnistfc 256x2 instances that CROWN bounds do not settle (each has several
 * disjuncts whose root CROWN bound is below the threshold), against the settled answers of
 * {@code expected.csv}: every disjunct of an unsat instance must be proven. prop_3_0.03 took
 * 110 s with CROWN-rooted nodes and nnenum times out on it; α-CROWN root bounds and α,β-CROWN
 * node bounds prove it in seconds.
 */
class MnistfcBabTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"prop_9_0.03.vnnlib", "prop_6_0.05.vnnlib", "prop_3_0.03.vnnlib"})
    void answersAsExpected(String name) throws IOException {
        Path root = SharedBenchmarks.require("mnistfc");
        Network net = NetworkFiles.read(root.resolve("mnist-net_256x2.onnx"));
        Property property = VnnLibParser.parse(root.resolve("vnnlib").resolve(name));
        ReluSplitSearch search = new ReluSplitSearch(LpSolvers.create(LpSolvers.DEFAULT_LP), 2, 100_000);
        Deadline deadline = Deadline.in(Duration.ofSeconds(60));
        String answer = "unsat";
        for (var group : property.byInputSet().entrySet()) {
            for (LinearConstraints unsafe : group.getValue()) {
                DisjunctOutcome outcome = search.search(net, group.getKey(), unsafe, deadline);
                if (outcome instanceof Witness) {
                    assertEquals(expected(root, name), "sat");
                    return;
                }
                if (outcome instanceof DisjunctOutcome.Undecided u) {
                    answer = u.timedOut() ? "timeout" : "unknown";
                }
            }
        }
        assertEquals(expected(root, name), answer);
    }

    private static String expected(Path root, String property) throws IOException {
        List<String> lines = Files.readAllLines(root.resolve("expected.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[1].equals(property)) {
                return f[2];
            }
        }
        throw new AssertionError(property + " is not in expected.csv");
    }
}
