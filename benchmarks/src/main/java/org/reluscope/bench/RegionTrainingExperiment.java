package org.reluscope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.input.Box;
import org.reluscope.local.DistanceNorm;
import org.reluscope.local.Neighborhood;
import org.reluscope.local.NeighborhoodOptions;
import org.reluscope.local.PointAnalysis;
import org.reluscope.local.RandomPoints;
import org.reluscope.net.Network;
import org.reluscope.numeric.RankSumTest;
import org.reluscope.numeric.SampleSummary;

/**
 * The seeds' two observations (001: "while training, the boundaries of the linear regions
 * tend to move away from the training data points" and "the spheres centred at training
 * points tend to contain more linear regions than arbitrary points"), measured on our own
 * runs: small ReLU classifiers trained by {@link ReluTrainer} on two moons, two spirals and
 * 8×8 digit glyphs ({@link DigitGlyphs}, pixels in [0, 1]).
 *
 * <p>At chosen epochs, for every training point, as many held-out points of the same
 * distribution (never trained on: they tell an effect of training on these very points from
 * one of the data's distribution) and as many random points uniform in the training data's
 * bounding box, {@link Neighborhood} gives the L∞ distance to the point's region boundary and
 * the number of regions meeting the L∞ ball of radius ε (for digits, ball ∩ [0, 1]⁶⁴): exact
 * when the enumeration finishes within the budget, and always the sound upper bound (crown
 * classification). A row's region columns hold exact counts when every ball of that epoch was
 * counted exactly and otherwise the upper bounds of all its balls, so that no mean mixes the
 * two; the column {@code regions_kind} says which, {@code exact_fraction} how many balls were
 * counted exactly, and the bound's means are always given.
 *
 * <p>Writes {@code region-training.csv} (one row per dataset and epoch: training and held-out
 * accuracy; per group means and medians; Mann–Whitney p-values of training vs random and of
 * training vs held-out points) and {@code region-training.svg} (per dataset: mean distance,
 * mean exact count at the epochs counted exactly, log₁₀ of the mean bound), and prints the
 * table; the first ten digit images go to stderr as text.
 *
 * <pre>
 *   benchmarks/run RegionTrainingExperiment [--out DIR] [--datasets moons,spirals,digits] [--points 200]
 *       [--eps 0.15] [--digits-eps 0.02] [--hidden 16,16] [--epochs 0,1,2,5,10,20,50,100,200]
 *       [--exact-max-regions 5000] [--exact-timeout 10] [--seed 1]
 * </pre>
 */
public final class RegionTrainingExperiment {
    /** The groups of points measured at each epoch, in column order. */
    private static final List<String> GROUPS = List.of("train", "heldout", "random");
    private static final List<String> SERIES_NAMES = List.of("training points", "held-out points", "random points");
    /** Side of the digit images. */
    private static final int DIGIT_SIZE = 8;

    private RegionTrainingExperiment() {
    }

    /** A data set with its held-out sample, the ball radius and the domain the balls are kept in (or null). */
    private record Workload(String name, SyntheticData train, SyntheticData test, double eps, Box domain) {
        int inputs() {
            return train.points().get(0).length;
        }

        int classes() {
            return Arrays.stream(train.labels()).max().orElseThrow() + 1;
        }
    }

    /** The measurements of one group of points under one network; exact[k] is NaN where only the bound is known. */
    private record Group(double[] distances, double[] exact, double[] bounds) {
        boolean allExact() {
            return Arrays.stream(exact).noneMatch(Double::isNaN);
        }

        long exactCount() {
            return Arrays.stream(exact).filter(v -> !Double.isNaN(v)).count();
        }
    }

    /** The groups ({@link #GROUPS} order) at one epoch. */
    private record Epoch(int epoch, double accuracy, double testAccuracy, List<Group> groups, double seconds) {
        boolean allExact() {
            return groups.stream().allMatch(Group::allExact);
        }

        Group train() {
            return groups.get(0);
        }

        long balls() {
            return groups.stream().mapToLong(g -> g.exact().length).sum();
        }

        long exactBalls() {
            return groups.stream().mapToLong(Group::exactCount).sum();
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = BenchOptions.parse(args);
        Path out = BenchOptions.out(opts, ".");
        int count = Integer.parseInt(opts.getOrDefault("--points", "200"));
        double eps = Double.parseDouble(opts.getOrDefault("--eps", "0.15"));
        double digitsEps = Double.parseDouble(opts.getOrDefault("--digits-eps", "0.02"));
        long seed = Long.parseLong(opts.getOrDefault("--seed", "1"));
        long exactRegions = Long.parseLong(opts.getOrDefault("--exact-max-regions", "5000"));
        double exactSeconds = Double.parseDouble(opts.getOrDefault("--exact-timeout", "10"));
        int[] hidden = ints(opts.getOrDefault("--hidden", "16,16"));
        int[] epochs = ints(opts.getOrDefault("--epochs", "0,1,2,5,10,20,50,100,200"));
        Files.createDirectories(out);
        SvgChart chart = new SvgChart(3);
        String header = header();
        List<String> lines = new ArrayList<>(List.of(header));
        System.out.println(header);
        for (String name : opts.getOrDefault("--datasets", "moons,spirals,digits").split(",")) {
            Workload workload = workload(name, count, eps, digitsEps, seed);
            List<double[]> random = RandomPoints.inBoundingBox(workload.train().points(), count, seed + 1);
            List<Epoch> measured = run(workload, random, hidden, epochs, seed, exactRegions, exactSeconds);
            for (Epoch e : measured) {
                String row = row(name, e);
                lines.add(row);
                System.out.println(row);
            }
            plot(chart, workload, measured);
        }
        Files.write(out.resolve("region-training.csv"), lines);
        Files.writeString(out.resolve("region-training.svg"), chart.render());
        System.out.println("wrote " + out.resolve("region-training.csv") + " and " + out.resolve("region-training.svg"));
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
    }

    private static Workload workload(String name, int count, double eps, double digitsEps, long seed) {
        long testSeed = seed + 1000;
        return switch (name) {
            case "moons" -> new Workload(name, SyntheticData.twoMoons(count, 0.1, seed),
                    SyntheticData.twoMoons(count, 0.1, testSeed), eps, null);
            case "spirals" -> new Workload(name, SyntheticData.spirals(count, 0.03, seed),
                    SyntheticData.spirals(count, 0.03, testSeed), eps, null);
            case "digits" -> {
                SyntheticData train = DigitGlyphs.sample(count, DIGIT_SIZE, seed);
                for (int k = 0; k < 10 && k < count; k++) {
                    System.err.println("digit " + train.labels()[k] + ":\n" + DigitGlyphs.ascii(train.points().get(k), DIGIT_SIZE));
                }
                double[] lo = new double[DIGIT_SIZE * DIGIT_SIZE];
                double[] hi = new double[lo.length];
                Arrays.fill(hi, 1);
                yield new Workload(name, train, DigitGlyphs.sample(count, DIGIT_SIZE, testSeed), digitsEps, new Box(lo, hi));
            }
            default -> throw new IllegalArgumentException("unknown dataset '" + name + "': expected moons, spirals or digits");
        };
    }

    private static List<Epoch> run(Workload w, List<double[]> random, int[] hidden, int[] epochs, long seed,
                                   long exactRegions, double exactSeconds) {
        int[] widths = new int[hidden.length + 2];
        widths[0] = w.inputs();
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = w.classes();
        ReluTrainer trainer = new ReluTrainer(seed, 0.01, widths);
        NeighborhoodOptions options = new NeighborhoodOptions(DistanceNorm.LINF, w.eps(), w.domain(),
                new SymbolicPropagation(), exactRegions, exactSeconds, 0, 0);
        Random shuffle = new Random(seed);
        int trained = 0;
        List<Epoch> measured = new ArrayList<>();
        for (int epoch : epochs) {
            while (trained < epoch) {
                trainer.epoch(w.train(), 16, shuffle);
                trained++;
            }
            Network net = trainer.network();
            Neighborhood neighborhood = new Neighborhood(net, options, null);
            long t0 = System.nanoTime();
            List<Group> groups = List.of(measure(neighborhood, w.train().points()), measure(neighborhood, w.test().points()),
                    measure(neighborhood, random));
            Epoch e = new Epoch(epoch, accuracy(net, w.train()), accuracy(net, w.test()), groups,
                    (System.nanoTime() - t0) / 1e9);
            System.err.printf(Locale.ROOT, "%s epoch %d: accuracy %.3f / %.3f held out, %d of %d balls counted exactly, "
                    + "%.1f s%n", w.name(), epoch, e.accuracy(), e.testAccuracy(), e.exactBalls(), e.balls(), e.seconds());
            measured.add(e);
        }
        return measured;
    }

    private static Group measure(Neighborhood neighborhood, List<double[]> points) {
        double[] distances = new double[points.size()];
        double[] exact = new double[points.size()];
        double[] bounds = new double[points.size()];
        for (int k = 0; k < points.size(); k++) {
            PointAnalysis a = neighborhood.analyse(points.get(k), OptionalInt.empty());
            distances[k] = a.boundary().distance();
            exact[k] = a.regions().exact() ? a.regions().asDouble() : Double.NaN;
            bounds[k] = a.regions().bound().upperBound().doubleValue();
        }
        return new Group(distances, exact, bounds);
    }

    private static String header() {
        List<String> columns = new ArrayList<>(List.of("dataset", "epoch", "accuracy", "test_accuracy", "regions_kind",
                "exact_fraction"));
        for (String statistic : List.of("distance", "regions")) {
            for (String summary : List.of("mean", "median")) {
                GROUPS.forEach(g -> columns.add(g + "_" + statistic + "_" + summary));
            }
            columns.add(statistic + "_p_random");
            columns.add(statistic + "_p_heldout");
        }
        GROUPS.forEach(g -> columns.add(g + "_bound_mean"));
        columns.add("seconds");
        return String.join(",", columns);
    }

    private static String row(String name, Epoch e) {
        boolean exact = e.allExact();
        List<String> cells = new ArrayList<>(List.of(name, Integer.toString(e.epoch()), fmt(e.accuracy()),
                fmt(e.testAccuracy()), exact ? "exact" : "upper_bound", fmt((double) e.exactBalls() / e.balls())));
        List<Function<Group, double[]>> statistics = List.of(Group::distances, g -> exact ? g.exact() : g.bounds());
        for (Function<Group, double[]> statistic : statistics) {
            e.groups().forEach(g -> cells.add(fmt(SampleSummary.of(statistic.apply(g)).mean())));
            e.groups().forEach(g -> cells.add(fmt(SampleSummary.of(statistic.apply(g)).median())));
            double[] train = statistic.apply(e.train());
            cells.add(fmt(RankSumTest.of(train, statistic.apply(e.groups().get(2))).pValue()));
            cells.add(fmt(RankSumTest.of(train, statistic.apply(e.groups().get(1))).pValue()));
        }
        e.groups().forEach(g -> cells.add(fmt(SampleSummary.of(g.bounds()).mean())));
        cells.add(String.format(Locale.ROOT, "%.2f", e.seconds()));
        return String.join(",", cells);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** One row of panels: mean distances, mean exact counts (epochs counted exactly), log₁₀ of the mean bounds. */
    private static void plot(SvgChart chart, Workload w, List<Epoch> measured) {
        List<Epoch> exact = measured.stream().filter(Epoch::allExact).toList();
        String ball = "L∞ ε=" + w.eps() + (w.domain() == null ? "" : " ∩ [0,1]ⁿ");
        chart.add(panel(w.name() + ": mean L∞ distance to region boundary", measured,
                g -> SampleSummary.of(g.distances()).mean()));
        chart.add(panel(w.name() + ": mean exact regions in ball " + ball, exact, g -> SampleSummary.of(g.exact()).mean()));
        chart.add(panel(w.name() + ": log10 mean region upper bound", measured,
                g -> Math.log10(SampleSummary.of(g.bounds()).mean())));
    }

    /** A panel with one series per group: {@code value} of the group at each of the epochs. */
    private static SvgChart.Panel panel(String title, List<Epoch> epochs, ToDoubleFunction<Group> value) {
        // Most of the change happens in the first epochs: a log axis keeps them apart.
        double[] x = epochs.stream().mapToDouble(e -> Math.log10(e.epoch() + 1)).toArray();
        List<SvgChart.Series> series = new ArrayList<>();
        for (int k = 0; k < GROUPS.size(); k++) {
            int group = k;
            series.add(new SvgChart.Series(SERIES_NAMES.get(k), x,
                    epochs.stream().mapToDouble(e -> value.applyAsDouble(e.groups().get(group))).toArray()));
        }
        return new SvgChart.Panel(title, "log10(epoch + 1)", series);
    }

    /** The share of points whose largest output is their label. */
    private static double accuracy(Network net, SyntheticData data) {
        int correct = 0;
        for (int k = 0; k < data.points().size(); k++) {
            correct += Neighborhood.argmax(net.evaluate(data.points().get(k))) == data.labels()[k] ? 1 : 0;
        }
        return correct / (double) data.points().size();
    }
}
