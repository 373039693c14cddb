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
 * <p>At chosen epochs, for every training point and as many random points from the data's
 * bounding box, {@link Neighborhood} gives the L∞ distance to the point's region boundary and
 * the number of regions meeting the L∞ ball of radius ε (for digits, ball ∩ [0, 1]⁶⁴): exact
 * when the enumeration finishes within the budget, and always the sound upper bound (crown
 * classification). A dataset's region columns hold exact counts when every ball at every epoch
 * was counted exactly, and otherwise the upper bounds for all balls, so that one series never
 * mixes the two; the column {@code regions_kind} says which, and {@code exact_fraction} how
 * many balls were counted exactly. Writes {@code region-training.csv} (one row per dataset and
 * epoch: train and held-out accuracy, means, medians and Mann–Whitney p-values of training vs
 * random points) and {@code region-training.svg} (per dataset: mean distance, mean exact count
 * at the epochs counted exactly, log₁₀ of the mean bound), and prints the table.
 *
 * <pre>
 *   benchmarks/run RegionTrainingExperiment [--out DIR] [--datasets moons,spirals,digits] [--points 200]
 *       [--eps 0.15] [--digits-eps 0.02] [--hidden 16,16] [--epochs 0,1,2,5,10,20,50,100,200]
 *       [--exact-max-regions 5000] [--exact-timeout 10] [--seed 1]
 * </pre>
 */
public final class RegionTrainingExperiment {
    private static final String HEADER = "dataset,epoch,accuracy,test_accuracy,train_distance_mean,random_distance_mean,"
            + "train_distance_median,random_distance_median,distance_p,regions_kind,train_regions_mean,random_regions_mean,"
            + "train_regions_median,random_regions_median,regions_p,train_bound_mean,random_bound_mean,exact_fraction,seconds";
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

    /** Both groups at one epoch. */
    private record Epoch(int epoch, double accuracy, double testAccuracy, Group train, Group random, double seconds) {
        boolean allExact() {
            return train.allExact() && random.allExact();
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = BenchOptions.parse(args);
        Path out = Path.of(opts.getOrDefault("--out", "."));
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
        List<String> lines = new ArrayList<>(List.of(HEADER));
        System.out.println(HEADER);
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
            Group train = measure(neighborhood, w.train().points());
            Group other = measure(neighborhood, random);
            Epoch e = new Epoch(epoch, accuracy(net, w.train()), accuracy(net, w.test()), train, other,
                    (System.nanoTime() - t0) / 1e9);
            System.err.printf(Locale.ROOT, "%s epoch %d: accuracy %.3f / %.3f held out, exact %d + %d of %d, %.1f s%n",
                    w.name(), epoch, e.accuracy(), e.testAccuracy(), train.exactCount(), other.exactCount(),
                    train.exact().length + other.exact().length, e.seconds());
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

    private static String row(String name, Epoch e) {
        boolean exact = e.allExact();
        double[] trainRegions = exact ? e.train().exact() : e.train().bounds();
        double[] randomRegions = exact ? e.random().exact() : e.random().bounds();
        SampleSummary td = SampleSummary.of(e.train().distances());
        SampleSummary rd = SampleSummary.of(e.random().distances());
        SampleSummary tr = SampleSummary.of(trainRegions);
        SampleSummary rr = SampleSummary.of(randomRegions);
        double exactFraction = (e.train().exactCount() + e.random().exactCount())
                / (double) (e.train().exact().length + e.random().exact().length);
        return String.format(Locale.ROOT, "%s,%d,%.4f,%.4f,%.5f,%.5f,%.5f,%.5f,%.3g,%s,%.3f,%.3f,%.1f,%.1f,%.3g,%.4g,%.4g,%.3f,%.2f",
                name, e.epoch(), e.accuracy(), e.testAccuracy(), td.mean(), rd.mean(), td.median(), rd.median(),
                RankSumTest.of(e.train().distances(), e.random().distances()).pValue(), exact ? "exact" : "upper_bound",
                tr.mean(), rr.mean(), tr.median(), rr.median(), RankSumTest.of(trainRegions, randomRegions).pValue(),
                SampleSummary.of(e.train().bounds()).mean(), SampleSummary.of(e.random().bounds()).mean(),
                exactFraction, e.seconds());
    }

    /** One row of panels: mean distances, mean exact counts (epochs counted exactly), log₁₀ of the mean bounds. */
    private static void plot(SvgChart chart, Workload w, List<Epoch> measured) {
        List<Epoch> exact = measured.stream().filter(Epoch::allExact).toList();
        String ball = "L∞ ε=" + w.eps() + (w.domain() == null ? "" : " ∩ [0,1]ⁿ");
        chart.add(panel(w.name() + ": mean L∞ distance to region boundary", measured,
                e -> SampleSummary.of(e.train().distances()).mean(), e -> SampleSummary.of(e.random().distances()).mean()));
        chart.add(panel(w.name() + ": mean exact regions in ball " + ball, exact,
                e -> SampleSummary.of(e.train().exact()).mean(), e -> SampleSummary.of(e.random().exact()).mean()));
        chart.add(panel(w.name() + ": log10 mean region upper bound", measured,
                e -> Math.log10(SampleSummary.of(e.train().bounds()).mean()),
                e -> Math.log10(SampleSummary.of(e.random().bounds()).mean())));
    }

    private static SvgChart.Panel panel(String title, List<Epoch> epochs, ToDoubleFunction<Epoch> train,
                                        ToDoubleFunction<Epoch> random) {
        double[] x = epochs.stream().mapToDouble(Epoch::epoch).toArray();
        return new SvgChart.Panel(title, "epoch", List.of(
                new SvgChart.Series("training points", x, epochs.stream().mapToDouble(train).toArray()),
                new SvgChart.Series("random points", x, epochs.stream().mapToDouble(random).toArray())));
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
