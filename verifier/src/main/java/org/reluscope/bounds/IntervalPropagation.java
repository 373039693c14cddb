package org.reluscope.bounds;

import org.reluscope.input.InputSet;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.numeric.Rounding;

/**
 * Interval bound propagation (IBP): the cheapest sound bounds.
 *
 * <p>The first layer's interval is exact over the set: z_j ∈ [−h(−w_j), h(w_j)] + b_j with
 * h the support function of the set ({@link InputSet#support}: coordinate-wise for a box,
 * w·x0 ± r‖w‖₂ for an L2 ball). After it, with a_{l−1} ∈ [σ(l), σ(u)] coordinate-wise,
 * z_j ≤ b_j + Σ_i max(W_ji σ(l_i), W_ji σ(u_i)) and symmetrically below; each sum is widened
 * by γ_{n+2}·Σ|terms| ({@link Rounding}) so that it bounds the exact real value.
 *
 * <p>Stateless and thread-safe.
 */
public final class IntervalPropagation implements OutputBounder {

    @Override
    public String name() {
        return "ibp";
    }

    @Override
    public Bounds compute(Network network, InputSet set, BoundOptions options) {
        return LayerSweep.run(network, set, options, network.layerCount(), null).toBounds(name());
    }

    /** The output intervals combined: Σ_j max(c_j l_j, c_j u_j), rounded up. Not modified: c. */
    @Override
    public double upperBound(Network network, InputSet set, double[] c, BoundOptions options) {
        return compute(network, set, options).intervalUpperBound(c);
    }

    /** Sets the interval of layer l in {@code state} from the set (l = 0) or from layer l − 1. */
    static void layer(PartialBounds state, int l) {
        AffineLayer layer = state.network.layer(l);
        if (l == 0) {
            firstLayer(layer, state.set, state.lower[0], state.upper[0]);
            return;
        }
        int n = layer.inputSize();
        double[] aLo = new double[n];
        double[] aHi = new double[n];
        for (int i = 0; i < n; i++) {
            aLo[i] = state.activatedLower(l - 1, i);
            aHi[i] = state.activatedUpper(l - 1, i);
        }
        affine(layer, aLo, aHi, state.lower[l], state.upper[l]);
    }

    /** z = W x + b over the set. Modified: lo, hi. */
    private static void firstLayer(AffineLayer layer, InputSet set, double[] lo, double[] hi) {
        int n = layer.inputSize();
        double[] w = layer.weights();
        double[] row = new double[n];
        for (int j = 0; j < layer.outputSize(); j++) {
            System.arraycopy(w, j * n, row, 0, n);
            double b = layer.bias()[j];
            hi[j] = Math.nextUp(set.support(row) + b);
            lo[j] = Math.nextDown(set.lowerSupport(row) + b);
        }
    }

    /** z = W a + b for a in [aLo, aHi]. Not modified: aLo, aHi. Modified: lo, hi. */
    private static void affine(AffineLayer layer, double[] aLo, double[] aHi, double[] lo, double[] hi) {
        int n = layer.inputSize();
        double[] w = layer.weights();
        double[] bias = layer.bias();
        for (int j = 0; j < layer.outputSize(); j++) {
            double sHi = bias[j];
            double sLo = bias[j];
            double m = Math.abs(bias[j]);
            int base = j * n;
            for (int i = 0; i < n; i++) {
                double wji = w[base + i];
                if (wji != 0) {
                    double p = wji * aLo[i];
                    double q = wji * aHi[i];
                    sHi += Math.max(p, q);
                    sLo += Math.min(p, q);
                    m += Math.max(Math.abs(p), Math.abs(q));
                }
            }
            hi[j] = Rounding.up(sHi, m, n + 1);
            lo[j] = Rounding.down(sLo, m, n + 1);
        }
    }
}
