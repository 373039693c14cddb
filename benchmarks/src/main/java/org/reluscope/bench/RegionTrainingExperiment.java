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
import java.util.Random;

import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.input.InputSet;
import org.reluscope.local.Balls;
import org.reluscope.local.BoundaryDistance;
import org.reluscope.local.DistanceNorm;
import org.reluscope.local.PointRegion;
import org.reluscope.local.RandomPoints;
import org.reluscope.local.RegionCountBound;
import org.reluscope.net.Network;
import org.reluscope.numeric.RankSumTest;
import org.reluscope.numeric.SampleSummary;
import org.reluscope.region.RegionEnumerator;
import org.reluscope.region.RegionOptions;
import org.reluscope.region.RegionSummary;

/**
 * The seeds' two observations (001: "while training, the boundaries of the linear regions
 * tend to move away from the training data points" and "the spheres centred at training
 * points tend to contain more linear regions than arbitrary points"), measured on our own
 * runs: small ReLU classifiers trained by {@link ReluTrainer} on two moons and two spirals.
 *
 * <p>At chosen epochs, for every training point and as many random points from the data's
 * bounding box: the L∞ distance to the region boundary ({@link BoundaryDistance}), the exact
 * number of regions meeting the L∞ ball of radius {@code --eps} ({@link RegionEnumerator}) and
 * the sound bound ({@link RegionCountBound}, crown), with the time each took. Writes
 * {@code region-training.csv} (one row per dataset and epoch: means, medians and Mann–Whitney
 * p-values of training vs random) and {@code region-training.svg}, and prints the table.
 *
 * <pre>
 *   mvn -q -o -pl benchmarks -am package -DskipTests
 *   java -cp "benchmarks/target/classes:verifier/target/reluscope.jar:verifier/target/lib/*" \
 *       org.reluscope.bench.RegionTrainingExperiment [--out DIR] [--points 200] [--eps 0.15] \
 *       [--hidden 16,16] [--epochs 0,1,2,5,10,20,50,100,200] [--seed 1]
 * </pre>
 */
public final class RegionTrainingExperiment {
    private static final String HEADER = "dataset,epoch,accuracy,train_distance_mean,random_distance_mean,"
            + "train_distance_median,random_distance_median,distance_p,train_regions_mean,random_regions_mean,"
            + "train_regions_median,random_regions_median,regions_p,train_bound_mean,random_bound_mean,"
            + "exact_seconds,bound_seconds";

    private RegionTrainingExperiment() {
    }

    /** The measurements of one group of points under one network. */
    private record Group(double[] distances, double[] regions, double[] bounds, double exactSeconds, double boundSeconds) {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = BenchOptions.parse(args);
        Path out = Path.of(opts.getOrDefault("--out", "."));
        int count = Integer.parseInt(opts.getOrDefault("--points", "200"));
        double eps = Double.parseDouble(opts.getOrDefault("--eps", "0.15"));
        long seed = Long.parseLong(opts.getOrDefault("--seed", "1"));
        int[] hidden = Arrays.stream(opts.getOrDefault("--hidden", "16,16").split(",")).mapToInt(Integer::parseInt).toArray();
        int[] epochs = Arrays.stream(opts.getOrDefault("--epochs", "0,1,2,5,10,20,50,100,200").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Files.createDirectories(out);
        SvgChart chart = new SvgChart();
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("region-training.csv")))) {
            csv.println(HEADER);
            System.out.println(HEADER);
            for (String name : List.of("moons", "spirals")) {
                SyntheticData data = name.equals("moons") ? SyntheticData.twoMoons(count, 0.1, seed)
                        : SyntheticData.spirals(count, 0.03, seed);
                List<double[]> random = RandomPoints.inBoundingBox(data.points(), count, seed + 1);
                run(name, data, random, hidden, epochs, eps, seed, csv, chart);
            }
        }
        Files.writeString(out.resolve("region-training.svg"), chart.render());
        System.out.println("wrote " + out.resolve("region-training.csv") + " and " + out.resolve("region-training.svg"));
    }

    private static void run(String name, SyntheticData data, List<double[]> random, int[] hidden, int[] epochs,
                            double eps, long seed, PrintWriter csv, SvgChart chart) {
        int[] widths = new int[hidden.length + 2];
        widths[0] = 2;
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = 2;
        ReluTrainer trainer = new ReluTrainer(seed, 0.01, widths);
        Random shuffle = new Random(seed);
        int trained = 0;
        double[][] series = new double[4][epochs.length];
        for (int e = 0; e < epochs.length; e++) {
            while (trained < epochs[e]) {
                trainer.epoch(data, 16, shuffle);
                trained++;
            }
            Network net = trainer.network();
            Group train = measure(net, data.points(), eps);
            Group other = measure(net, random, eps);
            RankSumTest.Result distanceTest = RankSumTest.of(train.distances(), other.distances());
            RankSumTest.Result regionsTest = RankSumTest.of(train.regions(), other.regions());
            SampleSummary td = SampleSummary.of(train.distances());
            SampleSummary rd = SampleSummary.of(other.distances());
            SampleSummary tr = SampleSummary.of(train.regions());
            SampleSummary rr = SampleSummary.of(other.regions());
            String row = String.format(Locale.ROOT, "%s,%d,%.4f,%.5f,%.5f,%.5f,%.5f,%.3g,%.3f,%.3f,%.1f,%.1f,%.3g,%.3f,%.3f,%.3f,%.3f",
                    name, epochs[e], accuracy(net, data), td.mean(), rd.mean(), td.median(), rd.median(),
                    distanceTest.pValue(), tr.mean(), rr.mean(), tr.median(), rr.median(), regionsTest.pValue(),
                    SampleSummary.of(train.bounds()).mean(), SampleSummary.of(other.bounds()).mean(),
                    train.exactSeconds() + other.exactSeconds(), train.boundSeconds() + other.boundSeconds());
            csv.println(row);
            System.out.println(row);
            series[0][e] = td.mean();
            series[1][e] = rd.mean();
            series[2][e] = tr.mean();
            series[3][e] = rr.mean();
        }
        double[] x = Arrays.stream(epochs).asDoubleStream().toArray();
        chart.add(new SvgChart.Panel(name + ": mean L∞ distance to region boundary", "epoch", List.of(
                new SvgChart.Series("training points", x, series[0]), new SvgChart.Series("random points", x, series[1]))));
        chart.add(new SvgChart.Panel(name + ": mean regions in L∞ ball ε=" + eps, "epoch", List.of(
                new SvgChart.Series("training points", x, series[2]), new SvgChart.Series("random points", x, series[3]))));
    }

    private static Group measure(Network net, List<double[]> points, double eps) {
        RegionEnumerator enumerator = new RegionEnumerator(RegionOptions.defaults().withThreads(1).withTimeout(30));
        SymbolicPropagation crown = new SymbolicPropagation();
        double[] distances = new double[points.size()];
        double[] regions = new double[points.size()];
        double[] bounds = new double[points.size()];
        long exactNanos = 0;
        long boundNanos = 0;
        for (int k = 0; k < points.size(); k++) {
            double[] x = points.get(k);
            distances[k] = BoundaryDistance.of(PointRegion.at(net, x), DistanceNorm.LINF).distance();
            InputSet ball = Balls.around(x, DistanceNorm.LINF, eps, null);
            long t0 = System.nanoTime();
            RegionSummary exact = enumerator.enumerate(net, ball, region -> { });
            long t1 = System.nanoTime();
            bounds[k] = RegionCountBound.of(net, ball, crown).upperBound().doubleValue();
            long t2 = System.nanoTime();
            if (!exact.complete()) {
                throw new IllegalStateException("enumeration around point " + k + " did not finish");
            }
            regions[k] = exact.regions();
            exactNanos += t1 - t0;
            boundNanos += t2 - t1;
        }
        return new Group(distances, regions, bounds, exactNanos / 1e9, boundNanos / 1e9);
    }

    private static double accuracy(Network net, SyntheticData data) {
        int correct = 0;
        for (int k = 0; k < data.points().size(); k++) {
            double[] y = net.evaluate(data.points().get(k));
            int predicted = y[1] > y[0] ? 1 : 0;
            correct += predicted == data.labels()[k] ? 1 : 0;
        }
        return correct / (double) data.points().size();
    }
}
