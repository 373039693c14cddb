package org.reluscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.reluscope.net.Network;
import org.reluscope.numeric.Decimals;
import org.reluscope.report.AtomicFiles;
import org.reluscope.report.ResultFile;
import org.reluscope.spec.Property;
import org.reluscope.verify.ProgressBoard;
import org.reluscope.verify.Verdict;
import org.reluscope.verify.VerificationResult;
import org.reluscope.verify.Verifier;
import org.reluscope.verify.VerifierOptions;
import org.reluscope.verify.Witness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code reluscope verify NET SPEC}: decides a property, VNN-COMP style. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Decides whether some input of the property's set reaches its UNSAFE outputs. The first line "
                + "of the output is the answer: unsat (proven: the property holds), sat (a counterexample, checked "
                + "in double precision, follows), unknown or timeout. Pipeline: a falsifier (corners, samples, "
                + "projected gradient), CROWN bounds, then input splitting (inputs of dimension ≤ 16) or branch and "
                + "bound over ReLU phases with LP bounds (wider inputs). The exit "
                + "code is 0 for every answer, 2 for bad input."})
final class VerifyCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long PROGRESS_DELAY_MILLIS = 1000;
    private static final long PROGRESS_PERIOD_MILLIS = 500;

    @Spec
    private CommandSpec spec;

    @Mixin
    private NetworkProblem problem;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "300",
            description = "Time budget in seconds for the whole run (default ${DEFAULT-VALUE}).")
    private double timeout;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    private Integer threads;

    @Option(names = "--result-file", paramLabel = "FILE",
            description = "Also write the VNN-COMP result file: the answer, and for sat the witness "
                    + "((X_0 v) … (Y_0 v) …). Written atomically (complete or not at all).")
    private Path resultFile;

    @Option(names = "--json", description = "Print JSON instead of text: {\"answer\", \"seconds\", \"method\", "
            + "\"reason\" (unknown only), \"witness\": {\"input\", \"output\"} (sat only)}.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        VerifierOptions options = options();
        if (resultFile != null) {
            AtomicFiles.checkWritable("--result-file", resultFile);
        }
        Network net = problem.readNetwork();
        Property prop = problem.resolve(net).property().orElseThrow(() -> new ParameterException(
                spec.commandLine(), "verify needs a property: give SPEC (a .vnnlib file) or --label K"));
        VerificationResult result = verifyShowingProgress(new Verifier(options), net, prop);
        if (resultFile != null) {
            AtomicFiles.write(resultFile, ResultFile.of(result.verdict()));
        }
        spec.commandLine().getOut().print(json
                ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(result)) + System.lineSeparator()
                : text(result));
        return 0;
    }

    /**
     * Runs the verifier with a progress line on stderr, rewritten twice a second once the run has
     * taken a second: elapsed time, stage, nodes bounded and their rate.
     */
    private VerificationResult verifyShowingProgress(Verifier verifier, Network net, Property prop) {
        ProgressBoard board = new ProgressBoard();
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch done = new CountDownLatch(1);
        Thread ticker = new Thread(() -> {
            try {
                boolean shown = false;
                long wait = PROGRESS_DELAY_MILLIS;
                while (!done.await(wait, TimeUnit.MILLISECONDS)) {
                    err.print("\r" + progressLine(board.snapshot()) + "   ");
                    err.flush();
                    shown = true;
                    wait = PROGRESS_PERIOD_MILLIS;
                }
                if (shown) {
                    err.println();
                    err.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "verify-progress");
        ticker.setDaemon(true);
        ticker.start();
        try {
            return verifier.verify(net, prop, board);
        } finally {
            done.countDown();
            joinQuietly(ticker);
        }
    }

    static String progressLine(ProgressBoard.Snapshot p) {
        String nodes = p.nodes() == 0 ? ""
                : String.format(Locale.ROOT, ", %,d nodes (%,.0f/s)", p.nodes(), p.nodes() / Math.max(p.seconds(), 1e-9));
        return String.format(Locale.ROOT, "verify: %.1f s, %s%s", p.seconds(), p.stage(), nodes);
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private VerifierOptions options() {
        if (!(timeout > 0) || Double.isInfinite(timeout)) {
            throw new ParameterException(spec.commandLine(), "--timeout must be a positive number of seconds, got "
                    + timeout);
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + n);
        }
        return new VerifierOptions(Duration.ofNanos(Math.round(timeout * 1e9)), n, 1);
    }

    private static String text(VerificationResult r) {
        StringBuilder sb = new StringBuilder(r.answer()).append(System.lineSeparator());
        sb.append(String.format(Locale.ROOT, "%.3f s%s%n", r.seconds(), r.method().isEmpty() ? "" : ", " + r.method()));
        if (r.verdict() instanceof Verdict.Unknown u) {
            sb.append(u.reason()).append(System.lineSeparator());
        }
        if (r.verdict() instanceof Witness sat) {
            sb.append("input  ").append(list(sat.input())).append(System.lineSeparator());
            sb.append("output ").append(list(sat.output())).append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static String list(double[] values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(Decimals.exactText(values[i]));
        }
        return sb.append(']').toString();
    }

    private static ObjectNode tree(VerificationResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("answer", r.answer());
        root.put("seconds", r.seconds());
        root.put("method", r.method());
        if (r.verdict() instanceof Verdict.Unknown u) {
            root.put("reason", u.reason());
        }
        if (r.verdict() instanceof Witness sat) {
            ObjectNode witness = root.putObject("witness");
            array(witness.putArray("input"), sat.input());
            array(witness.putArray("output"), sat.output());
        }
        return root;
    }

    private static void array(ArrayNode node, double[] values) {
        for (double v : values) {
            node.add(v);
        }
    }
}
