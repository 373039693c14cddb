package org.reluscope.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reluscope.bounds.AlphaCrown;
import org.reluscope.bounds.BoundOptions;
import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.OutputBounder;
import org.reluscope.bounds.ReluSplits;
import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.bounds.TriangleOptions;
import org.reluscope.bounds.TriangleRelaxation;
import org.reluscope.input.InputSet;
import org.reluscope.lp.LpSolvers;
import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.spec.LinearConstraints;
import org.reluscope.spec.Property;
import org.reluscope.spec.VnnLibParser;

/**
 * How tight branch-and-bound's root is on the mnistfc 256x2 properties: CROWN, α-CROWN (the
 * root bounds of relu-bab) and, with {@code --lp true}, the triangle LP with every unstable
 * neuron of every layer solved (the tight baseline: α-CROWN should match it). Per property and
 * method: seconds for the bounds of the whole input set, unstable ReLUs per layer, and the worst
 * disjunct's margin (the largest lower bound of a·y − b over the disjuncts CROWN leaves open is
 * what a proof has to lift above 0; the smallest is reported). Writes one CSV row per property
 * and method.
 *
 * <pre>
 *   benchmarks/run RootBoundsBenchmark --only prop_1_0.03,prop_3_0.03 --lp true --out /tmp/root.csv
 * </pre>
 * Options: {@code --root DIR}, {@code --only a,b} (property name prefixes), {@code --lp true|false}
 * (default false: the LP takes tens of seconds per property), {@code --iterations N} (α steps, 30).
 */
public final class RootBoundsBenchmark {
    private RootBoundsBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = BenchOptions.parse(args);
        Path root = BenchOptions.sharedRoot(opts).resolve("mnistfc");
        Path out = BenchOptions.out(opts, "benchmarks/results/root-bounds.csv");
        List<String> only = BenchOptions.list(opts, "--only");
        int iterations = Integer.parseInt(opts.getOrDefault("--iterations", "30"));
        List<OutputBounder> methods = Boolean.parseBoolean(opts.getOrDefault("--lp", "false"))
                ? List.of(new SymbolicPropagation(), new AlphaCrown(iterations, 0.1),
                        new TriangleRelaxation(LpSolvers.create("clp"), new TriangleOptions(Integer.MAX_VALUE, 0, 0)))
                : List.of(new SymbolicPropagation(), new AlphaCrown(iterations, 0.1));
        Network net = NetworkFiles.read(root.resolve("mnist-net_256x2.onnx"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("property,method,seconds,unstable,worst_margin");
            for (BabBenchmark.Instance inst : BabBenchmark.instances(root)) {
                if (!only.isEmpty() && only.stream().noneMatch(inst.property()::startsWith)) {
                    continue;
                }
                Property property = VnnLibParser.parse(root.resolve("vnnlib").resolve(inst.property()));
                for (OutputBounder method : methods) {
                    for (Map.Entry<InputSet, List<LinearConstraints>> group : property.byInputSet().entrySet()) {
                        long start = System.nanoTime();
                        Bounds b = method.compute(net, group.getKey());
                        double seconds = (System.nanoTime() - start) * 1e-9;
                        double worst = worstMargin(net, group.getKey(), group.getValue(), method, b);
                        String unstable = Arrays.toString(b.unstable()).replace(",", "");
                        csv.printf(Locale.ROOT, "%s,%s,%.3f,%s,%.4f%n", inst.property(), method.name(), seconds,
                                unstable, worst);
                        csv.flush();
                        System.err.printf(Locale.ROOT, "%-20s %-12s %7.2f s unstable %-14s worst margin %.4f%n",
                                inst.property(), method.name(), seconds, unstable, worst);
                    }
                }
            }
        }
        System.out.println("wrote " + out);
    }

    /** The smallest over the disjuncts of the method's lower bound on a·y − b (one row each on mnistfc), on its own bounds. */
    private static double worstMargin(Network net, InputSet set, List<LinearConstraints> disjuncts,
                                      OutputBounder method, Bounds bounds) {
        BoundOptions reuse = BoundOptions.reusing(bounds, ReluSplits.NONE);
        double worst = Double.POSITIVE_INFINITY;
        for (LinearConstraints unsafe : disjuncts) {
            double best = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < unsafe.rowCount(); i++) {
                best = Math.max(best, method.lowerBound(net, set, unsafe.row(i), reuse) - unsafe.rhs(i));
            }
            worst = Math.min(worst, best);
        }
        return worst;
    }
}
