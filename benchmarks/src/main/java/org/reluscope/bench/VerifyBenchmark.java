package org.reluscope.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.spec.Property;
import org.reluscope.spec.VnnLibParser;
import org.reluscope.verify.VerificationResult;
import org.reluscope.verify.Verifier;
import org.reluscope.verify.VerifierOptions;
import org.reluscope.verify.Witness;

/**
 * Runs {@link Verifier} on a VNN-COMP instance list and compares with the settled answers and
 * the baseline tool's times of {@code expected.csv} (for ACAS Xu, {@code nnenum_here_s}: nnenum
 * on this kind of machine). Writes one CSV row per instance (answer, seconds, baseline seconds,
 * ratio, method, wrong) and prints the totals: wrong answers (must be 0; a {@code sat} whose
 * witness does not violate the property in a fresh double-precision evaluation also counts as
 * wrong), total and median time against the baseline's. A baseline entry that is not a number
 * (nnenum's {@code timeout}) is charged the instance's time limit.
 *
 * <pre>
 *   mvn -q -o -DskipTests package
 *   java -cp "benchmarks/target/classes:verifier/target/reluscope.jar" \
 *       org.reluscope.bench.VerifyBenchmark --out benchmarks/results/verify-acasxu.csv
 * </pre>
 * Options: {@code --root DIR} (shared benchmarks), {@code --family acasxu|mnistfc},
 * {@code --filter REGEX} (on "network,property"), {@code --threads N} (default: all cores),
 * {@code --timeout-scale X} (multiplies the instance time limits), {@code --baseline COLUMN}.
 * The first instance is run once untimed first, to warm up the JIT.
 */
public final class VerifyBenchmark {
    private VerifyBenchmark() {
    }

    /** One line of the instance list with its settled answer and baseline time. */
    record Instance(String network, String property, double timeout, String expected, double baseline) {
    }

    /**
     * The outcome of one instance.
     *
     * @param cpuSeconds CPU time of the whole process during the run (all threads, JIT and GC
     *                   included): on a shared machine, the part of the wall time that was ours
     */
    record Row(Instance instance, VerificationResult result, double cpuSeconds, boolean wrong) {
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = BenchOptions.parse(args);
        String family = opts.getOrDefault("--family", "acasxu");
        Path dir = BenchOptions.sharedRoot(opts).resolve(family);
        Path out = BenchOptions.out(opts, "benchmarks/results/verify-" + family + ".csv");
        int threads = Integer.parseInt(opts.getOrDefault("--threads",
                String.valueOf(Runtime.getRuntime().availableProcessors())));
        double scale = Double.parseDouble(opts.getOrDefault("--timeout-scale", "1"));
        Pattern filter = Pattern.compile(opts.getOrDefault("--filter", ".*"));
        List<Instance> instances = instances(dir, family, opts.getOrDefault("--baseline", "nnenum_here_s"), filter);
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("no instance matches " + filter);
        }
        run(dir, instances.get(0), threads, scale);
        Files.createDirectories(out.toAbsolutePath().getParent());
        List<Row> rows = new ArrayList<>();
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("network,property,expected,answer,seconds,cpu_s,baseline_s,ratio,method,wrong");
            for (Instance inst : instances) {
                Row r = run(dir, inst, threads, scale);
                rows.add(r);
                String line = String.format(Locale.ROOT, "%s,%s,%s,%s,%.4f,%.4f,%.4f,%.4f,%s,%b", inst.network,
                        inst.property, inst.expected, r.result.answer(), r.result.seconds(), r.cpuSeconds, inst.baseline,
                        r.result.seconds() / inst.baseline, r.result.method(), r.wrong);
                csv.println(line);
                csv.flush();
                System.out.println(line);
            }
        }
        summarise(rows);
        System.out.println("per-instance CSV: " + out);
    }

    private static Row run(Path dir, Instance inst, int threads, double scale) {
        Network network = NetworkFiles.read(resolve(dir, inst.network, "onnx"));
        Property property = VnnLibParser.parse(resolve(dir, inst.property, "vnnlib"));
        Duration limit = Duration.ofMillis(Math.round(inst.timeout * scale * 1000));
        long cpu = OS.getProcessCpuTime();
        VerificationResult result = new Verifier(new VerifierOptions(limit, threads, 1)).verify(network, property);
        double cpuSeconds = (OS.getProcessCpuTime() - cpu) * 1e-9;
        boolean wrong;
        if (result.verdict() instanceof Witness sat) {
            wrong = !inst.expected.equals("sat")
                    || !property.isViolatedBy(sat.input(), network.evaluate(sat.input()), 0);
        } else {
            wrong = result.answer().equals("unsat") && !inst.expected.equals("unsat");
        }
        return new Row(inst, result, cpuSeconds, wrong);
    }

    private static void summarise(List<Row> rows) {
        Map<String, Integer> answers = new HashMap<>();
        int wrong = 0;
        int matched = 0;
        double[] ours = new double[rows.size()];
        double[] base = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            answers.merge(r.result.answer(), 1, Integer::sum);
            wrong += r.wrong ? 1 : 0;
            matched += r.result.answer().equals(r.instance.expected) ? 1 : 0;
            ours[i] = r.result.seconds();
            base[i] = r.instance.baseline;
        }
        double cpu = rows.stream().mapToDouble(Row::cpuSeconds).sum();
        double totalOurs = Arrays.stream(ours).sum();
        double totalBase = Arrays.stream(base).sum();
        System.out.printf(Locale.ROOT, "instances %d, answers %s, matching expected %d, wrong %d%n", rows.size(),
                answers, matched, wrong);
        System.out.printf(Locale.ROOT, "total   %.2f s vs baseline %.2f s: ratio %.3f%n", totalOurs, totalBase,
                totalOurs / totalBase);
        System.out.printf(Locale.ROOT, "process CPU time %.2f s (wall %.2f s: the machine's load shows in the gap)%n",
                cpu, totalOurs);
        System.out.printf(Locale.ROOT, "median  %.4f s vs baseline %.4f s: ratio %.3f%n", median(ours), median(base),
                median(ours) / median(base));
        double[] ratios = new double[rows.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = ours[i] / base[i];
        }
        System.out.printf(Locale.ROOT, "per-instance time ratio: median %.3f, max %.3f%n", median(ratios),
                Arrays.stream(ratios).max().orElse(Double.NaN));
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    /** {@code dir/name}, or {@code dir/sub/name} where the instance lists name files without their folder. */
    private static Path resolve(Path dir, String name, String sub) {
        Path direct = dir.resolve(name);
        return Files.exists(direct) ? direct : dir.resolve(sub).resolve(name);
    }

    /** The instance list joined with expected.csv; the baseline is the named column (or the first *_s column). */
    static List<Instance> instances(Path dir, String family, String baselineColumn, Pattern filter) throws IOException {
        List<String> expected = Files.readAllLines(dir.resolve("expected.csv"));
        List<String> header = List.of(expected.get(0).split(","));
        int baseline = header.indexOf(baselineColumn);
        if (baseline < 0) {
            baseline = header.indexOf(header.stream().filter(h -> h.endsWith("_s")).findFirst().orElseThrow());
        }
        Map<String, String[]> byKey = new HashMap<>();
        for (String line : expected.subList(1, expected.size())) {
            String[] f = line.split(",", -1);
            byKey.put(f[0] + "," + f[1], f);
        }
        List<Instance> instances = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(family + "_instances.csv"))) {
            String[] f = line.strip().split(",");
            if (f.length < 3 || !filter.matcher(f[0] + "," + f[1]).find()) {
                continue;
            }
            String[] e = byKey.get(f[0] + "," + f[1]);
            if (e == null) {
                throw new IllegalArgumentException("expected.csv has no row for " + f[0] + "," + f[1]);
            }
            double timeout = Double.parseDouble(f[2]);
            // a baseline that timed out is charged the time limit, as in VNN-COMP scoring
            double base = e[baseline].matches("[0-9.eE+-]+") ? Double.parseDouble(e[baseline]) : timeout;
            instances.add(new Instance(f[0], f[1], timeout, e[2], base));
        }
        return instances;
    }
}
