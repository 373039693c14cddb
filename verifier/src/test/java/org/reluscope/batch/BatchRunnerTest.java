package org.reluscope.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reluscope.spec.Property;
import org.reluscope.testing.RandomBatch;
import org.reluscope.verify.Verdict;
import org.reluscope.verify.VerificationResult;
import org.reluscope.verify.VerifierOptions;
import org.reluscope.verify.Witness;

/** Batches over random networks whose exact answers come from SCIP (see {@link RandomBatch}). */
class BatchRunnerTest {
    private static final Decider VERIFIER = Decider.verifier(VerifierOptions.DEFAULT.withThreads(1));

    @TempDir
    static Path dir;

    private static RandomBatch batch;
    private static List<Instance> instances;

    @BeforeAll
    static void writeBatch() throws IOException {
        batch = RandomBatch.write(dir.resolve("random"), 4);
        instances = InstanceList.read(batch.list(), Optional.empty());
    }

    @Test
    void everyDecisiveAnswerAgreesWithTheMilpAndSatWitnessesViolate() {
        NetworkCache cache = new NetworkCache();
        List<InstanceResult> results = new BatchRunner(VERIFIER, 1, ExpectedAnswers.read(batch.expected()), cache)
                .run(instances, r -> { });
        assertEquals(instances.size(), results.size());
        for (int i = 0; i < results.size(); i++) {
            InstanceResult r = results.get(i);
            assertEquals(i, r.index());
            assertEquals(batch.answers().get(r.instance().propertyName()), r.expected().word(), r.instance().name());
            if (r.answer().isDecisive()) {
                assertEquals(r.expected(), r.answer(), r.instance().name());
            }
            if (r.answer() == Answer.SAT) {
                Property p = InstanceFiles.property(r.instance().propertyFile());
                double[] y = cache.get(r.instance().networkFile()).evaluate(r.witnessInput());
                assertTrue(p.isViolatedBy(r.witnessInput(), y, 0), "witness of " + r.instance().name());
                assertEquals(y[0] - y[1], r.witnessOutput()[0] - r.witnessOutput()[1], 0);
            }
        }
        BatchSummary s = BatchSummary.of(results);
        assertEquals(0, s.wrong());
        assertEquals(0, s.errors());
        assertEquals(s.solved(), s.matched());
        assertTrue(s.sat() > 0 && s.unsat() > 0, "the batch should exercise both answers: " + s);
        assertEquals(BatchSummary.EXIT_OK, s.exitCode());
        assertEquals(batch.networks(), cache.size(), "each network is read once");
    }

    @Test
    void contradictingExpectationsAreCountedWrongAndFailTheBatch() {
        List<InstanceResult> results = new BatchRunner(VERIFIER, 1, ExpectedAnswers.read(batch.flipped()),
                new NetworkCache()).run(instances, r -> { });
        BatchSummary s = BatchSummary.of(results);
        assertTrue(s.solved() > 0);
        assertEquals(s.solved(), s.wrong(), "every decisive answer contradicts a flipped expectation");
        assertEquals(0, s.matched());
        assertEquals(BatchSummary.EXIT_FAILED, s.exitCode());
        results.stream().filter(r -> !r.answer().isDecisive()).forEach(r -> assertFalse(r.wrong()));
    }

    @Test
    void checkingAfterSolvingGivesTheSameExpectationAsCheckingWhileSolving() {
        ExpectedAnswers expected = ExpectedAnswers.read(batch.expected());
        Instance instance = instances.get(5);
        InstanceResult later = new BatchRunner(VERIFIER, 1, ExpectedAnswers.NONE, new NetworkCache())
                .solve(5, instance);
        assertTrue(later.expectation().isEmpty());
        InstanceResult checked = later.checkedAgainst(expected);
        InstanceResult direct = new BatchRunner(VERIFIER, 1, expected, new NetworkCache()).solve(5, instance);
        assertEquals(direct.expected(), checked.expected());
        assertEquals(direct.answer(), checked.answer());
        assertEquals(batch.answers().get(instance.propertyName()), checked.expected().word());
    }

    @Test
    void anInstanceThatDoesNotLoadIsAnErrorRecordAndTheOthersStillRun() throws IOException {
        Instance good = instances.get(0);
        Path mismatched = dir.resolve("three-outputs.vnnlib");
        Files.writeString(mismatched, Files.readString(good.propertyFile()).replace("(declare-const Y_1 Real)",
                "(declare-const Y_1 Real)\n(declare-const Y_2 Real)"));
        List<Instance> list = List.of(new Instance(dir.resolve("missing.onnx").toString(), good.property(), 5),
                new Instance(good.network(), mismatched.toString(), 5), good);
        List<String> seen = new ArrayList<>();
        List<InstanceResult> results = new BatchRunner(VERIFIER, 1, ExpectedAnswers.NONE, new NetworkCache())
                .run(list, r -> seen.add(r.answer().word()));
        assertEquals(Answer.ERROR, results.get(0).answer());
        assertTrue(results.get(0).detail().contains("missing.onnx: no such file"), results.get(0).detail());
        assertEquals(Answer.ERROR, results.get(1).answer());
        assertTrue(results.get(1).detail().contains("declares 3 inputs and 3 outputs"), results.get(1).detail());
        assertEquals(results.stream().map(r -> r.answer().word()).toList(), seen, "progress sees each result, in order");
        assertTrue(results.get(2).answer() != Answer.ERROR);
        assertEquals(2, BatchSummary.of(results).errors());
    }

    @Test
    void aWitnessThatDoesNotViolateIsRecordedAsAnErrorNeverAsSat() {
        Instance instance = instances.get(0);
        Decider planted = (network, property, budget) -> {
            double[] x = property.disjuncts().get(0).input().boundingBox().center();
            double[] wrongOutput = {-1e9, 1e9};
            return new VerificationResult(new Witness(x, wrongOutput), 0.001);
        };
        InstanceResult r = new BatchRunner(planted, 1, ExpectedAnswers.NONE, new NetworkCache()).solve(0, instance);
        assertEquals(Answer.ERROR, r.answer(), "prop_0_0 is unsat, so no input can be a witness");
        assertTrue(r.detail().contains("witness"), r.detail());
        assertEquals(BatchSummary.EXIT_FAILED, BatchSummary.of(List.of(r)).exitCode());
    }

    @Test
    void anExceptionInTheDeciderIsAnErrorRecord() {
        Decider broken = (network, property, budget) -> {
            throw new IllegalStateException("planted failure");
        };
        InstanceResult r = new BatchRunner(broken, 1, ExpectedAnswers.NONE, new NetworkCache())
                .solve(3, instances.get(0));
        assertEquals(Answer.ERROR, r.answer());
        assertTrue(r.detail().contains("planted failure"), r.detail());
        assertEquals(3, r.index());
    }

    @Test
    void timeLimitsAreScaledAndHandedToTheDecider() {
        List<Double> budgets = new ArrayList<>();
        Decider recording = (network, property, budget) -> {
            budgets.add(budget.toNanos() * 1e-9);
            return new VerificationResult(new Verdict.Timeout(), budget.toNanos() * 1e-9);
        };
        InstanceResult r = new BatchRunner(recording, 0.25, ExpectedAnswers.NONE, new NetworkCache())
                .solve(0, instances.get(0));
        assertEquals(List.of(5.0), budgets, "20 s listed, scaled by 0.25");
        assertEquals(5.0, r.timeLimit());
        assertEquals(Answer.TIMEOUT, r.answer());
        assertFalse(r.late(), "a timeout is never late");
        Decider slow = (network, property, budget) -> new VerificationResult(new Verdict.Unsat("planted"), 5.5);
        InstanceResult late = new BatchRunner(slow, 0.25, ExpectedAnswers.NONE, new NetworkCache())
                .solve(0, instances.get(0));
        assertTrue(late.late(), "unsat after 5.5 s of a 5 s limit");
        assertEquals(1, BatchSummary.of(List.of(r, late)).late());
    }

    @Test
    void gzippedFilesAreFoundByTheirBareNamesAndGiveTheSameAnswers() throws IOException {
        Path folder = dir.resolve("gz");
        Files.createDirectories(folder);
        Instance plain = instances.get(3);
        gzip(plain.networkFile(), folder.resolve("net.onnx.gz"));
        gzip(plain.propertyFile(), folder.resolve("prop.vnnlib.gz"));
        Path list = Files.writeString(folder.resolve("list.csv"), "net.onnx,prop.vnnlib,20\n");
        Instance zipped = InstanceList.read(list, Optional.empty()).get(0);
        assertTrue(zipped.network().endsWith("net.onnx.gz") && zipped.property().endsWith("prop.vnnlib.gz"));
        BatchRunner runner = new BatchRunner(VERIFIER, 1, ExpectedAnswers.NONE, new NetworkCache());
        InstanceResult a = runner.solve(0, plain);
        InstanceResult b = runner.solve(0, zipped);
        assertEquals(a.answer(), b.answer());
        assertTrue(a.answer().isDecisive(), "instance 3 is sat at the box centre: " + a);
    }

    private static void gzip(Path from, Path to) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            Files.copy(from, out);
        }
    }
}
