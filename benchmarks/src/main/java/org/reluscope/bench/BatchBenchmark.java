package org.reluscope.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.reluscope.batch.Answer;
import org.reluscope.batch.BatchRunner;
import org.reluscope.batch.BatchSummary;
import org.reluscope.batch.CsvRecords;
import org.reluscope.batch.Decider;
import org.reluscope.batch.ExpectedAnswers;
import org.reluscope.batch.Instance;
import org.reluscope.batch.InstanceList;
import org.reluscope.batch.NetworkCache;
import org.reluscope.report.BatchText;
import org.reluscope.verify.VerifierOptions;

/**
 * reluscope on a VNN-COMP instance list against a baseline tool's wall times recorded in the
 * list's {@code expected.csv} (for ACAS Xu {@code nnenum_here_s}: nnenum on this kind of
 * 2-core machine). Runs the instances through {@link BatchRunner} exactly as
 * {@code reluscope batch} does and writes one CSV row per instance: network, property,
 * expected and given answer, reluscope's seconds (verification plus reading the files), the
 * baseline's seconds and their ratio. A baseline {@code timeout} counts as the instance's time
 * limit, which favours the baseline. The summary compares totals and medians over all
 * instances; a ratio below 1 means reluscope is faster.
 *
 * <pre>
 *   benchmarks/run BatchBenchmark --family acasxu --out benchmarks/results/batch-acasxu.csv
 * </pre>
 * Options: {@code --root DIR} (default: {@code shared/benchmarks} beside an ancestor of the
 * working directory), {@code --family acasxu|mnistfc}, {@code --baseline COLUMN} (default
 * {@code nnenum_here_s} for acasxu, {@code nnenum_2021_s} for mnistfc), {@code --threads N},
 * {@code --timeout-scale X}, {@code --limit N} (only the first N instances). The first
 * instance is run once untimed first, to warm up the JIT.
 */
public final class BatchBenchmark {
    private BatchBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = BenchOptions.parse(args);
        Path root = BenchOptions.sharedRoot(opts);
        String family = opts.getOrDefault("--family", "acasxu");
        Path folder = root.resolve(family);
        String column = opts.getOrDefault("--baseline", family.equals("mnistfc") ? "nnenum_2021_s" : "nnenum_here_s");
        Path out = BenchOptions.out(opts, "benchmarks/results/batch-" + family + ".csv");
        int threads = Integer.parseInt(opts.getOrDefault("--threads",
                Integer.toString(Runtime.getRuntime().availableProcessors())));
        double scale = Double.parseDouble(opts.getOrDefault("--timeout-scale", "1"));
        List<Instance> instances = InstanceList.read(folder.resolve(family + "_instances.csv"), Optional.empty());
        instances = instances.subList(0, Math.min(instances.size(),
                Integer.parseInt(opts.getOrDefault("--limit", Integer.toString(instances.size())))));
        Map<String, String> baseline = column(folder.resolve("expected.csv"), column);
        BatchRunner runner = new BatchRunner(Decider.verifier(VerifierOptions.DEFAULT.withThreads(threads)), scale,
                ExpectedAnswers.read(folder.resolve("expected.csv")), new NetworkCache());
        runner.solve(0, instances.get(0));
        Files.createDirectories(out.toAbsolutePath().getParent());
        List<double[]> times = new ArrayList<>();
        BatchSummary[] tally = {BatchSummary.EMPTY};
        int total = instances.size();
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("network,property,expected,answer,seconds,baseline_s,ratio");
            runner.run(instances, r -> {
                tally[0] = tally[0].plus(r);
                System.err.println(BatchText.progress(r, total, tally[0]));
                String recorded = baseline.getOrDefault(key(r.instance().networkName(), r.instance().propertyName()),
                        "");
                double ours = r.seconds() + r.loadSeconds();
                double theirs = recorded.equals("timeout") ? r.instance().timeoutSeconds() : parse(recorded);
                times.add(new double[] {ours, theirs});
                csv.printf(Locale.ROOT, "%s,%s,%s,%s,%.4f,%s,%s%n", r.instance().networkName(),
                        r.instance().propertyName(), r.expectation().map(Answer::word).orElse(""), r.answer().word(),
                        ours, recorded, Double.isNaN(theirs) ? "" : String.format(Locale.ROOT, "%.4f", ours / theirs));
                csv.flush();
            });
        }
        System.out.print(BatchText.summary(tally[0]));
        System.out.print(comparison(times, column));
        System.out.println("wrote " + out);
    }

    /** Totals and medians of both tools over the instances where the baseline has a time. */
    private static String comparison(List<double[]> times, String column) {
        double[] ours = times.stream().filter(t -> !Double.isNaN(t[1])).mapToDouble(t -> t[0]).toArray();
        double[] theirs = times.stream().filter(t -> !Double.isNaN(t[1])).mapToDouble(t -> t[1]).toArray();
        double sumOurs = Arrays.stream(ours).sum();
        double sumTheirs = Arrays.stream(theirs).sum();
        return String.format(Locale.ROOT, "over %d instances with a %s time: total %.1f s vs %.1f s (ratio %.3f), "
                        + "median %.3f s vs %.3f s (ratio %.3f)%n", ours.length, column, sumOurs, sumTheirs,
                sumOurs / sumTheirs, median(ours), median(theirs), median(ours) / median(theirs));
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static double parse(String seconds) {
        try {
            return seconds.isEmpty() ? Double.NaN : Double.parseDouble(seconds);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** One column of a CSV with a network,property,… header, by network and property file name. */
    private static Map<String, String> column(Path csv, String name) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = CsvRecords.split(lines.get(0));
        int network = header.indexOf("network");
        int property = header.indexOf("property");
        int value = header.indexOf(name);
        if (network < 0 || property < 0 || value < 0) {
            throw new IllegalArgumentException(csv + ": no column network, property or " + name + " in " + header);
        }
        Map<String, String> values = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = CsvRecords.split(line);
            if (f.size() > value) {
                values.put(key(f.get(network), f.get(property)), f.get(value));
            }
        }
        return values;
    }

    private static String key(String network, String property) {
        return network + '\n' + property;
    }
}
