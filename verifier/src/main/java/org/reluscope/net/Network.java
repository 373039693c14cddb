package org.reluscope.net;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A feed-forward network f(x) = L_k(… L_2(L_1(x))), each {@link AffineLayer} L_l computing
 * σ_l(W_l x + b_l). In the notation of MISSION.md the layers with ReLU are the hidden layers
 * and the last layer is usually affine.
 *
 * <p>Immutable and thread-safe. Evaluation is in double precision.
 */
public final class Network {
    private final List<AffineLayer> layers;
    private final InputNormalization normalization;

    /**
     * @param layers        at least one; layer l+1's input size equals layer l's output size
     * @param normalization the input normalisation the file declared, or {@code null}
     * @throws IllegalArgumentException on mismatched shapes, naming the layer
     */
    public Network(List<AffineLayer> layers, InputNormalization normalization) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("network has no layers");
        }
        for (int l = 1; l < layers.size(); l++) {
            int expected = layers.get(l - 1).outputSize();
            AffineLayer layer = layers.get(l);
            if (layer.inputSize() != expected) {
                throw new IllegalArgumentException("layer " + l + ": weights are " + layer.outputSize() + "×"
                        + layer.inputSize() + " but its input has " + expected + " entries");
            }
        }
        if (normalization != null && normalization.mean().length != layers.get(0).inputSize()) {
            throw new IllegalArgumentException("normalisation has " + normalization.mean().length
                    + " entries but the network has " + layers.get(0).inputSize() + " inputs");
        }
        this.layers = List.copyOf(layers);
        this.normalization = normalization;
    }

    public Network(List<AffineLayer> layers) {
        this(layers, null);
    }

    public List<AffineLayer> layers() {
        return layers;
    }

    public AffineLayer layer(int l) {
        return layers.get(l);
    }

    public int layerCount() {
        return layers.size();
    }

    public int inputSize() {
        return layers.get(0).inputSize();
    }

    public int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    /** The declared input normalisation, if the file had one. */
    public Optional<InputNormalization> normalization() {
        return Optional.ofNullable(normalization);
    }

    /** Widths n_0, n_1, …, n_L. */
    public int[] widths() {
        int[] w = new int[layers.size() + 1];
        w[0] = inputSize();
        for (int l = 0; l < layers.size(); l++) {
            w[l + 1] = layers.get(l).outputSize();
        }
        return w;
    }

    /** Total number of ReLU units. */
    public int reluCount() {
        int n = 0;
        for (AffineLayer layer : layers) {
            if (layer.activation() == Activation.RELU) {
                n += layer.outputSize();
            }
        }
        return n;
    }

    public int parameterCount() {
        int n = 0;
        for (AffineLayer layer : layers) {
            n += layer.parameterCount();
        }
        return n;
    }

    /** f(x). Not modified: x. */
    public double[] evaluate(double[] x) {
        checkInput(x);
        double[] a = x;
        for (AffineLayer layer : layers) {
            double[] z = new double[layer.outputSize()];
            layer.preActivation(a, z);
            layer.activate(z);
            a = z;
        }
        return a;
    }

    /**
     * The pre-activations z_l = W_l a_{l−1} + b_l of every layer (before σ), outermost last.
     * The last entry is f(x) when the output layer is affine. Not modified: x.
     */
    public double[][] preActivations(double[] x) {
        checkInput(x);
        double[][] zs = new double[layers.size()][];
        double[] a = x;
        for (int l = 0; l < layers.size(); l++) {
            AffineLayer layer = layers.get(l);
            double[] z = new double[layer.outputSize()];
            layer.preActivation(a, z);
            zs[l] = z.clone();
            layer.activate(z);
            a = z;
        }
        return zs;
    }

    /** The same layers without the normalisation record. */
    public Network withoutNormalization() {
        return new Network(layers, null);
    }

    private void checkInput(double[] x) {
        if (x.length != inputSize()) {
            throw new IllegalArgumentException("input has " + x.length + " entries but the network takes " + inputSize());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Network n && n.layers.equals(layers) && Objects.equals(n.normalization, normalization);
    }

    @Override
    public int hashCode() {
        return layers.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Network[");
        int[] w = widths();
        for (int i = 0; i < w.length; i++) {
            sb.append(i == 0 ? "" : "-").append(w[i]);
        }
        return sb.append(']').toString();
    }
}
