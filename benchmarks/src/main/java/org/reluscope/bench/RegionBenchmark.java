package org.reluscope.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.OutputBounder;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.LpSolvers;
import org.reluscope.lp.Sense;
import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.region.BoundMethod;
import org.reluscope.region.ExactBounds;
import org.reluscope.region.MilpReference;
import org.reluscope.region.RegionEnumerator;
import org.reluscope.region.RegionOptions;
import org.reluscope.region.RegionSummary;
import org.reluscope.spec.VnnLibParser;

/**
 * Region enumeration and exact bounds on an ACAS Xu network: the input box of a property
 * shrunk around its centre by {@code --scale} (so that the run takes seconds), enumerated with
 * 1 and 2 threads (regions per second, speed-up), against 1 thread without the outer boxes
 * and the baseline without outer boxes and warm LPs ({@link Config}), and exact bounds (today's
 * and the baseline's) compared in time and mean
 * output width with the crown and lp bounds of the same box and with the same bounds from SCIP
 * on the big-M MILP ({@link MilpReference}; time ratio). One CSV row per measurement.
 *
 * <pre>
 *   benchmarks/run RegionBenchmark --net 1_1 --property prop_3 --scale 0.25 --out benchmarks/results/regions.csv
 * </pre>
 * Options: {@code --root DIR} (shared benchmarks), {@code --net A_B}, {@code --property prop_N},
 * {@code --scale S} (fraction of the half-widths kept), {@code --lp-solver NAME} (for the
 * enumeration; default glop), {@code --repeat N} (timed runs per
 * configuration, the fastest is kept), {@code --threads N} (only this thread count for the warm
 * enumeration; default 1 and 2), {@code --cold no} (skip the baselines),
 * {@code --warmup no} (skip the untimed first run of each configuration that warms up the JIT
 * and OR-Tools; for boxes that take minutes), {@code --milp-timeout S} (SCIP's budget for all
 * its MILPs; past it the MILP time is reported as a lower bound), {@code --milp no} (skip SCIP).
 */
public final class RegionBenchmark {
    private RegionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = BenchOptions.parse(args);
        Path root = BenchOptions.sharedRoot(opts);
        String netName = opts.getOrDefault("--net", "1_1");
        String propName = opts.getOrDefault("--property", "prop_3");
        double scale = Double.parseDouble(opts.getOrDefault("--scale", "0.25"));
        int repeat = Integer.parseInt(opts.getOrDefault("--repeat", "2"));
        Path out = BenchOptions.out(opts, "benchmarks/results/regions.csv");
        Network net = NetworkFiles.read(root.resolve("acasxu/onnx/ACASXU_run2a_" + netName + "_batch_2000.onnx"));
        Box full = (Box) VnnLibParser.parse(root.resolve("acasxu/vnnlib/" + propName + ".vnnlib")).inputSets().get(0);
        Box box = shrink(full, scale);
        String instance = netName + " " + propName + " ×" + scale;
        boolean cold = !opts.getOrDefault("--cold", "yes").equals("no");
        String onlyThreads = opts.get("--threads");
        boolean warmup = !opts.getOrDefault("--warmup", "yes").equals("no");
        double milpTimeout = Double.parseDouble(opts.getOrDefault("--milp-timeout", "Infinity"));

        LpSolver regionSolver = LpSolvers.create(opts.getOrDefault("--lp-solver", LpSolvers.DEFAULT_LP));
        if (warmup) {
            enumerate(net, box, RegionOptions.defaults().withThreads(2), regionSolver);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("instance,measure,threads,seconds,regions,regions_per_second,distinct_maps,lps,mean_width");
            List<Config> configs = new ArrayList<>();
            for (int threads = 1; threads <= 2; threads++) {
                if (onlyThreads == null || threads == Integer.parseInt(onlyThreads)) {
                    configs.add(new Config("regions", threads, true, true));
                }
            }
            if (cold) {
                configs.add(new Config("regions-no-boxes", 1, true, false));
                configs.add(new Config("regions-baseline", 1, false, false));
            }
            Map<String, Double> seconds = new HashMap<>();
            for (Config config : configs) {
                RegionSummary best = null;
                for (int r = 0; r < repeat; r++) {
                    RegionSummary s = enumerate(net, box, config.options(), regionSolver);
                    best = best == null || s.seconds() < best.seconds() ? s : best;
                }
                seconds.put(config.measure() + config.threads(), best.seconds());
                csv.printf(Locale.ROOT, "%s,%s,%d,%.4f,%d,%.1f,%d,%d,%n", instance, config.measure(), config.threads(),
                        best.seconds(), best.regions(), best.regionsPerSecond(), best.distinctMaps(), best.lps());
                System.out.printf(Locale.ROOT, "%s: %s, %d threads: %d regions (%d distinct maps, %d thin) in %.3f s, "
                                + "%.0f regions/s, %d LPs%n", instance, config.measure(), config.threads(), best.regions(),
                        best.distinctMaps(), best.thinPieces(), best.seconds(), best.regionsPerSecond(), best.lps());
            }
            ratio(seconds, "speed-up 2 threads vs 1", "regions1", "regions2");
            ratio(seconds, "outer boxes (1 thread)", "regions-no-boxes1", "regions1");
            ratio(seconds, "warm vs cold LPs (1 thread, no boxes)", "regions-baseline1", "regions-no-boxes1");
            ratio(seconds, "both vs the baseline (1 thread)", "regions-baseline1", "regions1");
            LpSolver solver = BenchOptions.lpSolver();
            OutputBounder coldExact = new ExactBounds(solver, LpSolvers.distance(LpOptions.DEFAULT),
                    Config.baseline(RegionOptions.defaults()));
            double exactSeconds = 0;
            double coldSeconds = 0;
            OutputBounder[] bounders = {BoundMethod.CROWN.bounder(solver), BoundMethod.LP.bounder(solver), coldExact,
                    BoundMethod.EXACT.bounder(solver)};
            for (OutputBounder bounder : bounders) {
                if (bounder == coldExact && !cold) {
                    continue;
                }
                String name = bounder == coldExact ? "exact-baseline" : bounder.name();
                if (warmup) {
                    bounder.compute(net, box);
                }
                long t0 = System.nanoTime();
                Bounds b = bounder.compute(net, box);
                double s = (System.nanoTime() - t0) * 1e-9;
                if (bounder == coldExact) {
                    coldSeconds = s;
                } else {
                    exactSeconds = s;
                }
                csv.printf(Locale.ROOT, "%s,bounds-%s,%d,%.4f,,,,,%.6g%n", instance, name,
                        Runtime.getRuntime().availableProcessors(), s, b.meanOutputWidth());
                System.out.printf(Locale.ROOT, "%s: bounds %-10s %.3f s, mean output width %.6g (%s)%n", instance,
                        name, s, b.meanOutputWidth(), b.method());
            }
            if (cold) {
                System.out.printf(Locale.ROOT, "exact bounds vs the baseline: %.2f×%n", coldSeconds / exactSeconds);
            }
            if (!opts.getOrDefault("--milp", "yes").equals("no")) {
                double[] milp = milpBounds(net, box, milpTimeout);
                boolean finished = !Double.isNaN(milp[1]);
                csv.printf(Locale.ROOT, "%s,bounds-milp%s,1,%.4f,,,,,%.6g%n", instance, finished ? "" : "-timeout",
                        milp[0], milp[1]);
                System.out.printf(Locale.ROOT, "%s: bounds milp   %s%.3f s, mean output width %.6g (SCIP, big-M); "
                        + "MILP time / exact time %s %.2f%n", instance, finished ? "" : "stopped after ", milp[0],
                        milp[1], finished ? "=" : "≥", milp[0] / exactSeconds);
            }
        }
        System.out.println("wrote " + out);
    }

    /**
     * The same per-output bounds by SCIP on the big-M MILP: {seconds, mean width}; the width is
     * NaN when the {@code timeout} (seconds, for all MILPs together) ran out first.
     */
    private static double[] milpBounds(Network net, Box box, double timeout) {
        long t0 = System.nanoTime();
        double width = 0;
        for (int j = 0; j < net.outputSize(); j++) {
            double[] e = new double[net.outputSize()];
            e[j] = 1;
            for (Sense sense : Sense.values()) {
                double left = timeout - (System.nanoTime() - t0) * 1e-9;
                LpSolver scip = LpSolvers.create("scip", LpOptions.DEFAULT.withTimeLimit(Math.max(left, 1e-3)));
                try {
                    double v = MilpReference.optimum(net, box, new double[0][], new double[0], e, sense, scip);
                    width += sense == Sense.MAXIMIZE ? v : -v;
                } catch (IllegalStateException stopped) {
                    return new double[] {(System.nanoTime() - t0) * 1e-9, Double.NaN};
                }
            }
        }
        return new double[] {(System.nanoTime() - t0) * 1e-9, width / net.outputSize()};
    }

    private static RegionSummary enumerate(Network net, InputSet set, RegionOptions options, LpSolver solver) {
        return new RegionEnumerator(solver, LpSolvers.distance(LpOptions.DEFAULT), options)
                .enumerate(net, set, region -> { });
    }

    /**
     * One enumeration setting: today's (warm LP sessions and outer boxes), without the outer
     * boxes, or the baseline without either (every test a cold slack LP: the enumeration as of
     * 2026-11-23).
     */
    private record Config(String measure, int threads, boolean warm, boolean boxes) {
        static RegionOptions baseline(RegionOptions o) {
            return o.withWarmStarts(false).withOuterBoxes(false);
        }

        RegionOptions options() {
            return RegionOptions.defaults().withThreads(threads).withWarmStarts(warm).withOuterBoxes(boxes);
        }
    }

    /** Prints seconds[slow] / seconds[fast] when both were measured. */
    private static void ratio(Map<String, Double> seconds, String what, String slow, String fast) {
        if (seconds.containsKey(slow) && seconds.containsKey(fast)) {
            System.out.printf(Locale.ROOT, "%s: %.2f×%n", what, seconds.get(slow) / seconds.get(fast));
        }
    }

    /** The box scaled by {@code s} around its centre. */
    static Box shrink(Box box, double s) {
        double[] lo = new double[box.dimension()];
        double[] hi = new double[box.dimension()];
        for (int i = 0; i < lo.length; i++) {
            double mid = 0.5 * (box.lower(i) + box.upper(i));
            double half = 0.5 * box.width(i) * s;
            lo[i] = mid - half;
            hi[i] = mid + half;
        }
        return new Box(lo, hi);
    }
}
