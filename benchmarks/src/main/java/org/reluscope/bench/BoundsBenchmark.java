package org.reluscope.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reluscope.bounds.BoundOptions;
import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.OutputBounder;
import org.reluscope.bounds.ReluSplits;
import org.reluscope.input.InputSet;
import org.reluscope.lp.LpSolver;
import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.region.BoundMethod;
import org.reluscope.spec.LinearConstraints;
import org.reluscope.spec.Property;
import org.reluscope.spec.VnnLibParser;

/**
 * Time and tightness of each bound method on the reference workloads: ACAS Xu property 1 on
 * all 45 networks, and mnistfc 256x2 on its 30 VNN-LIB boxes (ε = 0.03 and 0.05). Writes one
 * CSV row per (instance, method): seconds for the bounds, mean output width, unstable
 * neurons, and whether the bounds alone prove the property (every unsafe disjunct has a row
 * a·y ≤ b with a certified lower bound of a·y above b), with the seconds that took.
 *
 * <pre>
 *   mvn -q -pl benchmarks -am package -DskipTests
 *   java -cp "benchmarks/target/classes:verifier/target/reluscope.jar:verifier/target/lib/*" \
 *       org.reluscope.bench.BoundsBenchmark --out benchmarks/results/bounds.csv
 * </pre>
 * Options: {@code --root DIR} (default: {@code shared/benchmarks} beside an ancestor of the
 * working directory), {@code --methods ibp,crown,lp}, {@code --families acasxu,mnistfc}.
 * Each family is run once untimed on its first instance first, to warm up the JIT.
 */
public final class BoundsBenchmark {
    private BoundsBenchmark() {
    }

    /** One network and property file. */
    record Instance(String family, Path network, Path property) {
    }

    /** The measurements of one method on one input set of one instance. */
    record Row(Instance instance, int set, String method, double seconds, double meanWidth, int unstable,
               boolean proven, double proofSeconds) {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = BenchOptions.parse(args);
        Path root = BenchOptions.sharedRoot(opts);
        Path out = BenchOptions.out(opts, "benchmarks/results/bounds.csv");
        List<BoundMethod> methods = new ArrayList<>();
        for (String m : opts.getOrDefault("--methods", "ibp,crown,lp").split(",")) {
            methods.add(BoundMethod.valueOf(m.strip().toUpperCase(Locale.ROOT)));
        }
        List<String> families = List.of(opts.getOrDefault("--families", "acasxu,mnistfc").split(","));
        LpSolver solver = BenchOptions.lpSolver();
        Files.createDirectories(out.toAbsolutePath().getParent());
        List<Row> rows = new ArrayList<>();
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("family,network,property,set,method,seconds,mean_width,unstable,proven,proof_seconds");
            for (String family : families) {
                List<Instance> instances = instances(root, family.strip());
                for (BoundMethod m : methods) {
                    measure(instances.get(0), m.bounder(solver));
                }
                for (Instance instance : instances) {
                    for (BoundMethod m : methods) {
                        for (Row r : measure(instance, m.bounder(solver))) {
                            rows.add(r);
                            csv.printf(Locale.ROOT, "%s,%s,%s,%d,%s,%.6f,%.6g,%d,%b,%.6f%n", family,
                                    instance.network.getFileName(), instance.property.getFileName(), r.set, r.method,
                                    r.seconds, r.meanWidth, r.unstable, r.proven, r.proofSeconds);
                            csv.flush();
                            System.err.printf(Locale.ROOT, "%s %s %s: %.3f s, width %.4g, unstable %d, proven %b%n",
                                    instance.network.getFileName(), instance.property.getFileName(), r.method, r.seconds,
                                    r.meanWidth, r.unstable, r.proven);
                        }
                    }
                }
            }
        }
        summarise(rows);
        System.out.println("wrote " + out);
    }

    static List<Instance> instances(Path root, String family) {
        List<Instance> list = new ArrayList<>();
        if (family.equals("acasxu")) {
            for (int a = 1; a <= 5; a++) {
                for (int b = 1; b <= 9; b++) {
                    list.add(new Instance(family,
                            root.resolve("acasxu/onnx/ACASXU_run2a_" + a + "_" + b + "_batch_2000.onnx"),
                            root.resolve("acasxu/vnnlib/prop_1.vnnlib")));
                }
            }
        } else if (family.equals("mnistfc")) {
            for (String eps : new String[] {"0.03", "0.05"}) {
                for (int i = 0; i < 15; i++) {
                    list.add(new Instance(family, root.resolve("mnistfc/mnist-net_256x2.onnx"),
                            root.resolve("mnistfc/vnnlib/prop_" + i + "_" + eps + ".vnnlib")));
                }
            }
        } else {
            throw new IllegalArgumentException("unknown family " + family + " (acasxu, mnistfc)");
        }
        return list;
    }

    private static List<Row> measure(Instance instance, OutputBounder method) {
        Network net = NetworkFiles.read(instance.network);
        Property property = VnnLibParser.parse(instance.property);
        List<Row> rows = new ArrayList<>();
        int index = 0;
        for (Map.Entry<InputSet, List<LinearConstraints>> e : property.byInputSet().entrySet()) {
            long t0 = System.nanoTime();
            Bounds b = method.compute(net, e.getKey());
            long t1 = System.nanoTime();
            boolean proven = refutesAll(method, net, e.getKey(), b, e.getValue());
            long t2 = System.nanoTime();
            rows.add(new Row(instance, index++, method.name(), (t1 - t0) / 1e9, b.meanOutputWidth(),
                    b.unstableTotal(), proven, (t2 - t0) / 1e9));
        }
        return rows;
    }

    /** Whether every unsafe disjunct has a row a·y ≤ b that the bounds show is never met. */
    private static boolean refutesAll(OutputBounder method, Network net, InputSet set, Bounds b,
                                      List<LinearConstraints> unsafe) {
        BoundOptions reuse = BoundOptions.reusing(b, ReluSplits.NONE);
        for (LinearConstraints disjunct : unsafe) {
            boolean refuted = false;
            for (int i = 0; i < disjunct.rowCount() && !refuted; i++) {
                refuted = method.lowerBound(net, set, disjunct.row(i), reuse) > disjunct.rhs(i);
            }
            if (!refuted) {
                return false;
            }
        }
        return true;
    }

    private static void summarise(List<Row> rows) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Row r : rows) {
            double[] s = sums.computeIfAbsent(r.instance.family + " " + r.method, k -> new double[5]);
            s[0]++;
            s[1] += r.seconds;
            s[2] += r.meanWidth;
            s[3] += r.proven ? 1 : 0;
            s[4] += r.unstable;
        }
        System.out.println("family method: sets, mean seconds, mean output width, mean unstable, proven");
        sums.forEach((k, s) -> System.out.printf(Locale.ROOT, "%-16s %4.0f  %9.4f s  %10.4g  %7.1f  %3.0f%n", k, s[0],
                s[1] / s[0], s[2] / s[0], s[4] / s[0], s[3]));
    }
}
