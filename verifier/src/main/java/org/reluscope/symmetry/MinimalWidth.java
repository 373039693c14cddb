package org.reluscope.symmetry;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.reluscope.numeric.Vectors;

/**
 * The smallest hidden width of a shallow network computing the function of a
 * {@link CanonicalForm} f = Σ_k α_k σ(u_k·x + β_k) + G x + g with K units, and how to realise it.
 *
 * <p><b>Rule.</b> Write R_S = G + Σ_{k∈S} α_k u_kᵀ (m × n) and P_k = I − u_k u_kᵀ.
 * <ul>
 *   <li>width K when R_S = 0 for some S ⊆ {1…K}: the units in S are written flipped,
 *       α σ(−z) = α σ(z) − α z, which produces exactly the linear part G;</li>
 *   <li>else width K + 1 when R_S P_k = 0 for some k and S ∌ k: unit k is written as a pair
 *       a σ(z_k) + b σ(−z_k) with a + b = α_k, whose −b z_k supplies the rest, a multiple
 *       of u_kᵀ per output;</li>
 *   <li>else width K + 2 rank G: each rank-one term b vᵀ of G is a pair b σ(v·x) − b σ(−v·x).
 *       For a scalar output rank G = 1 here, so the answer is K, K + 1 or K + 2.</li>
 * </ul>
 * The output bias absorbs every constant, so g never costs a unit.
 *
 * <p><b>Proof sketch.</b> A realisation of width N is non-differentiable exactly on the K
 * canonical hyperplanes, so each carries at least one unit: N ≥ K. Group the live,
 * non-constant units by their (unoriented) hyperplane z = u·x + β; after positive rescaling a
 * group sums to A σ(z) + B σ(−z) = (A + B) σ(z) − B z. A group on a non-canonical hyperplane
 * has A + B = 0 and needs two units; a canonical group has A + B = α_k and, with one unit,
 * B ∈ {0, α_k} (kept or flipped), with two or more units B is free. The linear parts −B uᵀ must
 * add up to G. Hence N = K exactly when some set of flips produces G; N = K + 1 needs one
 * group of two units, necessarily canonical (a non-canonical group alone costs 2), i.e. the
 * second case; and for a scalar output a single extra pair always suffices, so N = K + 2
 * otherwise. For vector outputs the same count gives N = K + min over (split set T, flip
 * set S) of |T| + 2 rank(R_S P_T); the cases |T| ≤ 1 with zero remainder are decided exactly
 * and K + 2 rank G is then an upper bound, proven minimal when rank G = 1 or K = 0 (nothing to
 * flip or split).
 *
 * <p>The flip searches are vector subset sums ({@link SubsetSum}), exact but budgeted; when a
 * budget runs out the width is still realisable but {@code proven} is false and
 * {@code lowerBound} says what was proven.
 *
 * @param width      the width of the realisation described here (minimal when {@code proven})
 * @param lowerBound a proven lower bound on the minimal width (= width when proven)
 * @param hyperplanes K
 * @param flipped    per canonical unit: whether it is written flipped. Copied.
 * @param split      the canonical unit written as a two-sided pair, or −1
 */
public record MinimalWidth(int width, int lowerBound, int hyperplanes, boolean[] flipped, int split) {

    public MinimalWidth {
        flipped = flipped.clone();
    }

    /** Whether the width is proven minimal. */
    public boolean proven() {
        return width == lowerBound;
    }

    @Override
    public boolean[] flipped() {
        return flipped.clone();
    }

    /** Applies the rule to a canonical form. */
    public static MinimalWidth of(CanonicalForm form, SymmetryOptions options) {
        return of(form, options, null);
    }

    /**
     * Applies the rule to the canonical form of {@code net}, trying first the flips the network
     * itself uses ({@link #flipsOf}): when it has no antiparallel or cancelling units they
     * produce G exactly, and the width is found without search.
     */
    public static MinimalWidth of(ShallowNetwork net, CanonicalForm form, SymmetryOptions options) {
        return of(form, options, flipsOf(net, form, options.tolerance()));
    }

    /**
     * Per canonical unit: whether the network's units on its hyperplane are written flipped
     * (negatively oriented); false for a unit no network unit matches.
     */
    static boolean[] flipsOf(ShallowNetwork net, CanonicalForm form, double tolerance) {
        boolean[] flips = new boolean[form.hyperplaneCount()];
        for (int h = 0; h < net.width(); h++) {
            double[] w = net.inputWeights(h);
            if (Vectors.normInf(w) <= tolerance) {
                continue;
            }
            CanonicalForm.Normalised unit = CanonicalForm.normalise(w, net.hiddenBias(h), net.outputWeights(h), tolerance);
            for (int k = 0; k < flips.length; k++) {
                if (form.unit(k).sameHyperplane(unit.unit(), tolerance)) {
                    flips[k] = unit.flipped();
                }
            }
        }
        return flips;
    }

    private static MinimalWidth of(CanonicalForm form, SymmetryOptions options, boolean[] hint) {
        int k = form.hyperplaneCount();
        double tol = options.tolerance();
        double[][] flips = new double[k][];
        for (int h = 0; h < k; h++) {
            flips[h] = Vectors.outer(form.unit(h).alpha(), form.unit(h).u());
        }
        double[] target = Vectors.scaled(-1, flatten(form.linear()));
        SubsetSum.Result none = SubsetSum.search(flips, target, tol, false, hint, options.searchBudget());
        if (none.outcome() == SubsetSum.Outcome.FOUND) {
            return new MinimalWidth(k, k, k, none.subset(), -1);
        }
        boolean splitsExhausted = true;
        long budget = Math.max(1, options.searchBudget() / Math.max(1, k));
        for (int s = 0; s < k; s++) {
            double[] u = form.unit(s).u();
            double[][] projected = new double[k][];
            for (int h = 0; h < k; h++) {
                projected[h] = h == s ? new double[flips[h].length] : projectRows(flips[h], u);
            }
            SubsetSum.Result one = SubsetSum.search(projected, projectRows(target, u), tol, false, hint, budget);
            if (one.outcome() == SubsetSum.Outcome.FOUND) {
                boolean[] flipped = one.subset();
                flipped[s] = false;
                return new MinimalWidth(k + 1, none.outcome() == SubsetSum.Outcome.NONE ? k + 1 : k, k, flipped, s);
            }
            splitsExhausted &= one.outcome() == SubsetSum.Outcome.NONE;
        }
        int width = k + 2 * rank(form.linear(), tol);
        int lower = k == 0 ? width : none.outcome() != SubsetSum.Outcome.NONE ? k : splitsExhausted ? k + 2 : k + 1;
        return new MinimalWidth(width, lower, k, new boolean[k], -1);
    }

    /** rank G, counting only rows and directions larger than τ. Not modified: rows. */
    static int rank(double[][] rows, double tolerance) {
        int[] order = IntStream.range(0, rows.length).filter(i -> Vectors.normInf(rows[i]) > tolerance).toArray();
        return OrthonormalBasis.of(rows, order, 1e-12).rank();
    }

    private static double[] flatten(double[][] rows) {
        return Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray();
    }

    /** Each length-n row of the row-major matrix {@code flat} times P = I − u uᵀ. Not modified: flat, u. */
    private static double[] projectRows(double[] flat, double[] u) {
        int n = u.length;
        double[] p = flat.clone();
        for (int i = 0; i < flat.length / n; i++) {
            double c = 0;
            for (int j = 0; j < n; j++) {
                c += flat[i * n + j] * u[j];
            }
            for (int j = 0; j < n; j++) {
                p[i * n + j] -= c * u[j];
            }
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinimalWidth w && w.width == width && w.lowerBound == lowerBound
                && w.hyperplanes == hyperplanes && Arrays.equals(w.flipped, flipped) && w.split == split;
    }

    @Override
    public int hashCode() {
        return width * 31 + Arrays.hashCode(flipped);
    }

    @Override
    public String toString() {
        return "MinimalWidth[" + width + (proven() ? "" : " (≥ " + lowerBound + ")") + ", K=" + hyperplanes + "]";
    }
}
