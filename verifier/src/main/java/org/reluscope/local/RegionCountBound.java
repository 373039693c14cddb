package org.reluscope.local;

import java.math.BigInteger;
import java.util.Arrays;

import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.LayerBounds;
import org.reluscope.bounds.OutputBounder;
import org.reluscope.input.InputSet;
import org.reluscope.net.Activation;
import org.reluscope.net.Network;

/**
 * A sound upper bound on the number of activation regions of a ReLU network that meet an
 * input set B (a box or an L2 ball): a local form of the bound of Serra, Tjandraatmadja and
 * Ramalingam (2018) in which neurons that provably keep their sign on B drop out.
 *
 * <h2>Formula</h2>
 * Sound pre-activation bounds on B (e.g. {@code crown}) classify the neurons of every ReLU
 * layer l: u_l <i>unstable</i> (lower &lt; 0 &lt; upper), a_l <i>possibly active</i> but
 * never negative (lower ≥ 0 &lt; upper), the rest never positive. With n = n_0 the input
 * dimension, the bound is N = Σ_d N_L(d) where N_0(n) = 1, N_0(d) = 0 for d &lt; n, and
 * <pre>
 *   N_l(d') = Σ_d N_{l−1}(d) · Σ { C(u_l, k) : max(0, u_l − d) ≤ k ≤ u_l, min(d, a_l + k) = d' }.
 * </pre>
 * Without stable neurons (u_l = n_l, a_l = 0) this is Serra et al.'s Theorem 1 with
 * j_l = u_l − k inactive neurons; with one layer it is Zaslavsky's Σ_{i ≤ n} C(u_1, i).
 *
 * <h2>Why it is sound</h2>
 * The sum over d is a sum over paths (k_1, …, k_L) of Π_l C(u_l, k_l) with d_0 = n,
 * k_l ≥ u_l − d_{l−1}, d_l = min(d_{l−1}, a_l + k_l); evaluated backwards it is V_0(n) with
 * V_L ≡ 1 and V_{l−1}(d) = Σ_{k = max(0, u_l − d)}^{u_l} C(u_l, k) V_l(min(d, a_l + k)),
 * which is non-decreasing in d (by induction: the terms are, and the range of k grows).
 * Call a <i>piece</i> of layer l a maximal subset of B with non-empty interior on which the
 * patterns of layers 1…l are constant; it is convex (B cut by half-spaces), and the regions
 * meeting B are the pieces of the last ReLU layer. Claim: a piece P of layer l−1 on which
 * rank M_{l−1} ≤ d (M_l = D_l W_l ⋯ D_1 W_1, M_0 = I) holds at most V_{l−1}(d) regions.
 * On P the pre-activations of layer l are affine, z = Z x + ζ with Z = W_l M_{l−1}. The
 * pieces of layer l inside P are the cells of the arrangement of the hyperplanes
 * {Z_i x + ζ_i = 0} of the u_l unstable neurons that meet the interior of P (the others keep
 * one sign on B; a never-negative neuron may vanish on a cell, which only lowers the rank
 * below). Each cell has its own sign vector, so
 * (i) at most C(u_l, k) cells have exactly k unstable neurons active, and
 * (ii) z depends on x only through its projection on the row space of Z, of dimension
 * r ≤ d, so the cells are at most those of u_l hyperplanes in ℝ^r: at most
 * Σ_{i ≤ r} C(u_l, i) ≤ Σ_{k ≥ u_l − d} C(u_l, k) of them (Zaslavsky; C(u, i) = C(u, u − i)).
 * On a cell with k unstable neurons active, rank M_l = rank D_l Z ≤ min(d, a_l + k), so by
 * induction the cell holds at most V_l(min(d, a_l + k)) regions, non-decreasing in k. Cell
 * counts bounded by (i) and (ii) weigh most when they take every k from u_l down to
 * u_l − d in full, which is V_{l−1}(d). With P = B, l = 1: at most V_0(n) = N regions. ∎
 *
 * <p>The counts are exact integers (no rounding): the only approximation is in the neuron
 * classification, whose bounds are sound under floating point ({@link OutputBounder}).
 * Because the bounds of a smaller set are no looser (for interval and LP bounds; symbolic
 * bounds in practice), the bound grows with the radius.
 */
public final class RegionCountBound {
    private RegionCountBound() {
    }

    /**
     * The bound over {@code set}, classifying neurons with {@code bounder}.
     *
     * @throws IllegalArgumentException if the set does not fit the network
     */
    public static RegionBound of(Network network, InputSet set, OutputBounder bounder) {
        return of(network, bounder.compute(network, set));
    }

    /** The bound from pre-activation bounds of every layer of {@code network}, already computed. */
    public static RegionBound of(Network network, Bounds bounds) {
        if (bounds.layers().size() != network.layerCount()) {
            throw new IllegalArgumentException("bounds for " + bounds.layers().size() + " layers but the network has "
                    + network.layerCount());
        }
        int n = network.inputSize();
        BigInteger[] byRank = new BigInteger[n + 1];
        Arrays.fill(byRank, BigInteger.ZERO);
        byRank[n] = bounds.empty() ? BigInteger.ZERO : BigInteger.ONE;
        int relus = (int) network.layers().stream().filter(l -> l.activation() == Activation.RELU).count();
        int[] unstable = new int[relus];
        int[] neverNegative = new int[relus];
        int r = 0;
        for (int l = 0; l < network.layerCount(); l++) {
            if (network.layer(l).activation() != Activation.RELU) {
                continue;
            }
            LayerBounds layer = bounds.layer(l);
            for (int i = 0; i < layer.size(); i++) {
                if (layer.isUnstable(i)) {
                    unstable[r]++;
                } else if (layer.lower(i) >= 0 && layer.upper(i) > 0) {
                    neverNegative[r]++;
                }
            }
            byRank = step(byRank, unstable[r], neverNegative[r]);
            r++;
        }
        BigInteger total = Arrays.stream(byRank).reduce(BigInteger.ZERO, BigInteger::add);
        return new RegionBound(total, unstable, neverNegative, bounds.method());
    }

    /** N_l from N_{l−1} for a layer with u unstable and a never-negative neurons. */
    private static BigInteger[] step(BigInteger[] byRank, int u, int a) {
        BigInteger[] binomials = binomialRow(u);
        BigInteger[] next = new BigInteger[byRank.length];
        Arrays.fill(next, BigInteger.ZERO);
        for (int d = 0; d < byRank.length; d++) {
            if (byRank[d].signum() == 0) {
                continue;
            }
            for (int k = Math.max(0, u - d); k <= u; k++) {
                int rank = Math.min(d, a + k);
                next[rank] = next[rank].add(byRank[d].multiply(binomials[k]));
            }
        }
        return next;
    }

    /** C(u, 0), …, C(u, u). */
    static BigInteger[] binomialRow(int u) {
        BigInteger[] row = new BigInteger[u + 1];
        row[0] = BigInteger.ONE;
        for (int k = 1; k <= u; k++) {
            row[k] = row[k - 1].multiply(BigInteger.valueOf(u - k + 1)).divide(BigInteger.valueOf(k));
        }
        return row;
    }
}
