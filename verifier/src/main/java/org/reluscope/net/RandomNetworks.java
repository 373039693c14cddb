package org.reluscope.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random ReLU networks, for tests, examples and benchmarks.
 *
 * <p>Weights are Gaussian with He scaling (variance 2 / fan-in) so that pre-activations keep
 * their spread through depth and a good share of neurons is unstable on small input sets —
 * the interesting case for verification. Biases are Gaussian with standard deviation
 * {@code biasScale}.
 */
public final class RandomNetworks {
    private RandomNetworks() {
    }

    /**
     * A network with the given widths n_0, n_1, …, n_L: ReLU after every layer but the last,
     * which is affine.
     *
     * @param widths    at least two entries, all positive
     * @param biasScale standard deviation of the biases (0 for a bias-free network)
     */
    public static Network relu(long seed, double biasScale, int... widths) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("need at least input and output widths, got " + widths.length);
        }
        Random random = new Random(seed);
        List<AffineLayer> layers = new ArrayList<>();
        for (int l = 1; l < widths.length; l++) {
            int in = widths[l - 1];
            int out = widths[l];
            double scale = Math.sqrt(2.0 / in);
            double[] w = new double[out * in];
            double[] b = new double[out];
            for (int k = 0; k < w.length; k++) {
                w[k] = random.nextGaussian() * scale;
            }
            for (int i = 0; i < out; i++) {
                b[i] = random.nextGaussian() * biasScale;
            }
            layers.add(new AffineLayer(out, in, w, b,
                    l == widths.length - 1 ? Activation.IDENTITY : Activation.RELU));
        }
        return new Network(layers);
    }

    /** {@link #relu(long, double, int...)} with bias scale 0.1. */
    public static Network relu(long seed, int... widths) {
        return relu(seed, 0.1, widths);
    }
}
