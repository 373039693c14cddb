package org.reluscope.symmetry;

import java.util.List;

import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;

/**
 * A network with at most one hidden layer, f(x) = A₂ σ(A₁ x + b₁) + b₂, seen unit by unit:
 * hidden unit h has input weights w_h (row h of A₁), bias c_h and output weights a_h
 * (column h of A₂). A network of a single affine layer is the width-0 case f(x) = A₂ x + b₂.
 *
 * @param hidden the ReLU layer (A₁, b₁), or {@code null} for width 0
 * @param output the affine layer (A₂, b₂)
 */
public record ShallowNetwork(AffineLayer hidden, AffineLayer output) {

    public ShallowNetwork {
        if (output.activation() != Activation.IDENTITY) {
            throw new IllegalArgumentException("output layer must be affine, got " + output.activation());
        }
        if (hidden != null && (hidden.activation() != Activation.RELU || hidden.outputSize() != output.inputSize())) {
            throw new IllegalArgumentException("hidden layer must be ReLU with " + output.inputSize() + " units, got "
                    + hidden);
        }
    }

    /**
     * The shallow view of {@code network}.
     *
     * @throws IllegalArgumentException if the network has more than one hidden layer or does
     *                                  not end in an affine layer, with its shape in the message
     */
    public static ShallowNetwork of(Network network) {
        List<AffineLayer> layers = network.layers();
        if (!isShallow(network)) {
            throw new IllegalArgumentException("not a shallow network (one ReLU layer then an affine layer): "
                    + network + " with activations " + layers.stream().map(AffineLayer::activation).toList());
        }
        return layers.size() == 1 ? new ShallowNetwork(null, layers.get(0))
                : new ShallowNetwork(layers.get(0), layers.get(1));
    }

    /** Whether {@link #of(Network)} accepts the network. */
    public static boolean isShallow(Network network) {
        List<AffineLayer> layers = network.layers();
        return layers.size() == 1 && layers.get(0).activation() == Activation.IDENTITY
                || layers.size() == 2 && layers.get(0).activation() == Activation.RELU
                && layers.get(1).activation() == Activation.IDENTITY;
    }

    public int width() {
        return hidden == null ? 0 : hidden.outputSize();
    }

    public int inputSize() {
        return hidden == null ? output.inputSize() : hidden.inputSize();
    }

    public int outputSize() {
        return output.outputSize();
    }

    /** w_h, copied. */
    public double[] inputWeights(int h) {
        return hidden.row(h);
    }

    /** c_h. */
    public double hiddenBias(int h) {
        return hidden.bias()[h];
    }

    /** a_h (column h of A₂), copied. */
    public double[] outputWeights(int h) {
        double[] a = new double[outputSize()];
        for (int i = 0; i < a.length; i++) {
            a[i] = output.weight(i, h);
        }
        return a;
    }

    /** b₂, copied. */
    public double[] outputBias() {
        return output.bias().clone();
    }

    /** The same function as a {@link Network}. */
    public Network toNetwork() {
        return new Network(hidden == null ? List.of(output) : List.of(hidden, output));
    }
}
