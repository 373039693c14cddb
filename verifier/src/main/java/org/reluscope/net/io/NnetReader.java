package org.reluscope.net.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.reluscope.BadInputException;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.InputNormalization;
import org.reluscope.net.Network;

/**
 * Reads the {@code .nnet} text format of the ACAS Xu networks. After comment lines starting
 * with {@code //} come comma-separated lines:
 * <ol>
 * <li>number of layers L, input size, output size, largest layer size;</li>
 * <li>the L + 1 layer sizes n_0 … n_L;</li>
 * <li>a flag (unused);</li>
 * <li>input minimums, 5. input maximums (n_0 values each);</li>
 * <li value="6">means, 7. ranges (n_0 + 1 values: the last one is for the outputs);</li>
 * </ol>
 * then for each layer l its n_l weight rows of n_{l−1} values and its n_l bias rows of one
 * value. Every layer but the last has ReLU. The weights act on normalised inputs
 * (see {@link InputNormalization}), which the returned network keeps as its normalisation.
 */
public final class NnetReader {
    private final List<String> lines;
    private final String source;
    private int next;
    private int lineNumber;

    private NnetReader(List<String> lines, String source) {
        this.lines = lines;
        this.source = source;
    }

    /** @throws BadInputException with the line of the problem: a bad number, a short row, a missing layer */
    public static Network read(Path file) {
        return parse(NetworkFiles.readText(file).lines().toList(), file.toString());
    }

    /** The network in {@code lines}; {@code source} names it in error messages. */
    public static Network parse(List<String> lines, String source) {
        return new NnetReader(lines, source).network();
    }

    private Network network() {
        double[] header = row(4, "the header: layers, inputs, outputs, largest layer");
        int layerCount = size(header[0], "number of layers");
        int[] sizes = new int[layerCount + 1];
        double[] sizeRow = row(layerCount + 1, "the layer sizes");
        for (int l = 0; l <= layerCount; l++) {
            sizes[l] = size(sizeRow[l], "layer size " + l);
        }
        if (sizes[0] != size(header[1], "input size") || sizes[layerCount] != size(header[2], "output size")) {
            throw bad("layer sizes " + sizes[0] + " … " + sizes[layerCount] + " disagree with the header's "
                    + (int) header[1] + " inputs and " + (int) header[2] + " outputs");
        }
        nextLine("the flag line");
        int n = sizes[0];
        double[] min = row(n, "input minimums");
        double[] max = row(n, "input maximums");
        double[] mean = row(n + 1, "means (inputs, then outputs)");
        double[] range = row(n + 1, "ranges (inputs, then outputs)");
        InputNormalization normalization;
        try {
            normalization = new InputNormalization(min, max, Arrays.copyOf(mean, n), Arrays.copyOf(range, n),
                    mean[n], range[n]);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        List<AffineLayer> layers = new ArrayList<>();
        for (int l = 1; l <= layerCount; l++) {
            layers.add(layer(l, sizes[l - 1], sizes[l], l == layerCount ? Activation.IDENTITY : Activation.RELU));
        }
        if (nextDataLine() != null) {
            throw bad("unexpected data after the last layer");
        }
        return new Network(layers, normalization);
    }

    private AffineLayer layer(int l, int in, int out, Activation activation) {
        double[] w = new double[out * in];
        double[] b = new double[out];
        for (int i = 0; i < out; i++) {
            System.arraycopy(row(in, "layer " + l + " weight row " + (i + 1) + " of " + out), 0, w, i * in, in);
        }
        for (int i = 0; i < out; i++) {
            b[i] = row(1, "layer " + l + " bias " + (i + 1) + " of " + out)[0];
        }
        return new AffineLayer(out, in, w, b, activation);
    }

    /** The next data line as exactly {@code count} finite numbers. */
    private double[] row(int count, String what) {
        String line = nextLine(what);
        String[] cells = line.split(",");
        List<String> values = new ArrayList<>();
        for (String cell : cells) {
            if (!cell.isBlank()) {
                values.add(cell.strip());
            }
        }
        if (values.size() != count) {
            throw bad("expected " + count + " value" + (count == 1 ? "" : "s") + " (" + what + "), found "
                    + values.size());
        }
        double[] row = new double[count];
        for (int k = 0; k < count; k++) {
            try {
                row[k] = Double.parseDouble(values.get(k));
            } catch (NumberFormatException e) {
                throw bad("value " + (k + 1) + " of " + what + ": '" + values.get(k) + "' is not a number");
            }
            if (!Double.isFinite(row[k])) {
                throw bad("value " + (k + 1) + " of " + what + " is " + values.get(k) + "; it must be finite");
            }
        }
        return row;
    }

    private int size(double value, String what) {
        if (value != Math.rint(value) || value < 1 || value > 1e8) {
            throw bad(what + " must be a positive integer, found " + value);
        }
        return (int) value;
    }

    private String nextLine(String what) {
        String line = nextDataLine();
        if (line == null) {
            throw new BadInputException(source, "the file ends after line " + lines.size() + " but " + what
                    + " is still missing");
        }
        return line;
    }

    /** The next line that is neither blank nor a // comment, or null at the end. */
    private String nextDataLine() {
        while (next < lines.size()) {
            String line = lines.get(next++).strip();
            lineNumber = next;
            if (!line.isEmpty() && !line.startsWith("//")) {
                return line;
            }
        }
        return null;
    }

    private BadInputException bad(String message) {
        return new BadInputException(source, "line " + lineNumber + ": " + message);
    }
}
