package org.reluscope.verify.split;

import java.util.List;

import org.reluscope.bounds.LayerBounds;
import org.reluscope.input.Box;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;

/**
 * The "smear" split heuristic (ReluVal, Neurify): split the input coordinate i maximising
 * max|∂(c·f)/∂x_i| × width_i, the most the objective can vary along that side of the box.
 * The gradient ∇(c·f) = W_0ᵀ D_0 ⋯ W_Lᵀ D_L c is bounded by interval arithmetic with
 * D_l's diagonal entries 1 for neurons the layer bounds show active, 0 for inactive ones and
 * the interval [0, 1] for unstable ones. Only a heuristic: rounding does not matter here.
 */
final class Smear {
    private Smear() {
    }

    /** The coordinate to split. Not modified: direction. */
    static int dimension(Network network, List<LayerBounds> layers, double[] direction, Box box) {
        double[] lo = direction.clone();
        double[] hi = direction.clone();
        for (int l = network.layerCount() - 1; l >= 0; l--) {
            AffineLayer layer = network.layer(l);
            if (layer.activation() == Activation.RELU) {
                LayerBounds bounds = layers.get(l);
                for (int j = 0; j < lo.length; j++) {
                    if (bounds.upper(j) <= 0) {
                        lo[j] = 0;
                        hi[j] = 0;
                    } else if (bounds.lower(j) < 0) {
                        lo[j] = Math.min(lo[j], 0);
                        hi[j] = Math.max(hi[j], 0);
                    }
                }
            }
            int in = layer.inputSize();
            double[] w = layer.weights();
            double[] nextLo = new double[in];
            double[] nextHi = new double[in];
            for (int j = 0; j < lo.length; j++) {
                if (lo[j] == 0 && hi[j] == 0) {
                    continue;
                }
                int base = j * in;
                for (int i = 0; i < in; i++) {
                    double p = w[base + i] * lo[j];
                    double q = w[base + i] * hi[j];
                    nextLo[i] += Math.min(p, q);
                    nextHi[i] += Math.max(p, q);
                }
            }
            lo = nextLo;
            hi = nextHi;
        }
        int best = 0;
        double widest = -1;
        for (int i = 0; i < lo.length; i++) {
            double spread = Math.max(-lo[i], hi[i]) * box.width(i);
            if (spread > widest) {
                widest = spread;
                best = i;
            }
        }
        return best;
    }
}
