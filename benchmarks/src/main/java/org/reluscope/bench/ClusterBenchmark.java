package org.reluscope.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.api.java.JavaSparkContext;
import org.reluscope.batch.BatchRunner;
import org.reluscope.batch.Decider;
import org.reluscope.batch.ExpectedAnswers;
import org.reluscope.batch.Instance;
import org.reluscope.batch.InstanceList;
import org.reluscope.batch.InstanceResult;
import org.reluscope.batch.NetworkCache;
import org.reluscope.cluster.BatchSolver;
import org.reluscope.cluster.ClusterJob;
import org.reluscope.cluster.ClusterResult;
import org.reluscope.cluster.SparkSetup;
import org.reluscope.verify.VerifierOptions;

/**
 * The Spark job against its baseline, {@code reluscope batch} on one thread: the same instance
 * list through {@link BatchRunner} (one instance after the other, one verifier thread), then
 * through {@link ClusterJob} on {@code local[1]} and {@code local[2]} (one verifier thread per
 * task). Reports wall times, Spark's overhead on one core (local[1] / batch) and its speed-up on
 * two (batch / local[2]); the context start-up is reported apart, since a long-lived cluster
 * pays it once. Writes one CSV row per instance with every run's answer and seconds, and
 * counts answers that differ between runs (only a decision reached near the time limit may).
 *
 * <pre>
 *   RELUSCOPE_JAVA_OPTS="-Xss16m $(cat cluster/target/classes/org/reluscope/cluster/jvm-options.txt)" \
 *     benchmarks/run ClusterBenchmark --family acasxu --timeout-scale 0.03 --limit 90 --warmup 20 \
 *     --masters 'local[1],batch,local[2]' --out benchmarks/results/cluster-acasxu.csv
 * </pre>
 * (Spark needs the {@code --add-opens} flags of {@code jvm-options.txt}.) Options:
 * {@code --root DIR}, {@code --family acasxu|mnistfc}, {@code --timeout-scale X},
 * {@code --limit N} (the first N instances), {@code --warmup N} (instances run untimed first, in
 * the batch and in each Spark context, to warm the JIT; default 10), {@code --masters LIST}
 * (default {@code local[1],local[2]}; the name {@code batch} in the list runs the batch again, a
 * control for drift in the load of a shared machine).
 */
public final class ClusterBenchmark {
    private static final long SEED = 1;

    private ClusterBenchmark() {
    }

    /** One timed run: its answers in list order, wall seconds of the batch, and of the context start. */
    private record Run(String name, List<InstanceResult> results, double seconds, double startSeconds) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (!Object.class.getModule().isOpen("java.nio", ClusterBenchmark.class.getModule())) {
            throw new IllegalStateException("Spark needs the JVM flags of cluster/target/classes/org/reluscope/cluster/"
                    + "jvm-options.txt: pass them in RELUSCOPE_JAVA_OPTS");
        }
        Map<String, String> opts = BenchOptions.parse(args);
        Path folder = BenchOptions.sharedRoot(opts).resolve(opts.getOrDefault("--family", "acasxu"));
        String family = folder.getFileName().toString();
        Path out = BenchOptions.out(opts, "benchmarks/results/cluster-" + family + ".csv");
        double scale = Double.parseDouble(opts.getOrDefault("--timeout-scale", "1"));
        List<Instance> all = InstanceList.read(folder.resolve(family + "_instances.csv"), Optional.empty());
        List<Instance> instances = all.subList(0, Math.min(all.size(),
                Integer.parseInt(opts.getOrDefault("--limit", Integer.toString(all.size())))));
        ExpectedAnswers expected = ExpectedAnswers.read(folder.resolve("expected.csv"));

        BatchRunner batch = new BatchRunner(Decider.verifier(new VerifierOptions(VerifierOptions.DEFAULT.timeout(), 1,
                SEED)), scale, expected, new NetworkCache());
        List<Instance> warmup = instances.subList(0,
                Math.min(Integer.parseInt(opts.getOrDefault("--warmup", "10")), instances.size()));
        batch.run(warmup, r -> { });

        List<Run> runs = new ArrayList<>();
        runs.add(batch(batch, instances));
        report(runs.get(0));
        for (String master : opts.getOrDefault("--masters", "local[1],local[2]").split(",")) {
            runs.add(master.equals("batch") ? batch(batch, instances) : spark(master, warmup, instances, expected, scale));
            report(runs.get(runs.size() - 1));
        }
        write(out, runs);
        System.out.print(summary(runs));
        System.out.println("wrote " + out);
    }

    private static Run batch(BatchRunner batch, List<Instance> instances) {
        long start = System.nanoTime();
        return new Run("batch", batch.run(instances, r -> { }), since(start), 0);
    }

    /** A fresh context, warmed up (Spark's scheduling code is JIT-compiled too) before the timed run. */
    private static Run spark(String master, List<Instance> warmup, List<Instance> instances, ExpectedAnswers expected,
            double scale) throws InterruptedException {
        long start = System.nanoTime();
        try (JavaSparkContext spark = new JavaSparkContext(SparkSetup.conf(master, Map.of("spark.ui.enabled", "false")))) {
            double startSeconds = since(start);
            ClusterJob job = new ClusterJob(spark, new BatchSolver(SEED, scale));
            job.run(warmup, expected, r -> { });
            long run = System.nanoTime();
            List<ClusterResult> results = job.run(instances, expected, r -> { });
            return new Run(master, results.stream().map(ClusterResult::result).toList(), since(run), startSeconds);
        }
    }

    private static void report(Run run) {
        System.err.printf(Locale.ROOT, "%-9s %8.2f s (context start %.2f s)%n", run.name(), run.seconds(),
                run.startSeconds());
    }

    private static String summary(List<Run> runs) {
        StringBuilder s = new StringBuilder();
        Run batch = runs.get(0);
        int n = batch.results().size();
        s.append(String.format(Locale.ROOT, "%d instances; wall seconds: batch (1 thread) %.2f", n, batch.seconds()));
        for (Run run : runs.subList(1, runs.size())) {
            s.append(String.format(Locale.ROOT, ", %s %.2f (+%.2f context start)", run.name(), run.seconds(),
                    run.startSeconds()));
        }
        s.append(String.format(Locale.ROOT, "%n"));
        for (Run run : runs) {
            int cores = cores(run.name());
            s.append(String.format(Locale.ROOT, "%-9s sum of instance seconds %.2f; cores x wall - sum = %.1f ms per "
                    + "instance (scheduling, idle cores)%n", run.name(), busy(run), (cores * run.seconds() - busy(run))
                    / n * 1e3));
        }
        for (Run run : runs.subList(1, runs.size())) {
            s.append(String.format(Locale.ROOT, "%s: batch / %s = %.3f (speed-up; < 1 is overhead), "
                            + "%d answers differ from batch, %d wrong%n", run.name(), run.name(),
                    batch.seconds() / run.seconds(), differences(batch, run),
                    run.results().stream().filter(InstanceResult::wrong).count()));
        }
        return s.toString();
    }

    /** The time the instances themselves took: verification and loading, summed. */
    private static double busy(Run run) {
        return run.results().stream().mapToDouble(r -> r.seconds() + r.loadSeconds()).sum();
    }

    /** N of local[N]; 1 for the batch. */
    private static int cores(String master) {
        Matcher m = Pattern.compile("local\\[(\\d+)]").matcher(master);
        return m.matches() ? Integer.parseInt(m.group(1)) : 1;
    }

    private static long differences(Run a, Run b) {
        long n = 0;
        for (int i = 0; i < a.results().size(); i++) {
            n += a.results().get(i).answer() == b.results().get(i).answer() ? 0 : 1;
        }
        return n;
    }

    private static void write(Path out, List<Run> runs) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            StringBuilder header = new StringBuilder("network,property,expected");
            runs.forEach(r -> header.append(',').append(r.name()).append("_answer,").append(r.name()).append("_s"));
            csv.println(header);
            for (int i = 0; i < runs.get(0).results().size(); i++) {
                InstanceResult first = runs.get(0).results().get(i);
                StringBuilder row = new StringBuilder(first.instance().networkName() + "," + first.instance().propertyName()
                        + "," + first.expectation().map(a -> a.word()).orElse(""));
                for (Run run : runs) {
                    InstanceResult r = run.results().get(i);
                    row.append(String.format(Locale.ROOT, ",%s,%.4f", r.answer().word(), r.seconds() + r.loadSeconds()));
                }
                csv.println(row);
            }
        }
    }

    private static double since(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }
}
