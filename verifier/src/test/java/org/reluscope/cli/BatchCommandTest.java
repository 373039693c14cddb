package org.reluscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reluscope.batch.Answer;
import org.reluscope.batch.BatchSummary;
import org.reluscope.batch.InstanceResult;
import org.reluscope.report.BatchCsv;
import org.reluscope.report.BatchJson;
import org.reluscope.testing.RandomBatch;

/** {@code reluscope batch}: outputs, progress lines and exit codes, on a random batch with exact answers. */
class BatchCommandTest {
    @TempDir
    static Path dir;

    private static RandomBatch batch;

    @BeforeAll
    static void writeBatch() throws IOException {
        batch = RandomBatch.write(dir.resolve("random"), 2);
    }

    @Test
    void aCorrectBatchWritesEveryOutputAndExitsZero() throws IOException {
        Path out = Files.createDirectories(dir.resolve("ok"));
        CliRun run = CliRun.of("batch", batch.list().toString(), "--expected", batch.expected().toString(),
                "--threads", "1", "--csv", out.resolve("r.csv").toString(), "--json", out.resolve("r.json").toString(),
                "--junit", out.resolve("r.xml").toString(), "--result-dir", out.resolve("results").toString());
        assertEquals(BatchSummary.EXIT_OK, run.code(), run.err());
        int n = batch.answers().size();
        List<String> progress = run.err().lines().toList();
        assertEquals(n, progress.size(), run.err());
        String last = progress.get(n - 1);
        assertTrue(last.startsWith("[" + n + "/" + n + "] net_1.onnx prop_1_3.vnnlib: "), last);
        assertTrue(run.out().contains("OK: no wrong answers"), run.out());
        List<InstanceResult> csv = BatchCsv.read(out.resolve("r.csv"));
        assertEquals(n, csv.size());
        for (InstanceResult r : csv) {
            assertEquals(batch.answers().get(r.instance().propertyName()), r.expected().word());
            assertFalse(r.wrong());
        }
        assertEquals(BatchSummary.of(csv), BatchSummary.of(BatchJson.read(out.resolve("r.json"))));
        assertTrue(Files.readString(out.resolve("r.xml")).contains("tests=\"" + n + "\""));
        try (var files = Files.list(out.resolve("results"))) {
            assertEquals(n, files.count());
        }
        String first = Files.readString(out.resolve("results/net_0_prop_0_0.txt"));
        assertEquals(csv.get(0).answer().word(), first.lines().findFirst().orElseThrow());
    }

    @Test
    void aContradictedExpectationExitsOneAndSaysSo() {
        CliRun run = CliRun.of("batch", batch.list().toString(), "--expected", batch.flipped().toString(),
                "--threads", "1");
        assertEquals(BatchSummary.EXIT_FAILED, run.code(), run.err());
        assertTrue(run.err().contains(" WRONG (expected "), run.err());
        assertTrue(run.out().contains("FAILED: "), run.out());
    }

    @Test
    void anInstanceThatCannotRunExitsOne() throws IOException {
        Path list = Files.writeString(dir.resolve("broken.csv"),
                "random/onnx/net_0.onnx,random/vnnlib/prop_0_0.vnnlib,5\n"
                + "random/onnx/gone.onnx,random/vnnlib/prop_0_0.vnnlib,5\n");
        CliRun run = CliRun.of("batch", list.toString(), "--threads", "1");
        assertEquals(BatchSummary.EXIT_FAILED, run.code(), run.err());
        assertTrue(run.err().contains("[2/2] gone.onnx prop_0_0.vnnlib: " + Answer.ERROR.word()), run.err());
    }

    @Test
    void badInputExitsTwoWithOneLineAndRunsNothing() throws IOException {
        Path list = Files.writeString(dir.resolve("bad.csv"), "a.onnx,p.vnnlib,10\na.onnx,p.vnnlib,soon\n");
        assertBadInput(CliRun.of("batch", list.toString()),
                "error: " + list + ": line 2: timeout 'soon' is not a number");
        assertBadInput(CliRun.of("batch", batch.list().toString(), "--timeout-scale", "0"),
                "error: --timeout-scale: expected a finite number > 0, got 0.0");
        assertBadInput(CliRun.of("batch", batch.list().toString(), "--csv", dir.resolve("no/such/r.csv").toString()),
                "error: --csv: the folder " + dir.resolve("no/such") + " of " + dir.resolve("no/such/r.csv")
                        + " does not exist");
        assertBadInput(CliRun.of("batch", batch.list().toString(), "--expected", list.toString()),
                "error: " + list + ": line 1: the header must name the columns network, property and expected");
    }

    private static void assertBadInput(CliRun run, String firstLine) {
        assertEquals(Main.EXIT_BAD_INPUT, run.code(), run.err());
        assertEquals(1, run.err().lines().count(), "one line, no progress, no stack trace: " + run.err());
        assertTrue(run.err().startsWith(firstLine), run.err());
    }
}
