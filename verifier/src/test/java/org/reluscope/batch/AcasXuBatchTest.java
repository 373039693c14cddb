package org.reluscope.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reluscope.testing.SharedBenchmarks;
import org.reluscope.verify.VerifierOptions;

/**
 * A few ACAS Xu instances through the batch runner, checked against the shared
 * {@code expected.csv}: the list names bare file names that live in {@code onnx/} and
 * {@code vnnlib/}, as in VNN-COMP, and every answer must agree with the settled one.
 */
class AcasXuBatchTest {
    /**
     * Instances nnenum decides within 2 s here (properties 1–4, sat and unsat; reluscope needed
     * 0.02–1.6 s on one thread); each runs under 5% of its 116 s limit, so the test stays short
     * whatever the verifier can do.
     */
    private static final List<String> ROWS = List.of(
            "ACASXU_run2a_1_1_batch_2000.onnx,prop_1.vnnlib,116",
            "ACASXU_run2a_1_2_batch_2000.onnx,prop_2.vnnlib,116",
            "ACASXU_run2a_2_1_batch_2000.onnx,prop_2.vnnlib,116",
            "ACASXU_run2a_1_6_batch_2000.onnx,prop_3.vnnlib,116",
            "ACASXU_run2a_1_7_batch_2000.onnx,prop_3.vnnlib,116",
            "ACASXU_run2a_1_1_batch_2000.onnx,prop_4.vnnlib,116");

    @TempDir
    Path dir;

    @Test
    void easyInstancesAgreeWithTheSettledAnswers() throws IOException {
        Path acas = SharedBenchmarks.require("acasxu");
        Path list = Files.write(dir.resolve("easy.csv"), ROWS);
        List<Instance> instances = InstanceList.read(list, Optional.of(acas));
        ExpectedAnswers expected = ExpectedAnswers.read(acas.resolve("expected.csv"));
        NetworkCache cache = new NetworkCache();
        List<InstanceResult> results = new BatchRunner(Decider.verifier(VerifierOptions.DEFAULT), 0.05, expected, cache)
                .run(instances, r -> { });
        for (InstanceResult r : results) {
            assertTrue(r.expectation().isPresent(), "expected.csv settles " + r.instance().name());
            assertTrue(r.answer() != Answer.ERROR, r.instance().name() + ": " + r.detail());
        }
        BatchSummary s = BatchSummary.of(results);
        assertEquals(0, s.wrong(), () -> results.toString());
        assertEquals(s.solved(), s.matched());
        assertEquals(5, cache.size(), "five distinct networks, each read once");
    }
}
