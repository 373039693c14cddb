package org.reluscope.verify.bab;

import java.util.Optional;

import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.LayerBounds;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;

/**
 * Chooses the ReLU to split, BaBSR-style: the objective c·y (to be bounded from below) is
 * back-substituted through the node's CROWN relaxation, and each unstable neuron (l, j) with
 * bounds [lo, u] scores by what its relaxation costs the bound. A neuron whose coefficient h
 * on a_{l,j} is negative is bounded by the chord, whose intercept λ·(−lo), λ = u/(u − lo),
 * lowers the bound by |h|·u·(−lo)/(u − lo) — exactly what splitting it removes. Neurons with a
 * positive coefficient sit on the lower line and cost nothing directly; they rank after every
 * negative one by |h| times the same area, since splitting them still tightens later layers.
 *
 * <p>Only a heuristic: plain floating point, no soundness needed.
 */
final class BranchingScore {
    /** Weight of the indirect (positive-coefficient) term relative to the intercept term. */
    private static final double INDIRECT = 1e-3;

    private BranchingScore() {
    }

    /** A neuron of a hidden ReLU layer. */
    record Neuron(int layer, int index) {
    }

    /** The best neuron to split for the objective c·y on a node with these bounds, or empty if every ReLU is stable. Not modified: c. */
    static Optional<Neuron> best(Network network, Bounds bounds, double[] c) {
        double[] h = c.clone();
        Neuron best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int l = network.layerCount() - 1; l >= 0; l--) {
            AffineLayer layer = network.layer(l);
            LayerBounds lb = bounds.layer(l);
            boolean relu = layer.activation() == Activation.RELU;
            for (int j = 0; j < h.length; j++) {
                double lo = lb.lower(j);
                double u = lb.upper(j);
                if (!relu || lo >= 0) {
                    continue;
                }
                if (u <= 0) {
                    h[j] = 0;
                    continue;
                }
                double area = u * -lo / (u - lo);
                double score = h[j] < 0 ? -h[j] * area : INDIRECT * h[j] * area;
                // Even a zero score beats nothing: an unstable neuron must be split eventually.
                if (score > bestScore) {
                    bestScore = score;
                    best = new Neuron(l, j);
                }
                h[j] *= h[j] < 0 ? u / (u - lo) : (u >= -lo ? 1 : 0);
            }
            h = throughWeights(layer, h);
        }
        return Optional.ofNullable(best);
    }

    /** hᵀW: coefficients on the layer's inputs from coefficients on its pre-activations. */
    private static double[] throughWeights(AffineLayer layer, double[] h) {
        int n = layer.inputSize();
        double[] w = layer.weights();
        double[] out = new double[n];
        for (int j = 0; j < h.length; j++) {
            if (h[j] != 0) {
                int base = j * n;
                for (int i = 0; i < n; i++) {
                    out[i] += h[j] * w[base + i];
                }
            }
        }
        return out;
    }
}
