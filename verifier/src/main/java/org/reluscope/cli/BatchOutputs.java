package org.reluscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.reluscope.batch.BatchSummary;
import org.reluscope.batch.ExpectedAnswers;
import org.reluscope.batch.InstanceResult;
import org.reluscope.report.AtomicFiles;
import org.reluscope.report.BatchCsv;
import org.reluscope.report.BatchJson;
import org.reluscope.report.BatchJunit;
import org.reluscope.report.BatchText;
import org.reluscope.report.ResultDirectory;

import picocli.CommandLine.Option;

/**
 * What a batch run reports, shared by {@code reluscope batch} and the Spark job so that both
 * write the same records: the expected answers to check against, a progress line per
 * instance, the summary table, and the CSV, JSON, JUnit and VNN-COMP result files.
 *
 * <p>Use: {@link #check()} before the run (an unwritable output fails then, not after an
 * hour), {@link #progress} for each result as it arrives, {@link #finish} at the end.
 */
public final class BatchOutputs {
    @Option(names = "--expected", paramLabel = "FILE",
            description = "A CSV with columns network,property,expected (sat/unsat): answers contradicting it are "
                    + "wrong. Instances are matched by file names.")
    private Path expected;

    @Option(names = "--csv", paramLabel = "OUT", description = "Write the per-instance results as CSV.")
    private Path csv;

    @Option(names = "--json", paramLabel = "OUT", description = "Write the summary and per-instance results as JSON.")
    private Path json;

    @Option(names = "--junit", paramLabel = "OUT.xml",
            description = "Write JUnit XML for CI: one test case per instance; wrong answers are failures, instances "
                    + "that could not be run are errors, unknown and timeout are skipped.")
    private Path junit;

    @Option(names = "--result-dir", paramLabel = "DIR",
            description = "Write a VNN-COMP result file per instance into DIR (created if needed), as each finishes.")
    private Path resultDir;

    private BatchSummary tally = BatchSummary.EMPTY;
    private Optional<ResultDirectory> results = Optional.empty();

    /**
     * Checks that every output file can be written and reads the expected answers.
     *
     * @throws org.reluscope.BadInputException naming the option of an unwritable file or the
     *                                         line of a malformed expected-answers file
     */
    public ExpectedAnswers check() {
        String[] names = {"--csv", "--json", "--junit"};
        Path[] files = {csv, json, junit};
        for (int k = 0; k < files.length; k++) {
            if (files[k] != null) {
                AtomicFiles.checkWritable(names[k], files[k]);
            }
        }
        ExpectedAnswers answers = expected == null ? ExpectedAnswers.NONE : ExpectedAnswers.read(expected);
        results = Optional.ofNullable(resultDir).map(ResultDirectory::new);
        return answers;
    }

    /** Records one finished instance (tally, result file) and returns its progress line. */
    public String progress(InstanceResult r, int total) {
        tally = tally.plus(r);
        results.ifPresent(d -> d.write(r));
        return BatchText.progress(r, total, tally);
    }

    /**
     * Prints the summary table to {@code out}, writes the requested files and returns the exit
     * code: non-zero when an answer is wrong or an instance failed.
     *
     * @param suite the JUnit suite name
     */
    public int finish(String suite, List<InstanceResult> done, PrintWriter out) {
        BatchSummary summary = BatchSummary.of(done);
        out.print(BatchText.summary(summary));
        out.flush();
        if (csv != null) {
            BatchCsv.write(csv, done);
        }
        if (json != null) {
            BatchJson.write(json, done);
        }
        if (junit != null) {
            BatchJunit.write(junit, suite, done);
        }
        return summary.exitCode();
    }
}
