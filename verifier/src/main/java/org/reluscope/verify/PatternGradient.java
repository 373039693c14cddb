package org.reluscope.verify;

import java.util.Arrays;

import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;

/**
 * f(x) and the gradient of c·f at x through the activation pattern of x:
 * ∇(c·f)(x) = W_0ᵀ D_0 W_1ᵀ D_1 ⋯ W_Lᵀ D_L c, with D_l = diag(1[z_l &gt; 0]) for ReLU layers
 * (the gradient of the affine piece x lies on; at a kink, of the piece where the neuron is
 * off). The falsifier's search direction. A reusable workspace for one network: buffers are
 * allocated once. Not thread-safe.
 */
final class PatternGradient {
    private final Network network;
    /** Activations a_l of every layer, a[0] the input. */
    private final double[][] a;
    private double[] grad;
    private double[] gradNext;

    PatternGradient(Network network) {
        this.network = network;
        int layers = network.layerCount();
        this.a = new double[layers + 1][];
        int widest = network.inputSize();
        for (int l = 0; l < layers; l++) {
            a[l + 1] = new double[network.layer(l).outputSize()];
            widest = Math.max(widest, network.layer(l).outputSize());
        }
        this.grad = new double[widest];
        this.gradNext = new double[widest];
    }

    /** f(x); the result is a buffer of this workspace, valid until the next call. Not modified: x. */
    double[] evaluate(double[] x) {
        a[0] = x;
        for (int l = 0; l < network.layerCount(); l++) {
            AffineLayer layer = network.layer(l);
            layer.preActivation(a[l], a[l + 1]);
            layer.activate(a[l + 1]);
        }
        return a[network.layerCount()];
    }

    /**
     * ∇(c·f) at the point of the last {@link #evaluate} into {@code out}. A ReLU output a_l = 0
     * marks the neuron off (z ≤ 0). Not modified: c. Modified: out (length n_0).
     */
    void gradient(double[] c, double[] out) {
        int n = c.length;
        System.arraycopy(c, 0, grad, 0, n);
        for (int l = network.layerCount() - 1; l >= 0; l--) {
            AffineLayer layer = network.layer(l);
            if (layer.activation() == Activation.RELU) {
                double[] act = a[l + 1];
                for (int j = 0; j < n; j++) {
                    if (act[j] <= 0) {
                        grad[j] = 0;
                    }
                }
            }
            int in = layer.inputSize();
            double[] w = layer.weights();
            Arrays.fill(gradNext, 0, in, 0.0);
            for (int j = 0; j < n; j++) {
                double g = grad[j];
                if (g != 0) {
                    int base = j * in;
                    for (int i = 0; i < in; i++) {
                        gradNext[i] += g * w[base + i];
                    }
                }
            }
            double[] swap = grad;
            grad = gradNext;
            gradNext = swap;
            n = in;
        }
        System.arraycopy(grad, 0, out, 0, n);
    }
}
