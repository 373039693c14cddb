package org.reluscope.symmetry;

import org.reluscope.input.InputSet;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.numeric.Rounding;

/**
 * Interval bounds on every layer's pre-activations over an input set, rounded outward: the
 * first layer exactly by the set's support function, later layers by interval arithmetic on
 * [σ(l), σ(u)]. A stop-gap until the shared {@code org.reluscope.bounds} lands on main.
 */
final class IntervalBounds {
    private IntervalBounds() {
    }

    /** {lower, upper}, each one array per layer. */
    static double[][][] of(Network network, InputSet set) {
        int layers = network.layerCount();
        double[][] lower = new double[layers][];
        double[][] upper = new double[layers][];
        for (int l = 0; l < layers; l++) {
            AffineLayer layer = network.layer(l);
            int n = layer.inputSize();
            lower[l] = new double[layer.outputSize()];
            upper[l] = new double[layer.outputSize()];
            for (int j = 0; j < layer.outputSize(); j++) {
                double b = layer.bias()[j];
                if (l == 0) {
                    double[] row = layer.row(j);
                    upper[l][j] = Math.nextUp(set.support(row) + b);
                    lower[l][j] = Math.nextDown(set.lowerSupport(row) + b);
                    continue;
                }
                AffineLayer prev = network.layer(l - 1);
                double hi = b;
                double lo = b;
                double m = Math.abs(b);
                for (int i = 0; i < n; i++) {
                    double w = layer.weight(j, i);
                    double p = w * prev.activation().apply(lower[l - 1][i]);
                    double q = w * prev.activation().apply(upper[l - 1][i]);
                    hi += Math.max(p, q);
                    lo += Math.min(p, q);
                    m += Math.max(Math.abs(p), Math.abs(q));
                }
                upper[l][j] = Rounding.up(hi, m, n + 1);
                lower[l][j] = Rounding.down(lo, m, n + 1);
            }
        }
        return new double[][][] {lower, upper};
    }
}
