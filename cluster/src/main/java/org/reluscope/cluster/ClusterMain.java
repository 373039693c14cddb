package org.reluscope.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.spark.api.java.JavaSparkContext;
import org.reluscope.BadInputException;
import org.reluscope.batch.ExpectedAnswers;
import org.reluscope.batch.Instance;
import org.reluscope.batch.InstanceResult;
import org.reluscope.cli.BatchOutputs;
import org.reluscope.cli.InstanceListOptions;
import org.reluscope.cli.Main;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reluscope-cluster}: the batch of {@code reluscope batch}, run on Apache Spark. The
 * instances come from an instance list, or from a labelled data set (robustness of every point
 * for every radius); the records, summary, output files and exit code are those of
 * {@code reluscope batch}. Launched by {@code spark-submit} on a cluster, or directly with
 * {@code --master local[N]} on one machine.
 */
@Command(name = "reluscope-cluster", mixinStandardHelpOptions = true, version = "reluscope 0.1.0",
        description = {"Runs a batch of verification instances on Apache Spark, one instance per task, the longest "
                + "first; a failed instance is retried once, then reported as an error.",
                "Exit code: 0 when no answer contradicts --expected and no instance failed; 1 when some answer is "
                        + "wrong or an instance failed twice; 2 for bad input."})
public final class ClusterMain implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "INSTANCES.csv",
            description = "An instance list (lines network,property,timeout), as for reluscope batch. Paths must be "
                    + "readable on every executor (a shared file system).")
    private Path list;

    @Mixin
    private InstanceListOptions listOptions;

    @Option(names = "--points", paramLabel = "FILE.csv",
            description = "Instead of a list: a data set, one point per line as label,x_0,…,x_n-1. Every point and "
                    + "radius becomes the robustness property \"the label stays the strictly largest output\".")
    private Path points;

    @Option(names = "--network", paramLabel = "NET", description = "With --points: the network to certify.")
    private Path network;

    @Option(names = "--epsilon", paramLabel = "EPS", split = ",",
            description = "With --points: the L∞ radii, e.g. 0.01,0.02.")
    private List<Double> epsilons;

    @Option(names = "--clip", paramLabel = "LO,HI", split = ",",
            description = "With --points: keep every input in [LO, HI] (e.g. 0,1 for pixels).")
    private double[] clip;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "60",
            description = "With --points: the time limit of each instance in seconds (default ${DEFAULT-VALUE}).")
    private double timeout;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "reluscope-instances",
            description = "With --points: where the generated VNN-LIB properties and instances.csv are written "
                    + "(default ${DEFAULT-VALUE}); on a cluster, a folder every executor can read.")
    private Path workDir;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N] for N cores of this machine, spark://host:port, yarn, … "
                    + "(default: what spark-submit set, else " + SparkSetup.DEFAULT_MASTER + ").")
    private String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting, e.g. spark.task.cpus=2.")
    private Map<String, String> conf = Map.of();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the falsifier's sampling (default ${DEFAULT-VALUE}).")
    private long seed;

    @Mixin
    private BatchOutputs outputs;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the job with the given streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return Main.execute(new ClusterMain(), args, out, err);
    }

    @Override
    public Integer call() throws InterruptedException {
        double timeoutScale = listOptions.timeoutScale();
        ExpectedAnswers expected = outputs.check();
        List<Instance> instances = listOptions.read(instanceList());
        PrintWriter err = spec.commandLine().getErr();
        List<ClusterResult> results;
        try (JavaSparkContext spark = new JavaSparkContext(SparkSetup.conf(master, conf))) {
            results = new ClusterJob(spark, new BatchSolver(seed, timeoutScale)).run(instances, expected, r -> {
                err.println(outputs.progress(r.result(), instances.size()) + (r.attempts() > 1 ? " [retried]" : ""));
                err.flush();
            });
        }
        List<InstanceResult> done = results.stream().map(ClusterResult::result).toList();
        return outputs.finish("reluscope cluster " + instances.size() + " instances", done, spec.commandLine().getOut());
    }

    /** The given list, or the one written for the data set. */
    private Path instanceList() {
        if ((list == null) == (points == null)) {
            throw usage(list == null ? "give an instance list INSTANCES.csv, or a data set with --points"
                    : "give either INSTANCES.csv or --points, not both");
        }
        if (list != null) {
            return list;
        }
        if (network == null || epsilons == null) {
            throw usage("--points needs --network NET and --epsilon EPS[,EPS…]");
        }
        if (clip != null && (clip.length != 2 || !(clip[0] <= clip[1]))) {
            throw new BadInputException("--clip", "expected LO,HI with LO ≤ HI");
        }
        if (!(timeout > 0) || Double.isInfinite(timeout)) {
            throw new BadInputException("--timeout", "expected a positive number of seconds, got " + timeout);
        }
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new BadInputException("--work-dir", "cannot create " + workDir + ": " + e.getMessage());
        }
        return DataSetInstances.write(points, network, epsilons, clip, timeout, workDir);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
