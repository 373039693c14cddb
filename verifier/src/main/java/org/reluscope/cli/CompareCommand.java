package org.reluscope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.reluscope.BadInputException;
import org.reluscope.input.PointFiles;
import org.reluscope.local.NetworkComparison;
import org.reluscope.local.PointComparison;
import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.report.ComparisonReport;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code reluscope compare NET1 NET2 --points FILE.csv [--linf EPS | --l2 R]}: two networks at the same points. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two networks with the same input and output sizes at each point of the CSV file: "
                + "the cosine similarity of their local Jacobians vec(J), the distance between their offsets c, "
                + "whether they predict the same class, and with --linf/--l2 the regions each has in the ball "
                + "(exact, or '≤' a bound); then overall statistics."})
final class CompareCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NET1", description = "The first network (.onnx, .nnet or .json).")
    private Path firstFile;

    @Parameters(index = "1", paramLabel = "NET2", description = "The second network.")
    private Path secondFile;

    @Option(names = "--points", required = true, paramLabel = "FILE.csv", description = "The points, one per row.")
    private Path points;

    @Mixin
    private BallOptions balls;

    @Option(names = "--json", description = "Print JSON: {points: [{index, regions_first, regions_first_exact, "
            + "regions_second, regions_second_exact, same_regions, cosine, offset_difference, jacobian_distance, "
            + "same_prediction}], summary: {points, cosine_mean, cosine_median, offset_difference_mean, "
            + "offset_difference_median, prediction_agreement, same_regions_fraction, regions_compared}}.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        Network first = NetworkFiles.read(firstFile);
        Network second = NetworkFiles.read(secondFile);
        if (first.inputSize() != second.inputSize() || first.outputSize() != second.outputSize()) {
            throw new BadInputException(secondFile, "maps " + second.inputSize() + " inputs to " + second.outputSize()
                    + " outputs but " + firstFile + " maps " + first.inputSize() + " to " + first.outputSize());
        }
        NetworkComparison comparison = new NetworkComparison(first, second, balls.given() ? balls.resolve(first.inputSize(), 0, 0) : null);
        List<PointComparison> results = new ArrayList<>();
        for (double[] x : PointFiles.readRows(points, first.inputSize())) {
            results.add(comparison.at(x));
        }
        spec.commandLine().getOut().print(json ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
                ComparisonReport.json(results)) + System.lineSeparator() : ComparisonReport.text(results));
        return 0;
    }
}
