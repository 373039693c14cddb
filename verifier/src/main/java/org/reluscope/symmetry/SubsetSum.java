package org.reluscope.symmetry;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.reluscope.numeric.Vectors;

/**
 * Vector subset sum: is there S ⊆ {1…K} (non-empty, if asked) with ‖Σ_{j∈S} v_j − t‖_∞ ≤ τ?
 * The minimal-width rule (which units can be flipped to absorb the affine part) and the
 * genericity test (does some subset of output × input weights vanish) are both this question.
 *
 * <p>It is NP-hard in general, so the search is exact but budgeted. Method: pick a maximal set
 * of linearly independent vectors B (the pivots, largest first) and let the others be free.
 * For every choice of the free subset the pivot choice is determined: with M = R⁻¹Qᵀ from
 * B = QR, a solution satisfies s_B = M(t − Σ_free s_j v_j) + M e with ‖e‖_∞ ≤ τ, so each pivot
 * coefficient must lie within ε = ‖M‖_∞ τ of 0 or 1. A depth-first search over the free
 * vectors prunes a branch when some pivot coefficient can no longer reach [−ε, 1 + ε] whatever
 * the remaining free choices (their contributions M v_j are summed into per-coordinate
 * ranges): a relaxation, so no solution is ever pruned. Every candidate is verified in the
 * original coordinates. When the vectors are independent (K ≤ d, the generic case) there is
 * nothing to branch on and the answer costs one solve.
 *
 * <p>Vectors whose norm is below 10⁻¹² of the largest are left out of S (they cannot matter at
 * any sensible tolerance and would only double the search).
 */
final class SubsetSum {
    private static final double PIVOT_TOLERANCE = 1e-8;
    private static final double NEGLIGIBLE = 1e-12;

    /** How a search ended. */
    enum Outcome { FOUND, NONE, BUDGET_EXHAUSTED }

    /** The outcome and, when FOUND, the subset (indexed like the input vectors). */
    record Result(Outcome outcome, boolean[] subset) {
    }

    private final double[][] vectors;
    private final double[] target;
    private final double tolerance;
    private final boolean nonEmpty;
    private final boolean[] hint;
    private final long budget;
    private final int[] pivots;
    private final int[] free;
    private final double[][] freeCoefficients;
    private final double[][] suffixLow;
    private final double[][] suffixHigh;
    private final double slack;
    private final double[] coefficient;
    private final boolean[] chosen;
    private long nodes;

    private SubsetSum(double[][] vectors, double[] target, double tolerance, boolean nonEmpty, boolean[] hint,
                      long budget) {
        this.vectors = vectors;
        this.hint = hint == null ? new boolean[vectors.length] : hint.clone();
        this.target = target;
        this.tolerance = tolerance;
        this.nonEmpty = nonEmpty;
        this.budget = budget;
        double largest = Arrays.stream(vectors).mapToDouble(Vectors::normInf).max().orElse(0);
        int[] order = IntStream.range(0, vectors.length)
                .filter(j -> Vectors.normInf(vectors[j]) > NEGLIGIBLE * largest)
                .boxed().sorted(Comparator.comparingDouble(j -> -Vectors.normInf(vectors[j])))
                .mapToInt(Integer::intValue).toArray();
        OrthonormalBasis basis = OrthonormalBasis.of(vectors, order, PIVOT_TOLERANCE);
        this.pivots = basis.pivots();
        boolean[] isPivot = new boolean[vectors.length];
        for (int p : pivots) {
            isPivot[p] = true;
        }
        int rank = pivots.length;
        double[][] freeCoef = Arrays.stream(order).filter(j -> !isPivot[j])
                .mapToObj(j -> basis.coefficients(vectors[j])).toArray(double[][]::new);
        int[] freeOrder = IntStream.range(0, freeCoef.length).boxed()
                .sorted(Comparator.comparingDouble(k -> -Vectors.normInf(freeCoef[k]))).mapToInt(Integer::intValue).toArray();
        int[] freeAll = Arrays.stream(order).filter(j -> !isPivot[j]).toArray();
        this.free = Arrays.stream(freeOrder).map(k -> freeAll[k]).toArray();
        this.freeCoefficients = Arrays.stream(freeOrder).mapToObj(k -> freeCoef[k]).toArray(double[][]::new);
        this.suffixLow = suffixSums(freeCoefficients, rank, -1);
        this.suffixHigh = suffixSums(freeCoefficients, rank, 1);
        double scale = Vectors.normInf(target) + Arrays.stream(vectors).mapToDouble(Vectors::normInf).sum();
        this.slack = basis.coefficientNormBound() * (tolerance + 1e-12 * scale) * (1 + 1e-6) + 1e-9;
        this.coefficient = basis.coefficients(target);
        this.chosen = new boolean[vectors.length];
    }

    /** Row p: Σ_{q ≥ p} of the negative (sign −1) or positive (sign 1) parts of the rows. Not modified: rows. */
    private static double[][] suffixSums(double[][] rows, int width, int sign) {
        double[][] sums = new double[rows.length + 1][width];
        for (int p = rows.length - 1; p >= 0; p--) {
            for (int i = 0; i < width; i++) {
                sums[p][i] = sums[p + 1][i] + (sign > 0 ? Math.max(0, rows[p][i]) : Math.min(0, rows[p][i]));
            }
        }
        return sums;
    }

    /**
     * Searches for S with ‖Σ_{j∈S} v_j − t‖_∞ ≤ τ.
     *
     * @param vectors  K vectors of one length d. Not modified.
     * @param target   t, length d. Not modified.
     * @param nonEmpty whether S = ∅ is excluded
     * @param hint     a likely S, explored first (the search reaches it on its first descent
     *                 unless pruned), or {@code null}. Not modified.
     * @param budget   the most search nodes to visit
     */
    static Result search(double[][] vectors, double[] target, double tolerance, boolean nonEmpty, boolean[] hint,
                         long budget) {
        SubsetSum s = new SubsetSum(vectors, target, tolerance, nonEmpty, hint, budget);
        try {
            boolean found = s.branch(0);
            return new Result(found ? Outcome.FOUND : Outcome.NONE, found ? s.chosen.clone() : null);
        } catch (BudgetExhausted e) {
            return new Result(Outcome.BUDGET_EXHAUSTED, null);
        }
    }

    /** Chooses free vector p onwards; true with {@link #chosen} holding a verified solution. */
    private boolean branch(int p) {
        if (++nodes > budget) {
            throw new BudgetExhausted();
        }
        for (int i = 0; i < coefficient.length; i++) {
            if (coefficient[i] - suffixHigh[p][i] > 1 + slack || coefficient[i] - suffixLow[p][i] < -slack) {
                return false;
            }
        }
        if (p == free.length) {
            return assignPivots(0);
        }
        boolean first = hint[free[p]];
        return choose(p, first) || choose(p, !first);
    }

    /** Free vector p in or out of S, then the rest; undone unless it leads to a solution. */
    private boolean choose(int p, boolean in) {
        if (!in) {
            return branch(p + 1);
        }
        chosen[free[p]] = true;
        Vectors.axpy(-1, freeCoefficients[p], coefficient);
        boolean found = branch(p + 1);
        if (!found) {
            Vectors.axpy(1, freeCoefficients[p], coefficient);
            chosen[free[p]] = false;
        }
        return found;
    }

    /** Gives pivot i onwards each value in {0, 1} within the slack of its coefficient, then verifies. */
    private boolean assignPivots(int i) {
        if (i == pivots.length) {
            return verify();
        }
        for (int k = 0; k <= 1; k++) {
            int value = hint[pivots[i]] ? 1 - k : k;
            if (Math.abs(coefficient[i] - value) <= slack) {
                chosen[pivots[i]] = value == 1;
                if (assignPivots(i + 1)) {
                    return true;
                }
            }
        }
        chosen[pivots[i]] = false;
        return false;
    }

    private boolean verify() {
        boolean any = false;
        double[] sum = new double[target.length];
        for (int j = 0; j < vectors.length; j++) {
            if (chosen[j]) {
                any = true;
                Vectors.axpy(1, vectors[j], sum);
            }
        }
        if (nonEmpty && !any) {
            return false;
        }
        for (int i = 0; i < sum.length; i++) {
            if (!(Math.abs(sum[i] - target[i]) <= tolerance)) {
                return false;
            }
        }
        return true;
    }

    /** Unwinds the depth-first search when the node budget is spent. */
    private static final class BudgetExhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExhausted() {
            super(null, null, false, false);
        }
    }
}
