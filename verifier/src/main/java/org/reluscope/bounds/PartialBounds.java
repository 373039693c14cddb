package org.reluscope.bounds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.numeric.Rounding;

/**
 * The mutable state of one layer-by-layer bound computation: pre-activation intervals of the
 * layers finished so far, the dense split phases and derived magnitudes. Owned by one call;
 * never escapes the package (results leave as immutable {@link Bounds}).
 */
final class PartialBounds {
    final Network network;
    final InputSet set;
    /** Split phase per neuron: +1 active, −1 inactive, 0 free. */
    final byte[][] phase;
    final double[][] lower;
    final double[][] upper;
    /** ρ_l[j] ≥ Σ_i |W_l[j][i]|·max|a_{l−1,i}|, computed on first use. */
    private final double[][] rho;
    /** The M of {@link #rho} per layer, set with its first entry. */
    private final double[][] magnitude;
    private final double[] inputMagnitude;
    /** Layers whose bounds are final. */
    int done;
    boolean empty;

    PartialBounds(Network network, InputSet set, ReluSplits splits) {
        this.network = network;
        this.set = set;
        this.phase = splits.dense(network);
        int layers = network.layerCount();
        this.lower = new double[layers][];
        this.upper = new double[layers][];
        this.rho = new double[layers][];
        this.magnitude = new double[layers][];
        for (int l = 0; l < layers; l++) {
            lower[l] = new double[network.layer(l).outputSize()];
            upper[l] = new double[network.layer(l).outputSize()];
        }
        Box box = set.boundingBox();
        this.inputMagnitude = new double[set.dimension()];
        for (int i = 0; i < inputMagnitude.length; i++) {
            inputMagnitude[i] = Math.max(Math.abs(box.lower(i)), Math.abs(box.upper(i)));
        }
    }

    Activation activation(int l) {
        return network.layer(l).activation();
    }

    /** Narrows neuron i of layer l to [lo, hi] ∩ its current interval; NaN candidates are ignored. */
    void tighten(int l, int i, double lo, double hi) {
        if (lo > lower[l][i]) {
            lower[l][i] = lo;
        }
        if (hi < upper[l][i]) {
            upper[l][i] = hi;
        }
    }

    /**
     * Clamps split neurons of layer l to their phase's half-line and records whether some
     * interval became empty (no input of the set satisfies the splits and the bounds).
     */
    void clampSplitsAndCheck(int l) {
        double[] lo = lower[l];
        double[] hi = upper[l];
        byte[] p = phase[l];
        for (int i = 0; i < lo.length; i++) {
            if (p[i] > 0) {
                lo[i] = Math.max(lo[i], 0.0);
            } else if (p[i] < 0) {
                hi[i] = Math.min(hi[i], 0.0);
            }
            if (lo[i] > hi[i]) {
                empty = true;
            }
        }
    }

    /** Whether neuron i of layer l is a ReLU that the current bounds leave unstable. */
    boolean isUnstable(int l, int i) {
        return activation(l) == Activation.RELU && lower[l][i] < 0 && upper[l][i] > 0;
    }

    /** Lower bound on a_{l,i} = σ(z_{l,i}). */
    double activatedLower(int l, int i) {
        return activation(l).apply(lower[l][i]);
    }

    /** Upper bound on a_{l,i} = σ(z_{l,i}). */
    double activatedUpper(int l, int i) {
        return activation(l).apply(upper[l][i]);
    }

    /** Bound on |z_{l,i}| over the set. */
    double preActivationMagnitude(int l, int i) {
        return Math.max(Math.abs(lower[l][i]), Math.abs(upper[l][i]));
    }

    /**
     * ρ_l[j] ≥ Σ_i |W_l[j][i]|·M_i, M bounding |a_{l−1}| (|x| for l = 0), rounded up: the
     * factor that turns the rounding error of a product with W_l into an additive bound.
     * Computed per neuron on first use (back-substitution needs it only where its coefficient
     * is non-zero, which on wide, mostly inactive layers is a small fraction). Needs the bounds
     * of layer l − 1 to be final.
     */
    double rho(int l, int j) {
        if (rho[l] == null) {
            AffineLayer layer = network.layer(l);
            rho[l] = new double[layer.outputSize()];
            Arrays.fill(rho[l], Double.NaN);
            magnitude[l] = new double[layer.inputSize()];
            for (int i = 0; i < magnitude[l].length; i++) {
                magnitude[l][i] = l == 0 ? inputMagnitude[i]
                        : Math.max(Math.abs(activatedLower(l - 1, i)), Math.abs(activatedUpper(l - 1, i)));
            }
        }
        double r = rho[l][j];
        if (Double.isNaN(r)) {
            double[] m = magnitude[l];
            double[] w = network.layer(l).weights();
            double s = 0;
            int base = j * m.length;
            for (int i = 0; i < m.length; i++) {
                s += Math.abs(w[base + i]) * m[i];
            }
            r = Rounding.up(s, s, m.length);
            rho[l][j] = r;
        }
        return r;
    }

    /** The bounds of all layers, which must all be done. */
    Bounds toBounds(String method) {
        if (empty) {
            return Bounds.emptySet(method, network);
        }
        List<LayerBounds> layers = new ArrayList<>();
        for (int l = 0; l < lower.length; l++) {
            layers.add(LayerBounds.of(lower[l], upper[l], activation(l)));
        }
        return Bounds.of(method, network, layers);
    }
}
