package org.reluscope.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.reluscope.BadInputException;
import org.reluscope.batch.BatchRunner;
import org.reluscope.batch.Decider;
import org.reluscope.batch.BatchSummary;
import org.reluscope.batch.ExpectedAnswers;
import org.reluscope.batch.Instance;
import org.reluscope.batch.InstanceList;
import org.reluscope.batch.InstanceResult;
import org.reluscope.batch.NetworkCache;
import org.reluscope.report.AtomicFiles;
import org.reluscope.report.BatchCsv;
import org.reluscope.report.BatchJson;
import org.reluscope.report.BatchJunit;
import org.reluscope.report.BatchText;
import org.reluscope.report.ResultDirectory;
import org.reluscope.verify.VerifierOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code reluscope batch INSTANCES.csv [options]}: verifies every instance of a VNN-COMP instance list. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Verifies every instance of a VNN-COMP instance list (lines network,property,timeout) in order, "
                + "printing a progress line per instance on stderr and a summary table on stdout.",
                "Exit code: 0 when no answer contradicts --expected and no instance failed; 1 when some answer is "
                        + "wrong, or an instance could not be run or its sat witness failed the re-check; 2 for bad "
                        + "input (a malformed list or option)."})
final class BatchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INSTANCES.csv",
            description = "The instance list. Paths are relative to its folder (or --root); a file missing there is "
                    + "also looked for in the onnx/ and vnnlib/ sub-folders and with .gz appended.")
    private Path list;

    @Option(names = "--root", paramLabel = "DIR", description = "The folder the list's paths are relative to.")
    private Path root;

    @Option(names = "--timeout-scale", paramLabel = "X", defaultValue = "1",
            description = "Multiplies every listed time limit (default ${DEFAULT-VALUE}).")
    private double timeoutScale;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads of the verifier per instance (default: all cores).")
    private Integer threads;

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

    @Override
    public Integer call() {
        VerifierOptions options = verifierOptions();
        if (root != null && !Files.isDirectory(root)) {
            throw new BadInputException("--root", root + " is not a folder");
        }
        checkOutputs();
        ExpectedAnswers answers = expected == null ? ExpectedAnswers.NONE : ExpectedAnswers.read(expected);
        List<Instance> instances = InstanceList.read(list, Optional.ofNullable(root));
        Optional<ResultDirectory> results = Optional.ofNullable(resultDir).map(ResultDirectory::new);
        PrintWriter err = spec.commandLine().getErr();
        BatchSummary[] tally = {BatchSummary.EMPTY};
        List<InstanceResult> done = new BatchRunner(Decider.verifier(options), timeoutScale, answers, new NetworkCache())
                .run(instances, r -> {
                    tally[0] = tally[0].plus(r);
                    err.println(BatchText.progress(r, instances.size(), tally[0]));
                    err.flush();
                    results.ifPresent(d -> d.write(r));
                });
        spec.commandLine().getOut().print(BatchText.summary(tally[0]));
        if (csv != null) {
            BatchCsv.write(csv, done);
        }
        if (json != null) {
            BatchJson.write(json, done);
        }
        if (junit != null) {
            BatchJunit.write(junit, "reluscope batch " + list.getFileName(), done);
        }
        return tally[0].exitCode();
    }

    private VerifierOptions verifierOptions() {
        if (!(timeoutScale > 0) || Double.isInfinite(timeoutScale)) {
            throw new BadInputException("--timeout-scale", "expected a finite number > 0, got " + timeoutScale);
        }
        if (threads == null) {
            return VerifierOptions.DEFAULT;
        }
        if (threads < 1) {
            throw new BadInputException("--threads", "expected at least 1, got " + threads);
        }
        return VerifierOptions.DEFAULT.withThreads(threads);
    }

    /** Fails before a long run, not after it, when an output file cannot be written. */
    private void checkOutputs() {
        String[] names = {"--csv", "--json", "--junit"};
        Path[] files = {csv, json, junit};
        for (int k = 0; k < files.length; k++) {
            if (files[k] != null) {
                AtomicFiles.checkWritable(names[k], files[k]);
            }
        }
    }
}
