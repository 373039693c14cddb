package org.reluscope.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.reluscope.BadInputException;
import org.reluscope.batch.CsvRecords;
import org.reluscope.input.Box;
import org.reluscope.input.PointFiles;
import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.numeric.Rounding;
import org.reluscope.spec.Property;
import org.reluscope.spec.VnnLibWriter;

/**
 * Turns a labelled data set into an instance list: one local-robustness property per point and
 * radius ε, all on one network. Each property is written as a VNN-LIB file, so a data-set run is
 * an ordinary batch — the same records as {@code reluscope batch}, and any single instance can
 * be re-run with {@code reluscope verify}.
 *
 * <p>The points file is CSV with one point per line, label first: {@code label,x_0,…,x_{n−1}}
 * (the layout of the common MNIST CSV files); blank lines and {@code #} comments are skipped.
 * The property of point x0 with label K is "some y_j ≥ y_K, j ≠ K" on the box
 * [x0 − ε, x0 + ε] ∩ [lo, hi]ⁿ, its bounds rounded outward so that the box contains the exact
 * real ball (of the decimal radius as written) and an {@code unsat} answer stays sound; VNN-LIB
 * files store the doubles exactly.
 */
public final class DataSetInstances {
    private DataSetInstances() {
    }

    /**
     * Writes the properties and {@code instances.csv} ({@code network,property,timeout}, absolute
     * paths) into {@code folder}, point by point with each point's radii in the given order.
     *
     * @param clip {@code null}, or {lo, hi}: inputs stay in [lo, hi]
     * @return the instance list
     * @throws BadInputException on a malformed points file, a label that is not an output index,
     *                           a point of the wrong size, or a bad radius
     */
    public static Path write(Path points, Path network, List<Double> epsilons, double[] clip, double timeoutSeconds,
            Path folder) {
        for (double eps : epsilons) {
            if (!(eps >= 0) || Double.isInfinite(eps)) {
                throw new BadInputException("--epsilon", "a radius must be a finite number ≥ 0, got " + eps);
            }
        }
        Network net = NetworkFiles.read(network);
        List<double[]> rows = PointFiles.readRows(points, net.inputSize() + 1);
        String stem = points.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String netPath = CsvRecords.quote(network.toAbsolutePath().toString());
        List<String> lines = new ArrayList<>();
        for (int p = 0; p < rows.size(); p++) {
            String point = stem + "#" + p;
            double[] row = rows.get(p);
            int label = label(point, row[0], net.outputSize());
            double[] center = Arrays.copyOfRange(row, 1, row.length);
            for (double eps : epsilons) {
                Property property = Property.robustness(box(point, center, eps, clip), net.outputSize(), label);
                Path file = folder.resolve(stem + "_" + p + "_eps" + eps + ".vnnlib").toAbsolutePath();
                VnnLibWriter.write(property, "robustness of " + point + " (label " + label + ") within L∞ radius " + eps,
                        file);
                lines.add(netPath + "," + CsvRecords.quote(file.toString()) + "," + timeoutSeconds);
            }
        }
        Path list = folder.resolve("instances.csv");
        try {
            Files.write(list, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list;
    }

    private static int label(String point, double value, int outputs) {
        if (value != Math.rint(value) || value < 0 || value >= outputs) {
            throw new BadInputException(point, "the label (first column) must be an output index 0.." + (outputs - 1)
                    + ", got " + value);
        }
        return (int) value;
    }

    /**
     * [x0 − ε, x0 + ε] rounded outward, intersected with [lo, hi]ⁿ. The radius is first moved
     * up one ulp: the double nearest the decimal the user wrote (0.3) may lie below it.
     */
    private static Box box(String point, double[] center, double eps, double[] clip) {
        double radius = Math.nextUp(eps);
        double[] lo = new double[center.length];
        double[] hi = new double[center.length];
        for (int i = 0; i < center.length; i++) {
            lo[i] = Rounding.addDown(center[i], -radius);
            hi[i] = Rounding.addUp(center[i], radius);
            if (clip != null) {
                lo[i] = Math.max(lo[i], clip[0]);
                hi[i] = Math.min(hi[i], clip[1]);
            }
            if (lo[i] > hi[i]) {
                throw new BadInputException(point, "input " + i + " = " + center[i] + " is farther than ε = " + eps
                        + " from the clip range " + Arrays.toString(clip));
            }
        }
        return new Box(lo, hi);
    }
}
