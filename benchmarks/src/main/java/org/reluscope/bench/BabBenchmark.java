package org.reluscope.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.sun.management.OperatingSystemMXBean;

import org.reluscope.input.InputSet;
import org.reluscope.lp.LpSolvers;
import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.spec.LinearConstraints;
import org.reluscope.spec.Property;
import org.reluscope.spec.VnnLibParser;
import org.reluscope.verify.Deadline;
import org.reluscope.verify.DisjunctOutcome;
import org.reluscope.verify.Falsifier;
import org.reluscope.verify.Witness;
import org.reluscope.verify.bab.ReluSplitSearch;

/**
 * ReLU branch and bound ({@link ReluSplitSearch}) on the 30 mnistfc 256x2 instances, against
 * the settled answers and nnenum's 2021 times of {@code mnistfc/expected.csv}. Per instance,
 * within its time limit from {@code mnistfc_instances.csv}: the {@link Falsifier} on the input
 * set (unless {@code --falsify false}), then relu-bab on each disjunct in file order (its root
 * node has α-CROWN bounds, computed once per input set, so the disjuncts they exclude cost
 * one bound pass): first with a slice of 1/(2n) of the budget each (n disjuncts), then the undecided ones again with all that is left. Writes one CSV row per
 * instance (answer, stage that decided, wall and CPU seconds, nnenum seconds, ratio of wall
 * times, wrong) and prints the
 * totals; the exit code is 1 if any answer contradicts the expected one.
 *
 * <pre>
 *   mvn -q -o -DskipTests package
 *   java -cp "benchmarks/target/classes:verifier/target/reluscope.jar:verifier/target/lib/*" \
 *       org.reluscope.bench.BabBenchmark --out benchmarks/results/bab.csv
 * </pre>
 * Options: {@code --root DIR}, {@code --threads N} (default 2), {@code --falsify true|false},
 * {@code --only prop_1_0.03,prop_3_0.03} (a subset), {@code --timeout-scale X}.
 */
public final class BabBenchmark {
    private BabBenchmark() {
    }

    /** One instance with its expected answer and nnenum's time (NaN where nnenum did not answer). */
    record Instance(String property, double timeout, String expected, double nnenumSeconds) {
    }

    /** What one run gave: wall seconds, and CPU seconds of the whole process (all threads, JIT and GC included). */
    record Outcome(String answer, String stage, double seconds, double cpuSeconds) {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = BenchOptions.parse(args);
        Path root = BenchOptions.sharedRoot(opts).resolve("mnistfc");
        Path out = BenchOptions.out(opts, "benchmarks/results/bab.csv");
        int threads = Integer.parseInt(opts.getOrDefault("--threads", "2"));
        boolean falsify = Boolean.parseBoolean(opts.getOrDefault("--falsify", "true"));
        double scale = Double.parseDouble(opts.getOrDefault("--timeout-scale", "1"));
        List<String> only = BenchOptions.list(opts, "--only");
        Network net = NetworkFiles.read(root.resolve("mnist-net_256x2.onnx"));
        ReluSplitSearch search = new ReluSplitSearch(LpSolvers.create(LpSolvers.DEFAULT_LP), threads, Long.MAX_VALUE);
        List<Instance> instances = instances(root);
        run(net, root, instances.get(0), search, falsify, 1);
        Files.createDirectories(out.toAbsolutePath().getParent());
        int wrong = 0;
        int solved = 0;
        int compared = 0;
        double total = 0;
        double cpuTotal = 0;
        double nnenumTotal = 0;
        double oursOnCompared = 0;
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("property,expected,answer,stage,seconds,cpu_seconds,nnenum_2021_s,ratio,wrong");
            for (Instance inst : instances) {
                if (!only.isEmpty() && only.stream().noneMatch(inst.property::startsWith)) {
                    continue;
                }
                Outcome o = run(net, root, inst, search, falsify, scale);
                boolean isWrong = (o.answer.equals("sat") || o.answer.equals("unsat")) && !o.answer.equals(inst.expected);
                wrong += isWrong ? 1 : 0;
                solved += o.answer.equals(inst.expected) ? 1 : 0;
                total += o.seconds;
                cpuTotal += o.cpuSeconds;
                double ratio = o.seconds / inst.nnenumSeconds;
                if (!Double.isNaN(ratio) && o.answer.equals(inst.expected)) {
                    compared++;
                    nnenumTotal += inst.nnenumSeconds;
                    oursOnCompared += o.seconds;
                }
                csv.printf(Locale.ROOT, "%s,%s,%s,%s,%.3f,%.3f,%s,%s,%b%n", inst.property, inst.expected, o.answer,
                        o.stage, o.seconds, o.cpuSeconds, Double.isNaN(inst.nnenumSeconds) ? "" : inst.nnenumSeconds,
                        Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.3f", ratio), isWrong);
                csv.flush();
                System.err.printf(Locale.ROOT, "%-20s expected %-5s got %-7s by %-10s %7.2f s, cpu %7.2f s (nnenum %s)%n",
                        inst.property, inst.expected, o.answer, o.stage, o.seconds, o.cpuSeconds,
                        Double.isNaN(inst.nnenumSeconds) ? "-" : inst.nnenumSeconds + " s");
            }
        }
        System.out.printf(Locale.ROOT, "solved %d, wrong %d, total %.1f s wall, %.1f s cpu; on the %d instances both"
                + " solved: %.1f s vs nnenum %.1f s (ratio %.2f)%n", solved, wrong, total, cpuTotal, compared, oursOnCompared,
                nnenumTotal, oursOnCompared / nnenumTotal);
        System.out.println("wrote " + out);
        if (wrong > 0) {
            System.exit(1);
        }
    }

    private static Outcome run(Network net, Path root, Instance inst, ReluSplitSearch search, boolean falsify,
                               double scale) {
        Property property = VnnLibParser.parse(root.resolve("vnnlib").resolve(inst.property));
        Clock start = new Clock();
        Deadline deadline = Deadline.in(Duration.ofMillis((long) (inst.timeout * scale * 1000)));
        Map<InputSet, List<LinearConstraints>> groups = property.byInputSet();
        if (falsify) {
            Falsifier falsifier = new Falsifier(net, 1);
            for (Map.Entry<InputSet, List<LinearConstraints>> g : groups.entrySet()) {
                Optional<Witness> w = falsifier.falsify(g.getKey(), g.getValue(), deadline);
                if (w.isPresent()) {
                    return start.outcome("sat", "falsifier");
                }
            }
        }
        List<Map.Entry<InputSet, LinearConstraints>> open = new ArrayList<>();
        for (Map.Entry<InputSet, List<LinearConstraints>> g : groups.entrySet()) {
            for (LinearConstraints rows : g.getValue()) {
                open.add(Map.entry(g.getKey(), rows));
            }
        }
        // First a slice of the budget for each disjunct, so that a counterexample in a late
        // disjunct is not starved by an early one that is hard to prove; then the rest in turn.
        Duration slice = Duration.ofMillis((long) (inst.timeout * scale * 1000 / (2.0 * open.size())));
        boolean gaveUp = false;
        for (boolean sliced : new boolean[] {true, false}) {
            List<Map.Entry<InputSet, LinearConstraints>> undecided = new ArrayList<>();
            gaveUp = false;
            for (Map.Entry<InputSet, LinearConstraints> d : open) {
                Deadline limit = sliced ? deadline.atMost(slice) : deadline;
                DisjunctOutcome o = search.search(net, d.getKey(), d.getValue(), limit);
                if (o instanceof Witness) {
                    return start.outcome("sat", search.name());
                }
                if (o instanceof DisjunctOutcome.Undecided u) {
                    undecided.add(d);
                    gaveUp |= !u.timedOut();
                }
            }
            open = undecided;
        }
        String answer = open.isEmpty() ? "unsat" : gaveUp ? "unknown" : "timeout";
        return start.outcome(answer, search.name());
    }

    /**
     * Wall and process CPU time since creation. The CPU time tells what the run cost when the
     * machine is shared: wall time then includes waiting for a core.
     */
    private static final class Clock {
        private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final long wall = System.nanoTime();
        private final long cpu = os.getProcessCpuTime();

        Outcome outcome(String answer, String stage) {
            return new Outcome(answer, stage, (System.nanoTime() - wall) * 1e-9, (os.getProcessCpuTime() - cpu) * 1e-9);
        }
    }

    /** The instances of mnistfc_instances.csv with the answers and nnenum times of expected.csv. */
    static List<Instance> instances(Path root) throws IOException {
        List<String> expected = Files.readAllLines(root.resolve("expected.csv"));
        List<Instance> list = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("mnistfc_instances.csv"))) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            for (String e : expected.subList(1, expected.size())) {
                String[] g = e.split(",", -1);
                if (g[0].equals(f[0]) && g[1].equals(f[1])) {
                    list.add(new Instance(f[1], Double.parseDouble(f[2]), g[2],
                            g[3].isBlank() ? Double.NaN : Double.parseDouble(g[3])));
                }
            }
        }
        return list;
    }
}
