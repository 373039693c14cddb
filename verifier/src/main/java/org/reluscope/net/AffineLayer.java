package org.reluscope.net;

import java.util.Arrays;
import java.util.Objects;

/**
 * One layer z = W x + b followed by an element-wise {@link Activation}, with W of shape
 * {@code outputSize × inputSize} stored row-major.
 *
 * <p>Immutable. {@link #weights()} and {@link #bias()} return the internal arrays so that hot
 * loops need not copy them: callers own nothing and must not modify them. Construction copies
 * its arguments and rejects NaN or infinite entries.
 */
public final class AffineLayer {
    private final int inputSize;
    private final int outputSize;
    private final double[] weights;
    private final double[] bias;
    private final Activation activation;

    /**
     * @param weights row-major, {@code outputSize × inputSize}. Not modified (copied).
     * @param bias    length {@code outputSize}. Not modified (copied).
     * @throws IllegalArgumentException on a shape mismatch or a non-finite entry, with the
     *                                  shape or position in the message
     */
    public AffineLayer(int outputSize, int inputSize, double[] weights, double[] bias, Activation activation) {
        if (outputSize <= 0 || inputSize <= 0) {
            throw new IllegalArgumentException("layer shape must be positive, got " + outputSize + "×" + inputSize);
        }
        if (weights.length != outputSize * inputSize) {
            throw new IllegalArgumentException("weights have " + weights.length + " entries but the layer is "
                    + outputSize + "×" + inputSize);
        }
        if (bias.length != outputSize) {
            throw new IllegalArgumentException("bias has " + bias.length + " entries but the layer has "
                    + outputSize + " outputs");
        }
        for (int k = 0; k < weights.length; k++) {
            if (!Double.isFinite(weights[k])) {
                throw new IllegalArgumentException("weight [" + k / inputSize + "][" + k % inputSize + "] is "
                        + weights[k]);
            }
        }
        for (int i = 0; i < bias.length; i++) {
            if (!Double.isFinite(bias[i])) {
                throw new IllegalArgumentException("bias [" + i + "] is " + bias[i]);
            }
        }
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        this.weights = weights.clone();
        this.bias = bias.clone();
        this.activation = Objects.requireNonNull(activation);
    }

    /** A layer from weight rows {@code w[out][in]}. Not modified: w, bias. */
    public static AffineLayer of(double[][] w, double[] bias, Activation activation) {
        if (w.length == 0) {
            throw new IllegalArgumentException("layer has no rows");
        }
        int in = w[0].length;
        double[] flat = new double[w.length * in];
        for (int i = 0; i < w.length; i++) {
            if (w[i].length != in) {
                throw new IllegalArgumentException("weight row " + i + " has " + w[i].length + " entries, row 0 has " + in);
            }
            System.arraycopy(w[i], 0, flat, i * in, in);
        }
        return new AffineLayer(w.length, in, flat, bias, activation);
    }

    public int inputSize() {
        return inputSize;
    }

    public int outputSize() {
        return outputSize;
    }

    /** Row-major W, {@code outputSize × inputSize}. Owned by the layer: do not modify. */
    public double[] weights() {
        return weights;
    }

    /** b. Owned by the layer: do not modify. */
    public double[] bias() {
        return bias;
    }

    public Activation activation() {
        return activation;
    }

    /** W[i][j]. */
    public double weight(int i, int j) {
        return weights[i * inputSize + j];
    }

    /** Row i of W, copied. */
    public double[] row(int i) {
        return Arrays.copyOfRange(weights, i * inputSize, (i + 1) * inputSize);
    }

    /** W as rows, copied. */
    public double[][] weightRows() {
        double[][] rows = new double[outputSize][];
        for (int i = 0; i < outputSize; i++) {
            rows[i] = row(i);
        }
        return rows;
    }

    /**
     * z = W x + b into {@code z}. Not modified: x. Modified: z (length {@code outputSize}).
     */
    public void preActivation(double[] x, double[] z) {
        for (int i = 0; i < outputSize; i++) {
            double s = bias[i];
            int base = i * inputSize;
            for (int j = 0; j < inputSize; j++) {
                s += weights[base + j] * x[j];
            }
            z[i] = s;
        }
    }

    /** σ(z) applied in place. Modified: z. */
    public void activate(double[] z) {
        if (activation == Activation.RELU) {
            for (int i = 0; i < z.length; i++) {
                z[i] = Math.max(z[i], 0.0);
            }
        }
    }

    /** The same affine map followed by a different activation. */
    public AffineLayer withActivation(Activation newActivation) {
        return new AffineLayer(outputSize, inputSize, weights, bias, newActivation);
    }

    /** Number of parameters, |W| + |b|. */
    public int parameterCount() {
        return weights.length + bias.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AffineLayer l && l.inputSize == inputSize && l.outputSize == outputSize
                && l.activation == activation && Arrays.equals(l.weights, weights) && Arrays.equals(l.bias, bias);
    }

    @Override
    public int hashCode() {
        return Objects.hash(inputSize, outputSize, activation, Arrays.hashCode(weights), Arrays.hashCode(bias));
    }

    @Override
    public String toString() {
        return "AffineLayer[" + outputSize + "×" + inputSize + ", " + activation + "]";
    }
}
