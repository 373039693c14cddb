package org.reluscope.symmetry;

import java.util.ArrayList;
import java.util.List;

import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.numeric.Vectors;

/**
 * The difference d(x) = f₁(x) − f₂(x) of two networks as one ReLU network, so that
 * "max ‖d‖ over a domain" is an ordinary bound or MILP question.
 *
 * <p>Both networks are first brought to the standard shape "ReLU layers, then one affine
 * layer" without changing their functions: an affine hidden layer z = W a + b becomes the
 * ReLU layer [W; −W], [b; −b] followed by the next layer with weights [W', −W'] (because
 * σ(z) − σ(−z) = z), and a ReLU output layer gets an identity affine layer after it. The
 * shallower one is then padded with identity ReLU layers before its output layer (exact,
 * since what enters that layer is a ReLU output and so ≥ 0); a network with no hidden layer
 * first gets the layer [I; −I] (and [W, −W] after it). Then the first layers are stacked
 * ([W₁; W₂], both read x), the hidden layers are block-diagonal, and the output layer is
 * [W₁,L  −W₂,L] with bias b₁,L − b₂,L.
 */
public final class NetworkDifference {
    private NetworkDifference() {
    }

    /**
     * @throws IllegalArgumentException if the input or output sizes differ
     */
    public static Network of(Network f1, Network f2) {
        if (f1.inputSize() != f2.inputSize() || f1.outputSize() != f2.outputSize()) {
            throw new IllegalArgumentException("networks have shapes " + f1.inputSize() + "→" + f1.outputSize()
                    + " and " + f2.inputSize() + "→" + f2.outputSize());
        }
        List<AffineLayer> a = standardLayers(f1);
        List<AffineLayer> b = standardLayers(f2);
        int depth = Math.max(2, Math.max(a.size(), b.size()));
        a = padded(a, depth);
        b = padded(b, depth);
        List<AffineLayer> layers = new ArrayList<>();
        layers.add(stackRows(a.get(0), b.get(0)));
        for (int l = 1; l < depth - 1; l++) {
            layers.add(blockDiagonal(a.get(l), b.get(l)));
        }
        layers.add(subtractOutputs(a.get(depth - 1), b.get(depth - 1)));
        return new Network(layers);
    }

    /** The layers of f rewritten as ReLU layers then one affine layer, computing the same function. */
    public static List<AffineLayer> standardLayers(Network f) {
        List<AffineLayer> in = new ArrayList<>(f.layers());
        List<AffineLayer> out = new ArrayList<>();
        for (int l = 0; l < in.size(); l++) {
            AffineLayer layer = in.get(l);
            boolean last = l == in.size() - 1;
            if (!last && layer.activation() == Activation.IDENTITY) {
                out.add(stackRows(layer, negated(layer)).withActivation(Activation.RELU));
                in.set(l + 1, doubledInput(in.get(l + 1)));
            } else {
                out.add(layer);
            }
        }
        AffineLayer lastLayer = out.get(out.size() - 1);
        if (lastLayer.activation() == Activation.RELU) {
            out.add(identity(lastLayer.outputSize(), Activation.IDENTITY));
        }
        return out;
    }

    /** Standard layers padded to {@code depth} layers with exact identity ReLU layers. */
    private static List<AffineLayer> padded(List<AffineLayer> layers, int depth) {
        List<AffineLayer> out = new ArrayList<>(layers);
        if (out.size() == 1) {
            AffineLayer affine = out.get(0);
            AffineLayer split = identity(affine.inputSize(), Activation.IDENTITY);
            out.set(0, stackRows(split, negated(split)).withActivation(Activation.RELU));
            out.add(doubledInput(affine));
        }
        while (out.size() < depth) {
            out.add(out.size() - 1, identity(out.get(out.size() - 1).inputSize(), Activation.RELU));
        }
        return out;
    }

    private static AffineLayer identity(int n, Activation activation) {
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            w[i * n + i] = 1;
        }
        return new AffineLayer(n, n, w, new double[n], activation);
    }

    private static AffineLayer negated(AffineLayer layer) {
        return new AffineLayer(layer.outputSize(), layer.inputSize(), Vectors.scaled(-1, layer.weights()),
                Vectors.scaled(-1, layer.bias()), layer.activation());
    }

    /** [A; B] with biases stacked: both read the same input. Activation of a. */
    private static AffineLayer stackRows(AffineLayer a, AffineLayer b) {
        int n = a.inputSize();
        double[] w = new double[(a.outputSize() + b.outputSize()) * n];
        System.arraycopy(a.weights(), 0, w, 0, a.weights().length);
        System.arraycopy(b.weights(), 0, w, a.weights().length, b.weights().length);
        double[] bias = new double[a.outputSize() + b.outputSize()];
        System.arraycopy(a.bias(), 0, bias, 0, a.outputSize());
        System.arraycopy(b.bias(), 0, bias, a.outputSize(), b.outputSize());
        return new AffineLayer(a.outputSize() + b.outputSize(), n, w, bias, a.activation());
    }

    /** diag(A, B) with biases stacked, ReLU. */
    private static AffineLayer blockDiagonal(AffineLayer a, AffineLayer b) {
        int rows = a.outputSize() + b.outputSize();
        int cols = a.inputSize() + b.inputSize();
        double[] w = new double[rows * cols];
        for (int i = 0; i < a.outputSize(); i++) {
            System.arraycopy(a.weights(), i * a.inputSize(), w, i * cols, a.inputSize());
        }
        for (int i = 0; i < b.outputSize(); i++) {
            System.arraycopy(b.weights(), i * b.inputSize(), w, (a.outputSize() + i) * cols + a.inputSize(),
                    b.inputSize());
        }
        double[] bias = new double[rows];
        System.arraycopy(a.bias(), 0, bias, 0, a.outputSize());
        System.arraycopy(b.bias(), 0, bias, a.outputSize(), b.outputSize());
        return new AffineLayer(rows, cols, w, bias, Activation.RELU);
    }

    /** [A  −B] with bias a − b: the difference of two layers reading concatenated inputs; affine. */
    private static AffineLayer subtractOutputs(AffineLayer a, AffineLayer b) {
        double[] bias = a.bias().clone();
        Vectors.axpy(-1, b.bias(), bias);
        return sideBySide(a, negated(b), bias, Activation.IDENTITY);
    }

    /** [W  −W] with the layer's own bias and activation: the layer reading (σ(z), σ(−z)) instead of z. */
    private static AffineLayer doubledInput(AffineLayer layer) {
        return sideBySide(layer, negated(layer), layer.bias(), layer.activation());
    }

    /** [A  B] (same number of rows) with the given bias. Not modified: bias. */
    private static AffineLayer sideBySide(AffineLayer a, AffineLayer b, double[] bias, Activation activation) {
        int m = a.outputSize();
        int cols = a.inputSize() + b.inputSize();
        double[] w = new double[m * cols];
        for (int i = 0; i < m; i++) {
            System.arraycopy(a.weights(), i * a.inputSize(), w, i * cols, a.inputSize());
            System.arraycopy(b.weights(), i * b.inputSize(), w, i * cols + a.inputSize(), b.inputSize());
        }
        return new AffineLayer(m, cols, w, bias, activation);
    }
}
