package org.reluscope.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.spec.Property;
import org.reluscope.spec.VnnLibParser;
import org.reluscope.testing.SharedBenchmarks;

/**
 * A fast subset of ACAS Xu (three instances of each of properties 1 to 4: unsat ones proven by
 * CROWN or input splitting, sat ones found by the falsifier and by the search; and the
 * single-network properties 5, 9 and 10, which take
 * under 2 s — 6 to 8 take 4–25 s, too long here), whose answers
 * must match the settled answers of {@code expected.csv}. The full set of 186 is measured by
 * {@code org.reluscope.bench.VerifyBenchmark}.
 */
class AcasXuVerifyTest {
    private static final Verifier VERIFIER = new Verifier(new VerifierOptions(Duration.ofSeconds(60), 2, 1));

    @ParameterizedTest
    @CsvSource({
        "1_8, prop_1", "1_9, prop_1", "1_4, prop_1",
        "1_4, prop_2", "2_2, prop_2", "1_2, prop_2",
        "1_4, prop_3", "1_5, prop_3", "1_6, prop_3",
        "1_2, prop_4", "1_4, prop_4", "1_5, prop_4",
        "1_1, prop_5", "3_3, prop_9", "4_5, prop_10"})
    void answersMatchExpected(String network, String property) throws IOException {
        Path dir = SharedBenchmarks.require("acasxu");
        String netFile = "ACASXU_run2a_" + network + "_batch_2000.onnx";
        String propFile = property + ".vnnlib";
        Network net = NetworkFiles.read(dir.resolve("onnx").resolve(netFile));
        Property prop = VnnLibParser.parse(dir.resolve("vnnlib").resolve(propFile));
        VerificationResult r = VERIFIER.verify(net, prop);
        assertEquals(expected(dir).get(netFile + "," + propFile), r.answer(), netFile + " " + propFile);
        if (r.verdict() instanceof Witness sat) {
            assertTrue(prop.isViolatedBy(sat.input(), net.evaluate(sat.input()), 0));
        }
    }

    private static Map<String, String> expected(Path dir) throws IOException {
        Map<String, String> answers = new HashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("expected.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            answers.put(f[0] + "," + f[1], f[2].strip());
        }
        return answers;
    }
}
