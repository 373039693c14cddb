package org.reluscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.reluscope.input.Box;
import org.reluscope.input.PointFiles;
import org.reluscope.net.InputNormalization;
import org.reluscope.net.Network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code reluscope eval NET}: f(x) for given or random points, in double precision. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluates the network in double precision and prints one line per input point: the "
                + "outputs, comma-separated, each with enough digits to read back the same double."})
final class EvalCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Mixin
    private NetworkArgument network;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Points points;

    /** Where the input points come from. */
    static final class Points {
        @Option(names = "--input", paramLabel = "FILE.csv", required = true,
                description = "Input points, one per line, comma-separated, no header ('#' lines are skipped). "
                        + "For a .nnet network the points are in normalised units.")
        private Path file;

        @Option(names = "--random", paramLabel = "N", required = true,
                description = "N points drawn uniformly from a box: the normalised [min, max] box when the "
                        + "network declares a normalisation (.nnet files, or JSON with \"normalization\"), "
                        + "otherwise [-1, 1]^n.")
        private int count;
    }

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the random points (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print {\"outputs\": [[...], ...]} instead of CSV.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        Network net = network.read();
        List<double[]> inputs = points.file != null ? PointFiles.readRows(points.file, net.inputSize())
                : random(net);
        List<double[]> outputs = new ArrayList<>(inputs.size());
        for (double[] x : inputs) {
            outputs.add(net.evaluate(x));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = MAPPER.createObjectNode();
            ArrayNode rows = root.putArray("outputs");
            for (double[] y : outputs) {
                ArrayNode row = rows.addArray();
                Arrays.stream(y).forEach(row::add);
            }
            out.println(MAPPER.writeValueAsString(root));
        } else {
            for (double[] y : outputs) {
                out.println(Arrays.stream(y).mapToObj(Double::toString).collect(Collectors.joining(",")));
            }
        }
        return 0;
    }

    private List<double[]> random(Network net) {
        if (points.count < 1) {
            throw new ParameterException(spec.commandLine(), "--random needs a positive count, got " + points.count);
        }
        Box box = samplingBox(net);
        Random rng = new Random(seed);
        List<double[]> xs = new ArrayList<>(points.count);
        for (int k = 0; k < points.count; k++) {
            xs.add(box.sample(rng));
        }
        return xs;
    }

    /** The normalised image of [min, max] when the network declares a normalisation, else [−1, 1]^n. */
    static Box samplingBox(Network net) {
        int n = net.inputSize();
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(lo, -1);
        Arrays.fill(hi, 1);
        if (net.normalization().isPresent()) {
            InputNormalization norm = net.normalization().get();
            double[] a = norm.normalize(norm.min());
            double[] b = norm.normalize(norm.max());
            for (int i = 0; i < n; i++) {
                lo[i] = Math.min(a[i], b[i]);
                hi[i] = Math.max(a[i], b[i]);
            }
        }
        return new Box(lo, hi);
    }
}
