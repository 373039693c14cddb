package org.reluscope.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reluscope.bounds.ReluSplits;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.LpSolvers;
import org.reluscope.lp.Sense;
import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.region.ExactBounds;
import org.reluscope.region.MilpReference;
import org.reluscope.region.RegionEnumerator;
import org.reluscope.region.RegionOptions;
import org.reluscope.region.RegionSummary;
import org.reluscope.spec.VnnLibParser;

/**
 * Region enumeration and exact bounds in small L2 balls and L∞ boxes around mnistfc points
 * (784 inputs), against SCIP on the big-M MILP for the same bounds in the same run.
 *
 * <p>The points are the centres of the mnistfc {@code prop_K_0.03} boxes, K = 0 … points − 1.
 * Per point and set: the regions (count, regions/s, complete within {@code --timeout}), and the
 * exact min and max of the margin y_label − y_runner-up (label and runner-up: the two largest
 * outputs at the point) against the MILP — for a box {@link MilpReference#optimum}, for a ball
 * the tangent-cut loop {@link MilpReference#overBall} (relaxed optimum and attained value).
 *
 * <pre>
 *   benchmarks/run MnistRegionBenchmark --points 3 --l2 0.05,0.1,0.2 --linf 0.002,0.004 --timeout 120
 *   benchmarks/run MnistRegionBenchmark --points 2 --l2 0.05,0.1 --linf "" --clip 0,1 --cold true --exact false --timeout 60
 * </pre>
 * Options: {@code --root DIR}, {@code --points N}, {@code --l2 R,…}, {@code --linf E,…},
 * {@code --clip LO,HI} (intersect every set with [LO, HI]ⁿ, the pixel range),
 * {@code --cold true} (enumerate each set a second time without warm starts, {@link
 * RegionOptions#withWarmStarts}, and report the ratio), {@code --exact false} (regions only, no
 * bound comparison), {@code --threads N} (default 2), {@code --timeout S} (per enumeration and
 * per exact bound), {@code --milp-rounds N} (default 60), {@code --out FILE}. One untimed run
 * first warms up.
 */
public final class MnistRegionBenchmark {
    private MnistRegionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = BenchOptions.parse(args);
        Path root = BenchOptions.sharedRoot(opts);
        int points = Integer.parseInt(opts.getOrDefault("--points", "3"));
        double[] radii = list(opts.getOrDefault("--l2", "0.05,0.1"));
        double[] epsilons = list(opts.getOrDefault("--linf", "0.002"));
        int threads = Integer.parseInt(opts.getOrDefault("--threads", "2"));
        double timeout = Double.parseDouble(opts.getOrDefault("--timeout", "120"));
        int rounds = Integer.parseInt(opts.getOrDefault("--milp-rounds", "60"));
        Path out = BenchOptions.out(opts, "benchmarks/results/mnist-regions.csv");
        double[] clip = list(opts.getOrDefault("--clip", ""));
        boolean cold = Boolean.parseBoolean(opts.getOrDefault("--cold", "false"));
        boolean exact = Boolean.parseBoolean(opts.getOrDefault("--exact", "true"));
        Network net = NetworkFiles.read(root.resolve("mnistfc/mnist-net_256x2.onnx"));
        RegionOptions options = RegionOptions.defaults().withThreads(threads).withTimeout(timeout);
        LpSolver glop = LpSolvers.create(LpSolvers.DEFAULT_LP);
        LpSolver scip = LpSolvers.create("scip");

        double[] first = center(root, 0);
        Box domain = clip.length == 0 ? null : clipBox(first.length, clip);
        enumerate(net, new L2Ball(first, radii[0], domain), options.withTimeout(Math.min(timeout, 10)), glop);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("point,set,radius,measure,seconds,regions,regions_per_second,complete,lps,min,max,min_attained,"
                    + "max_attained,cut_rounds");
            for (int k = 0; k < points; k++) {
                double[] x0 = center(root, k);
                double[] c = margin(net, x0);
                List<InputSet> sets = new ArrayList<>();
                for (double r : radii) {
                    sets.add(new L2Ball(x0, r, domain));
                }
                for (double e : epsilons) {
                    sets.add(domain == null ? Box.linf(x0, e) : Box.linf(x0, e).intersect(domain));
                }
                for (InputSet set : sets) {
                    if (cold) {
                        compareCold(csv, net, "prop_" + k, set, options, glop);
                    }
                    if (exact) {
                        measure(csv, net, "prop_" + k, set, c, options, glop, scip, rounds);
                    }
                }
            }
        }
        System.out.println("wrote " + out);
    }

    /** The enumeration with warm starts (column generation for balls) against the cold slack LPs, in the same run. */
    private static void compareCold(PrintWriter csv, Network net, String point, InputSet set, RegionOptions options,
                                    LpSolver glop) {
        String kind = set instanceof L2Ball ? "l2" : "linf";
        double radius = radius(set);
        RegionSummary warm = enumerate(net, set, options, glop);
        RegionSummary cold = enumerate(net, set, options.withWarmStarts(false), glop);
        for (RegionSummary s : List.of(warm, cold)) {
            csv.printf(Locale.ROOT, "%s,%s,%g,%s,%.4f,%d,%.1f,%b,%d,,,,,%n", point, kind, radius,
                    s == warm ? "regions-warm" : "regions-cold", s.seconds(), s.regions(), s.regionsPerSecond(),
                    s.complete(), s.lps());
        }
        System.out.printf(Locale.ROOT, "%s %s %g: warm %d regions in %.2f s (%.1f/s, complete %b, %d LPs); cold %d regions"
                        + " in %.2f s (%.1f/s, complete %b, %d LPs); rate warm/cold = %s%n", point, kind, radius,
                warm.regions(), warm.seconds(), warm.regionsPerSecond(), warm.complete(), warm.lps(), cold.regions(),
                cold.seconds(), cold.regionsPerSecond(), cold.complete(), cold.lps(),
                cold.regions() == 0 ? "∞ (cold found none)"
                        : String.format(Locale.ROOT, "%.1f", warm.regionsPerSecond() / cold.regionsPerSecond()));
    }

    private static double radius(InputSet set) {
        return set instanceof L2Ball b ? b.radius() : 0.5 * ((Box) set).width(0);
    }

    private static Box clipBox(int n, double[] range) {
        if (range.length != 2 || !(range[0] <= range[1])) {
            throw new IllegalArgumentException("--clip wants LO,HI with LO ≤ HI");
        }
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(lo, range[0]);
        Arrays.fill(hi, range[1]);
        return new Box(lo, hi);
    }

    private static void measure(PrintWriter csv, Network net, String point, InputSet set, double[] c,
                                RegionOptions options, LpSolver glop, LpSolver scip, int rounds) {
        boolean ball = set instanceof L2Ball;
        String kind = ball ? "l2" : "linf";
        double radius = radius(set);
        String label = String.format(Locale.ROOT, "%s %s %g", point, kind, radius);

        RegionSummary s = enumerate(net, set, options, glop);
        csv.printf(Locale.ROOT, "%s,%s,%g,regions,%.4f,%d,%.1f,%b,%d,,,,,%n", point, kind, radius, s.seconds(),
                s.regions(), s.regionsPerSecond(), s.complete(), s.lps());
        System.out.printf(Locale.ROOT, "%s: %d regions (%d thin) in %.3f s, %.0f regions/s, complete %b, %d LPs%n",
                label, s.regions(), s.thinPieces(), s.seconds(), s.regionsPerSecond(), s.complete(), s.lps());
        if (!s.complete()) {
            System.out.printf("%s: enumeration incomplete: no bound comparison%n", label);
            return;
        }

        long t0 = System.nanoTime();
        ExactBounds.Result e = new ExactBounds(glop, LpSolvers.distance(LpOptions.DEFAULT), options)
                .bound(net, set, new double[][] {c}, ReluSplits.NONE);
        double exactSeconds = (System.nanoTime() - t0) * 1e-9;
        csv.printf(Locale.ROOT, "%s,%s,%g,exact,%.4f,%d,,%b,,%.9g,%.9g,,,%n", point, kind, radius, exactSeconds,
                e.summary().regions(), e.complete(), e.lower()[0], e.upper()[0]);
        System.out.printf(Locale.ROOT, "%s: exact margin bounds [%.9g, %.9g] in %.3f s (complete %b)%n", label,
                e.lower()[0], e.upper()[0], exactSeconds, e.complete());

        t0 = System.nanoTime();
        double[] min;
        double[] max;
        int cutRounds = 0;
        if (ball) {
            L2Ball b = (L2Ball) set;
            MilpReference.Bracket lo = MilpReference.overBall(net, b, c, Sense.MINIMIZE, scip, 1e-7, rounds);
            MilpReference.Bracket hi = MilpReference.overBall(net, b, c, Sense.MAXIMIZE, scip, 1e-7, rounds);
            min = new double[] {lo.relaxed(), lo.attained()};
            max = new double[] {hi.relaxed(), hi.attained()};
            cutRounds = lo.rounds() + hi.rounds();
        } else {
            Box box = (Box) set;
            double lo = MilpReference.optimum(net, box, new double[0][], new double[0], c, Sense.MINIMIZE, scip);
            double hi = MilpReference.optimum(net, box, new double[0][], new double[0], c, Sense.MAXIMIZE, scip);
            min = new double[] {lo, lo};
            max = new double[] {hi, hi};
        }
        double milpSeconds = (System.nanoTime() - t0) * 1e-9;
        csv.printf(Locale.ROOT, "%s,%s,%g,milp,%.4f,,,,,%.9g,%.9g,%.9g,%.9g,%d%n", point, kind, radius, milpSeconds,
                min[0], max[0], min[1], max[1], cutRounds);
        System.out.printf(Locale.ROOT, "%s: MILP margin bounds [%.9g, %.9g] (attained [%.9g, %.9g], %d cut rounds) "
                        + "in %.3f s; MILP time / exact time = %.2f%n", label, min[0], max[0], min[1], max[1], cutRounds,
                milpSeconds, milpSeconds / exactSeconds);
    }

    private static RegionSummary enumerate(Network net, InputSet set, RegionOptions options, LpSolver solver) {
        return new RegionEnumerator(solver, LpSolvers.distance(LpOptions.DEFAULT), options)
                .enumerate(net, set, region -> { });
    }

    /** The centre of the mnistfc box prop_K_0.03. */
    private static double[] center(Path root, int k) {
        Path spec = root.resolve("mnistfc/vnnlib/prop_" + k + "_0.03.vnnlib");
        return ((Box) VnnLibParser.parse(spec).inputSets().get(0)).center();
    }

    /** e_label − e_runner-up for the two largest outputs at x0. */
    private static double[] margin(Network net, double[] x0) {
        double[] y = net.evaluate(x0);
        int best = 0;
        for (int j = 1; j < y.length; j++) {
            best = y[j] > y[best] ? j : best;
        }
        int second = best == 0 ? 1 : 0;
        for (int j = 0; j < y.length; j++) {
            second = j != best && y[j] > y[second] ? j : second;
        }
        double[] c = new double[y.length];
        c[best] = 1;
        c[second] = -1;
        return c;
    }

    private static double[] list(String csv) {
        if (csv.isBlank()) {
            return new double[0];
        }
        String[] parts = csv.split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(parts[i].trim());
        }
        return v;
    }
}
