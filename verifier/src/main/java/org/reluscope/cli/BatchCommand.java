package org.reluscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.reluscope.BadInputException;
import org.reluscope.batch.BatchRunner;
import org.reluscope.batch.Decider;
import org.reluscope.batch.ExpectedAnswers;
import org.reluscope.batch.Instance;
import org.reluscope.batch.InstanceResult;
import org.reluscope.batch.NetworkCache;
import org.reluscope.verify.VerifierOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
                    + "also looked for in the onnx/ and vnnlib/ sub-folders, and gzip'd (name + .gz).")
    private Path list;

    @Mixin
    private InstanceListOptions listOptions;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads of the verifier per instance (default: all cores).")
    private Integer threads;

    @Mixin
    private BatchOutputs outputs;

    @Override
    public Integer call() {
        VerifierOptions options = verifierOptions();
        double timeoutScale = listOptions.timeoutScale();
        List<Instance> instances = listOptions.read(list);
        ExpectedAnswers answers = outputs.check();
        PrintWriter err = spec.commandLine().getErr();
        BatchRunner runner = new BatchRunner(Decider.verifier(options), timeoutScale, answers, new NetworkCache());
        List<InstanceResult> done = runner.run(instances, r -> {
            err.println(outputs.progress(r, instances.size()));
            err.flush();
        });
        return outputs.finish("reluscope batch " + list.getFileName(), done, spec.commandLine().getOut());
    }

    private VerifierOptions verifierOptions() {
        if (threads == null) {
            return VerifierOptions.DEFAULT;
        }
        if (threads < 1) {
            throw new BadInputException("--threads", "expected at least 1, got " + threads);
        }
        return VerifierOptions.DEFAULT.withThreads(threads);
    }
}
