package org.reluscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import org.reluscope.BadInputException;
import org.reluscope.input.PointFiles;
import org.reluscope.local.GroupComparison;
import org.reluscope.local.Neighborhood;
import org.reluscope.local.NeighborhoodOptions;
import org.reluscope.local.PointAnalysis;
import org.reluscope.local.RandomPoints;
import org.reluscope.net.Network;
import org.reluscope.report.NeighborhoodReport;
import org.reluscope.verify.Verifier;
import org.reluscope.verify.VerifierOptions;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reluscope neighborhood NET --points FILE.csv (--linf EPS | --l2 R)}: local region analysis around data points. */
@Command(name = "neighborhood", mixinStandardHelpOptions = true,
        description = {"For each point of the CSV file (one point per row): the number of activation regions its "
                + "ball meets (exact, or '≤' a sound upper bound), the distance from the point to its region's "
                + "boundary (in the ball's norm), the operator norm of the local affine map, and with --labels "
                + "whether the whole ball keeps the label and the largest certified radius (--max-radius)."})
final class NeighborhoodCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Mixin
    private NetworkArgument network;

    @Mixin
    private BallOptions balls;

    @Option(names = "--points", required = true, paramLabel = "FILE.csv", description = "The data points, one per row.")
    private Path points;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "One integer label per point (one per line): certify that the ball keeps it.")
    private Path labels;

    @Option(names = "--max-radius", paramLabel = "R", defaultValue = "0",
            description = "With --labels: bisect the largest certified radius in [0, R] (default: no bisection).")
    private double maxRadius;

    @Option(names = "--bisection-steps", paramLabel = "N", defaultValue = "8",
            description = "Halvings of the --max-radius bisection (default ${DEFAULT-VALUE}).")
    private int bisectionSteps;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "10",
            description = "Seconds per robustness query (default ${DEFAULT-VALUE}).")
    private double timeout;

    @Option(names = "--compare-random", paramLabel = "N", defaultValue = "0",
            description = "Also analyse N random points from the data's bounding box (labelled with the network's "
                    + "own prediction) and compare the groups: mean, median, Mann–Whitney rank-sum p-value.")
    private int compareRandom;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the random points.")
    private long seed;

    @Option(names = "--json", description = "Print JSON: {norm, radius, bound_method, clip, points: [{index, regions, "
            + "regions_exact, upper_bound, boundary_distance, on_boundary, nearest_neuron, jacobian_norm, label, answer, "
            + "certified, certified_radius, refuted_radius}], certified, certified_fraction, random, "
            + "comparison: [{statistic, data, random, u, z, p_value}], seconds}.")
    private boolean json;

    @Option(names = "--csv", paramLabel = "OUT", description = "Also write one CSV row per point to OUT, columns "
            + NeighborhoodReport.CSV_HEADER + " (group data or random).")
    private Path csv;

    @Override
    public Integer call() throws IOException {
        Network net = network.read();
        NeighborhoodOptions options = options(net.inputSize());
        List<double[]> data = PointFiles.readRows(points, net.inputSize());
        List<Integer> given = labels == null ? null : readLabels(data.size(), net.outputSize());
        boolean certify = given != null;
        Verifier verifier = certify ? new Verifier(VerifierOptions.DEFAULT.withTimeout(Duration.ofMillis(
                Math.round(timeout * 1000)))) : null;
        Neighborhood neighborhood = new Neighborhood(net, options, verifier);
        long t0 = System.nanoTime();
        Progress progress = new Progress(spec.commandLine().getErr(), data.size() + compareRandom);
        List<PointAnalysis> analysed = new ArrayList<>();
        for (int k = 0; k < data.size(); k++) {
            analysed.add(analyse(neighborhood, data.get(k), certify ? OptionalInt.of(given.get(k)) : OptionalInt.empty()));
            progress.step();
        }
        List<PointAnalysis> random = new ArrayList<>();
        for (double[] x : RandomPoints.inBoundingBox(data, compareRandom, seed)) {
            random.add(analyse(neighborhood, x, certify ? OptionalInt.of(neighborhood.predictedLabel(x)) : OptionalInt.empty()));
            progress.step();
        }
        List<GroupComparison> comparison = random.isEmpty() ? List.of() : GroupComparison.of(analysed, random);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (csv != null) {
            writeCsv(analysed, random);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
                NeighborhoodReport.json(options, analysed, random, comparison, seconds)) + System.lineSeparator()
                : NeighborhoodReport.text(options, analysed, random, comparison, seconds));
        return 0;
    }

    private PointAnalysis analyse(Neighborhood neighborhood, double[] x, OptionalInt label) {
        try {
            return neighborhood.analyse(x, label);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(points, e.getMessage());
        }
    }

    private NeighborhoodOptions options(int inputs) {
        if (compareRandom < 0) {
            throw new BadInputException("--compare-random", "expected a number of points ≥ 0, got " + compareRandom);
        }
        if (!(timeout > 0) || Double.isInfinite(timeout)) {
            throw new BadInputException("--timeout", "expected a positive number of seconds, got " + timeout);
        }
        return balls.resolve(inputs, maxRadius, bisectionSteps);
    }

    /** One integer label per line, as many as points, each an output index. */
    private List<Integer> readLabels(int count, int outputs) {
        List<double[]> rows = PointFiles.readRows(labels, 1);
        if (rows.size() != count) {
            throw new BadInputException(labels, "has " + rows.size() + " labels but " + points + " has " + count + " points");
        }
        List<Integer> result = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            double v = rows.get(k)[0];
            if (v != Math.rint(v) || v < 0 || v >= outputs) {
                throw new BadInputException(labels, "label " + (k + 1) + " is " + v + ": expected an output index 0.."
                        + (outputs - 1));
            }
            result.add((int) v);
        }
        return result;
    }

    private void writeCsv(List<PointAnalysis> data, List<PointAnalysis> random) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(NeighborhoodReport.CSV_HEADER);
        for (int k = 0; k < data.size(); k++) {
            lines.add(NeighborhoodReport.csvRow("data", k, data.get(k)));
        }
        for (int k = 0; k < random.size(); k++) {
            lines.add(NeighborhoodReport.csvRow("random", k, random.get(k)));
        }
        Files.write(csv, lines);
    }

    /** "neighborhood: k of N points" on stderr, at most once a second. */
    private static final class Progress {
        private final PrintWriter err;
        private final int total;
        private final long start = System.nanoTime();
        private long lastPrint = start;
        private int done;

        Progress(PrintWriter err, int total) {
            this.err = err;
            this.total = total;
        }

        void step() {
            done++;
            long now = System.nanoTime();
            if (now - lastPrint > 1_000_000_000L) {
                lastPrint = now;
                err.printf(Locale.ROOT, "neighborhood: %d of %d points, %.1f s%n", done, total, (now - start) / 1e9);
                err.flush();
            }
        }
    }
}
