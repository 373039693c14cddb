package org.reluscope.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.reluscope.bounds.OutputBounder;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.numeric.SampleSummary;
import org.reluscope.spec.VnnLibParser;
import org.reluscope.symmetry.DomainEquivalenceOptions;
import org.reluscope.symmetry.Equivalence;
import org.reluscope.symmetry.EquivalenceVerdict;
import org.reluscope.symmetry.Simplification;
import org.reluscope.symmetry.Simplifier;

/**
 * Is a simplified ACAS Xu network proven equivalent to the original on the whole property box?
 * For each (network, property 1–4): {@link Simplifier} on the box, the largest |f − simplified|
 * over 100 000 random inputs of the box, then {@link Equivalence#onDomain} with differential
 * bounds (the default) and, as the baseline in the same run, without them (crown on f − g then
 * ReLU-phase branch and bound, with its own time limit). Writes one CSV row per instance and
 * prints how many each side proved and their total and median seconds.
 *
 * <pre>
 *   benchmarks/run EquivBenchmark --nets 1_1,2_3,3_5,4_7,5_9 --baseline-timeout 20 \
 *       --out benchmarks/results/equiv.csv
 * </pre>
 * Options: {@code --root DIR}; {@code --nets a_b,…} (default: all 45); {@code --bounds crown|lp}
 * (what proves the phases for simplify, default crown); {@code --baseline-timeout S} (default
 * 20; 0 skips the baseline); {@code --threads N} (branch-and-bound workers, default 1);
 * {@code --scale S} (the boxes shrunk around their centres to S of their widths, default 1: on
 * small boxes simplify folds whole layers, and the baseline can finish).
 */
public final class EquivBenchmark {
    private static final double TOL = 1e-9;
    private static final int SAMPLES = 100_000;

    private EquivBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = BenchOptions.parse(args);
        Path dir = BenchOptions.sharedRoot(opts).resolve("acasxu");
        Path out = BenchOptions.out(opts, "benchmarks/results/equiv.csv");
        OutputBounder bounder = BenchOptions.bounder(opts);
        double baselineTimeout = Double.parseDouble(opts.getOrDefault("--baseline-timeout", "20"));
        int threads = Integer.parseInt(opts.getOrDefault("--threads", "1"));
        double scale = Double.parseDouble(opts.getOrDefault("--scale", "1"));
        List<String> nets = opts.containsKey("--nets") ? Arrays.asList(opts.get("--nets").split(",")) : allNets();
        DomainEquivalenceOptions differential = DomainEquivalenceOptions.of(TOL, Duration.ofSeconds(60), threads);
        DomainEquivalenceOptions baseline = DomainEquivalenceOptions.of(TOL,
                Duration.ofMillis(Math.round(baselineTimeout * 1000)), threads).withoutDifferential();
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        int proven = 0;
        int baselineProven = 0;
        double worstSampled = 0;
        double worstBound = 0;
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("network,property,scale,bounds,units_before,units_after,sampled_max_difference,answer,method,"
                    + "proven_bound,seconds,baseline_answer,baseline_seconds");
            for (String name : nets) {
                Network net = NetworkFiles.read(dir.resolve("onnx").resolve("ACASXU_run2a_" + name + "_batch_2000.onnx"));
                for (int prop = 1; prop <= 4; prop++) {
                    Box box = RegionBenchmark.shrink(VnnLibParser.parse(dir.resolve("vnnlib")
                            .resolve("prop_" + prop + ".vnnlib")).inputSets().get(0).boundingBox(), scale);
                    Simplification s = Simplifier.simplify(net, box, bounder, 1e-12);
                    double sampled = sampledMaxDifference(net, s.network(), box, prop);
                    long t0 = System.nanoTime();
                    EquivalenceVerdict v = Equivalence.onDomain(net, s.network(), box, differential);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    String baselineAnswer = "skipped";
                    double baselineSeconds = Double.NaN;
                    if (baselineTimeout > 0) {
                        long t1 = System.nanoTime();
                        baselineAnswer = Equivalence.onDomain(net, s.network(), box, baseline).word();
                        baselineSeconds = (System.nanoTime() - t1) / 1e9;
                        theirs.add(baselineSeconds);
                        baselineProven += baselineAnswer.equals("equivalent") ? 1 : 0;
                    }
                    ours.add(seconds);
                    worstSampled = Math.max(worstSampled, sampled);
                    String how = v instanceof EquivalenceVerdict.Equivalent e ? e.method() : v.toString();
                    double bound = v instanceof EquivalenceVerdict.Equivalent e ? e.differenceBound() : Double.NaN;
                    if (v instanceof EquivalenceVerdict.Equivalent) {
                        proven++;
                        worstBound = Math.max(worstBound, bound);
                    }
                    String line = String.format(Locale.ROOT, "%s,prop_%d,%s,%s,%d,%d,%.3g,%s,\"%s\",%.3g,%.4f,%s,%.4f",
                            name, prop, scale, s.bounds(), s.unitsBefore(), s.unitsAfter(), sampled, v.word(), how, bound, seconds,
                            baselineAnswer, baselineSeconds);
                    csv.println(line);
                    csv.flush();
                    System.out.println(line);
                }
            }
        }
        SampleSummary o = summary(ours);
        System.out.printf(Locale.ROOT, "differential: %d/%d proven equivalent, total %.2f s, median %.3f s, largest "
                + "proven |f - g| bound %.3g, largest sampled %.3g%n", proven, o.count(), o.mean() * o.count(), o.median(),
                worstBound, worstSampled);
        if (!theirs.isEmpty()) {
            SampleSummary t = summary(theirs);
            System.out.printf(Locale.ROOT, "baseline (crown on f - g, relu-bab, %.0f s limit): %d/%d proven, total "
                    + "%.2f s, median %.3f s; total ratio differential/baseline %.4f%n", baselineTimeout,
                    baselineProven, t.count(), t.mean() * t.count(), t.median(), o.mean() * o.count()
                    / (t.mean() * t.count()));
        }
        System.out.println("per-instance CSV: " + out);
    }

    private static List<String> allNets() {
        List<String> nets = new ArrayList<>();
        for (int a = 1; a <= 5; a++) {
            for (int b = 1; b <= 9; b++) {
                nets.add(a + "_" + b);
            }
        }
        return nets;
    }

    /** max ‖f(x) − g(x)‖_∞ over 100 000 random inputs of the box. */
    private static double sampledMaxDifference(Network f, Network g, InputSet box, long seed) {
        Random random = new Random(seed);
        double max = 0;
        for (int k = 0; k < SAMPLES; k++) {
            double[] x = box.sample(random);
            double[] y = f.evaluate(x);
            double[] z = g.evaluate(x);
            for (int j = 0; j < y.length; j++) {
                max = Math.max(max, Math.abs(y[j] - z[j]));
            }
        }
        return max;
    }

    private static SampleSummary summary(List<Double> seconds) {
        return SampleSummary.of(seconds.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
