package org.reluscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import javax.imageio.ImageIO;

import org.reluscope.BadInputException;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.input.PointFiles;
import org.reluscope.local.SliceRegions;
import org.reluscope.net.Network;
import org.reluscope.report.RegionSvg;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reluscope plot NET (SPEC | --center FILE --linf EPS | --l2 R) [--dims i,j] -o OUT.svg}: a picture of the regions. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Draws the 2-D slice of the input set through its centre along two input dimensions: every "
                + "activation region as an exact polygon, coloured by its affine map (same map, same colour) or by "
                + "the predicted class, with the set's outline and a legend. SVG, or PNG when OUT ends in .png."})
final class PlotCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private NetworkProblem problem;

    @Option(names = "--dims", paramLabel = "I,J", defaultValue = "0,1",
            description = "The two input dimensions of the slice (default ${DEFAULT-VALUE}).")
    private String dims;

    @Option(names = "--color", paramLabel = "map|class", defaultValue = "map",
            description = "Colour regions by affine map (default) or by predicted class.")
    private String colour;

    @Option(names = "--points", paramLabel = "FILE.csv",
            description = "Data points (one per row) to draw, projected onto the slice's plane.")
    private Path points;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "OUT.svg or OUT.png.")
    private Path output;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "60",
            description = "Give up when the slice's regions take longer than S seconds to enumerate.")
    private double timeout;

    @Override
    public Integer call() throws Exception {
        Network net = problem.readNetwork();
        InputSet set = problem.resolve(net).inputSets().get(0);
        int[] ij = parseDims(net.inputSize());
        RegionSvg.Colouring colouring = switch (colour.toLowerCase(Locale.ROOT)) {
            case "map" -> RegionSvg.Colouring.MAP;
            case "class" -> RegionSvg.Colouring.CLASS;
            default -> throw new BadInputException("--color", "expected map or class, got '" + colour + "'");
        };
        boolean disk = set instanceof L2Ball;
        double[] center = set.center();
        Box box = set.boundingBox();
        double ri = disk ? ((L2Ball) set).radius() : box.width(ij[0]) / 2;
        double rj = disk ? ri : box.width(ij[1]) / 2;
        List<SliceRegions.Polygon> polygons;
        try {
            // A clipped L∞ box is already the whole set; a clipped ball keeps its domain apart.
            Box domain = disk ? ((L2Ball) set).domainBox().orElse(null) : null;
            polygons = SliceRegions.of(net, center, ij[0], ij[1], ri, rj, disk, domain, timeout);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(output.toString(), e.getMessage());
        }
        List<double[]> drawn = projected(net, center, ij);
        String caption = String.format(Locale.ROOT, "%s: slice along inputs %d, %d through the centre",
                problem.networkFile().getFileName(), ij[0], ij[1]);
        if (output.toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            ImageIO.write(RegionSvg.png(polygons, ri, rj, disk, colouring, drawn, caption), "png", output.toFile());
        } else {
            Files.writeString(output, RegionSvg.svg(polygons, ri, rj, disk, colouring, drawn, caption));
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "%d regions drawn to %s%n", polygons.size(), output);
        return 0;
    }

    /** The --points as slice coordinates (x_i − x0_i, x_j − x0_j); none without the option. */
    private List<double[]> projected(Network net, double[] center, int[] ij) {
        List<double[]> result = new ArrayList<>();
        if (points != null) {
            for (double[] x : PointFiles.readRows(points, net.inputSize())) {
                result.add(new double[] {x[ij[0]] - center[ij[0]], x[ij[1]] - center[ij[1]]});
            }
        }
        return result;
    }

    private int[] parseDims(int n) {
        String[] parts = dims.split(",");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            int i = Integer.parseInt(parts[0].strip());
            int j = Integer.parseInt(parts[1].strip());
            if (i < 0 || j < 0 || i >= n || j >= n || i == j) {
                throw new BadInputException("--dims", "expected two different input indices in 0.." + (n - 1) + ", got " + dims);
            }
            return new int[] {i, j};
        } catch (NumberFormatException e) {
            throw new BadInputException("--dims", "expected I,J, got '" + dims + "'");
        }
    }
}
