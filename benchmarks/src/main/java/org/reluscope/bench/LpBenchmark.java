package org.reluscope.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.reluscope.lp.IncrementalLp;
import org.reluscope.lp.LinearProgram;
import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpResult;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.LpSolvers;
import org.reluscope.lp.Sense;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;

/**
 * LPs per second of the LP back-ends, cold (a fresh model per LP) and warm (one
 * {@link IncrementalLp} session edited between LPs), on the LP shapes region enumeration
 * solves:
 * <ul>
 *   <li>{@code acas-dfs}: regions of a random 5-50×6-5 network (300 ReLUs) inside an ACAS
 *       Xu-sized box, visited in depth-first (lexicographic pattern) order; each LP maximises
 *       output 0 over a region (5 variables, 300 dense rows); warm keeps the rows of the common
 *       pattern prefix and replaces the rest;</li>
 *   <li>{@code acas-sweep}: per region, min and max of each of the 5 outputs (10 LPs that
 *       differ only in the objective);</li>
 *   <li>{@code mnist-sweep}: the region of an mnistfc-sized 784-256-256-10 network around a
 *       point in a box of radius 0.02 (784 variables, 512 dense rows), min and max of outputs.</li>
 * </ul>
 * Each configuration runs once to warm up, then {@code repeats} times (default 3, 1 with
 * {@code quick}); the fastest run counts. Cold and warm answers are compared (the largest
 * relative difference is printed). Usage:
 * <pre>
 *   mvn -q -pl benchmarks -am package -DskipTests
 *   java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.reluscope.bench.LpBenchmark \
 *       [quick] [repeats=N] [backends=glop,clp,ojalgo] [workloads=acas-dfs,acas-sweep,mnist-sweep]
 * </pre>
 */
public final class LpBenchmark {
    private static final int ACAS_INPUTS = 5;
    private static final int[] ALL_INPUTS = {0, 1, 2, 3, 4};

    private LpBenchmark() {
    }

    /** One solve strategy over one workload: returns the objectives it found, in order. */
    private interface Strategy {
        double[] run(LpSolver solver);
    }

    private record Workload(String name, String shape, Strategy cold, Strategy warm) {
    }

    public static void main(String[] args) {
        boolean quick = Arrays.asList(args).contains("quick");
        List<String> backends = List.of("glop", "clp", "ojalgo");
        String only = "";
        int repeats = quick ? 1 : 3;
        for (String a : args) {
            if (a.startsWith("backends=")) {
                backends = List.of(a.substring("backends=".length()).split(","));
            } else if (a.startsWith("workloads=")) {
                only = a.substring("workloads=".length());
            } else if (a.startsWith("repeats=")) {
                repeats = Integer.parseInt(a.substring("repeats=".length()));
            }
        }
        List<Workload> workloads = new ArrayList<>();
        if (only.isEmpty() || only.contains("acas-dfs")) {
            workloads.add(acasDfs(quick ? 40 : 300));
        }
        if (only.isEmpty() || only.contains("acas-sweep")) {
            workloads.add(acasSweep(quick ? 10 : 40));
        }
        if (only.isEmpty() || only.contains("mnist-sweep")) {
            workloads.add(mnistSweep(quick ? 1 : 2));
        }
        System.out.printf(Locale.ROOT, "%-12s %-44s %-7s %-5s %6s %9s %9s %s%n", "workload", "shape", "backend", "mode",
                "LPs", "seconds", "LPs/s", "max |warm−cold| (rel)");
        Map<String, Double> rates = new LinkedHashMap<>();
        for (Workload w : workloads) {
            for (String name : backends) {
                LpSolver solver = LpSolvers.create(name, LpOptions.DEFAULT);
                w.cold().run(solver);
                w.warm().run(solver);
                Timed cold = best(w.cold(), solver, repeats);
                Timed warm = best(w.warm(), solver, repeats);
                double diff = maxRelativeDifference(cold.objectives, warm.objectives);
                print(w, name, "cold", cold, Double.NaN);
                print(w, name, "warm", warm, diff);
                rates.put(w.name() + "/" + name + "/cold", cold.rate());
                rates.put(w.name() + "/" + name + "/warm", warm.rate());
            }
        }
        printRatios(workloads, backends, rates);
    }

    private record Timed(double[] objectives, double seconds) {
        double rate() {
            return objectives.length / seconds;
        }
    }

    /** The fastest of {@code repeats} runs (the machine is shared: the minimum is the least disturbed). */
    private static Timed best(Strategy s, LpSolver solver, int repeats) {
        Timed best = time(s, solver);
        for (int r = 1; r < repeats; r++) {
            Timed t = time(s, solver);
            if (t.seconds < best.seconds) {
                best = t;
            }
        }
        return best;
    }

    private static Timed time(Strategy s, LpSolver solver) {
        long start = System.nanoTime();
        double[] objectives = s.run(solver);
        return new Timed(objectives, (System.nanoTime() - start) * 1e-9);
    }

    private static void print(Workload w, String backend, String mode, Timed t, double diff) {
        System.out.printf(Locale.ROOT, "%-12s %-44s %-7s %-5s %6d %9.3f %9.1f %s%n", w.name(), w.shape(), backend, mode,
                t.objectives.length, t.seconds, t.rate(), Double.isNaN(diff) ? "" : String.format(Locale.ROOT, "%.1e", diff));
    }

    private static void printRatios(List<Workload> workloads, List<String> backends, Map<String, Double> rates) {
        System.out.println();
        System.out.println("warm/cold speed-up (LPs/s warm ÷ LPs/s cold), and each back-end against " + backends.get(0)
                + " (LPs/s ÷ LPs/s)");
        for (Workload w : workloads) {
            for (String b : backends) {
                double warmCold = rates.get(w.name() + "/" + b + "/warm") / rates.get(w.name() + "/" + b + "/cold");
                double vsCold = rates.get(w.name() + "/" + b + "/cold") / rates.get(w.name() + "/" + backends.get(0) + "/cold");
                double vsWarm = rates.get(w.name() + "/" + b + "/warm") / rates.get(w.name() + "/" + backends.get(0) + "/warm");
                System.out.printf(Locale.ROOT, "%-12s %-7s warm/cold %6.2f   vs %s: cold %6.3f warm %6.3f%n", w.name(), b,
                        warmCold, backends.get(0), vsCold, vsWarm);
            }
        }
    }

    private static double maxRelativeDifference(double[] a, double[] b) {
        double worst = 0;
        for (int k = 0; k < a.length; k++) {
            if (Double.isNaN(a[k]) != Double.isNaN(b[k])) {
                return Double.POSITIVE_INFINITY;
            }
            if (!Double.isNaN(a[k])) {
                worst = Math.max(worst, Math.abs(a[k] - b[k]) / Math.max(1, Math.abs(a[k])));
            }
        }
        return worst;
    }

    /** A box of radius {@code radius} around a random point of [lo, hi]ⁿ, clipped to it. */
    private record Box(double[] centre, double[] lo, double[] hi) {
        static Box random(Random random, int n, double lo, double hi, double radius) {
            double[] c = new double[n];
            double[] l = new double[n];
            double[] h = new double[n];
            for (int j = 0; j < n; j++) {
                c[j] = lo + (hi - lo) * random.nextDouble();
                l[j] = Math.max(lo, c[j] - radius);
                h[j] = Math.min(hi, c[j] + radius);
            }
            return new Box(c, l, h);
        }

        double[] sample(Random random) {
            double[] x = new double[lo.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = lo[j] + (hi[j] - lo[j]) * random.nextDouble();
            }
            return x;
        }
    }

    /** Distinct regions met by random points of the box, in lexicographic pattern order (the order of a depth-first search). */
    private static List<RegionLps.Region> regionsInDfsOrder(Network net, Box box, int count, Random random) {
        TreeMap<String, RegionLps.Region> byPattern = new TreeMap<>();
        for (int attempt = 0; attempt < 50 * count && byPattern.size() < count; attempt++) {
            RegionLps.Region r = RegionLps.of(net, box.sample(random));
            StringBuilder key = new StringBuilder();
            for (boolean bit : r.pattern()) {
                key.append(bit ? '1' : '0');
            }
            byPattern.putIfAbsent(key.toString(), r);
        }
        return new ArrayList<>(byPattern.values());
    }

    private static Network acasNetwork() {
        return RandomNetworks.relu(7, ACAS_INPUTS, 50, 50, 50, 50, 50, 50, 5);
    }

    private static Workload acasDfs(int count) {
        Random random = new Random(1);
        Box box = Box.random(random, ACAS_INPUTS, -0.5, 0.5, 0.05);
        List<RegionLps.Region> regions = regionsInDfsOrder(acasNetwork(), box, count, random);
        Strategy cold = solver -> {
            double[] out = new double[regions.size()];
            for (int k = 0; k < out.length; k++) {
                out[k] = objective(solver.solve(regions.get(k).program(box.lo(), box.hi(), 0, Sense.MAXIMIZE)));
            }
            return out;
        };
        Strategy warm = solver -> {
            double[] out = new double[regions.size()];
            try (IncrementalLp session = solver.open(boxOnly(box))) {
                RegionLps.Region previous = null;
                for (int k = 0; k < out.length; k++) {
                    RegionLps.Region r = regions.get(k);
                    int keep = previous == null ? 0 : r.commonPrefix(previous);
                    session.removeLastRows(session.rowCount() - keep);
                    for (int i = keep; i < r.rows().size(); i++) {
                        session.addRow(ALL_INPUTS, r.rows().get(i), r.lowers()[i], Double.POSITIVE_INFINITY);
                    }
                    session.setObjective(r.jacobian()[0], r.offset()[0], Sense.MAXIMIZE);
                    out[k] = objective(session.solve());
                    previous = r;
                }
            }
            return out;
        };
        int replaced = 0;
        for (int k = 1; k < regions.size(); k++) {
            replaced += regions.get(k).rows().size() - regions.get(k).commonPrefix(regions.get(k - 1));
        }
        String shape = String.format(Locale.ROOT, "%d regions, 5 vars, 300 rows (%.0f replaced)", regions.size(),
                replaced / Math.max(1.0, regions.size() - 1));
        return new Workload("acas-dfs", shape, cold, warm);
    }

    private static LinearProgram boxOnly(Box box) {
        LinearProgram.Builder b = LinearProgram.builder();
        b.addVariables(box.lo(), box.hi());
        return b.build();
    }

    private static double objective(LpResult r) {
        return r.status().isOptimal() ? r.objective() : Double.NaN;
    }

    /** min and max of every output over each region: LPs differing only in the objective. */
    private static Strategy[] sweep(List<RegionLps.Region> regions, Box box) {
        int outputs = regions.get(0).jacobian().length;
        Strategy cold = solver -> {
            double[] out = new double[regions.size() * outputs * 2];
            int k = 0;
            for (RegionLps.Region r : regions) {
                for (int o = 0; o < outputs; o++) {
                    for (Sense s : Sense.values()) {
                        out[k++] = objective(solver.solve(r.program(box.lo(), box.hi(), o, s)));
                    }
                }
            }
            return out;
        };
        Strategy warm = solver -> {
            double[] out = new double[regions.size() * outputs * 2];
            int k = 0;
            for (RegionLps.Region r : regions) {
                try (IncrementalLp session = solver.open(r.program(box.lo(), box.hi(), 0, Sense.MINIMIZE))) {
                    for (int o = 0; o < outputs; o++) {
                        for (Sense s : Sense.values()) {
                            session.setObjective(r.jacobian()[o], r.offset()[o], s);
                            out[k++] = objective(session.solve());
                        }
                    }
                }
            }
            return out;
        };
        return new Strategy[] {cold, warm};
    }

    private static Workload acasSweep(int count) {
        Random random = new Random(2);
        Box box = Box.random(random, ACAS_INPUTS, -0.5, 0.5, 0.05);
        List<RegionLps.Region> regions = regionsInDfsOrder(acasNetwork(), box, count, random);
        Strategy[] s = sweep(regions, box);
        return new Workload("acas-sweep", regions.size() + "×10 LPs, 5 vars, 300 rows", s[0], s[1]);
    }

    private static Workload mnistSweep(int count) {
        Random random = new Random(3);
        Network net = RandomNetworks.relu(11, 784, 256, 256, 10);
        Box box = Box.random(random, 784, 0, 1, 0.02);
        List<RegionLps.Region> regions = regionsInDfsOrder(net, box, count, random);
        Strategy[] s = sweep(regions, box);
        return new Workload("mnist-sweep", regions.size() + "×20 LPs, 784 vars, 512 rows", s[0], s[1]);
    }
}
