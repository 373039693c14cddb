package org.reluscope.symmetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.reluscope.numeric.Vectors;

/**
 * A greedy QR factorisation B = Q R of a selection of vectors: the vectors are taken in a given
 * order and kept (as pivots) when their component orthogonal to the ones kept so far exceeds
 * {@code relativeTolerance} times their norm. Modified Gram–Schmidt with one
 * re-orthogonalisation pass, which keeps Q orthonormal to working precision.
 *
 * @param pivots indices (into the input) of the kept vectors, in order
 * @param q      the orthonormal rows q_1 … q_r (each of the vectors' length)
 * @param r      the r × r upper-triangular factor: pivot k = Σ_{i ≤ k} r[i][k] q_i
 */
record OrthonormalBasis(int[] pivots, double[][] q, double[][] r) {

    /**
     * @param vectors all of one length d. Not modified.
     * @param order   the order in which to consider them (a permutation of a subset of indices). Not modified.
     */
    static OrthonormalBasis of(double[][] vectors, int[] order, double relativeTolerance) {
        List<Integer> kept = new ArrayList<>();
        List<double[]> qs = new ArrayList<>();
        List<double[]> coefficients = new ArrayList<>();
        for (int index : order) {
            double[] v = vectors[index];
            double[] w = v.clone();
            double[] coef = new double[qs.size() + 1];
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < qs.size(); i++) {
                    double p = Vectors.dot(qs.get(i), w);
                    coef[i] += p;
                    Vectors.axpy(-p, qs.get(i), w);
                }
            }
            double norm = Math.sqrt(Vectors.dot(w, w));
            if (norm > relativeTolerance * Math.sqrt(Vectors.dot(v, v)) && norm > 0) {
                for (int j = 0; j < w.length; j++) {
                    w[j] /= norm;
                }
                coef[qs.size()] = norm;
                kept.add(index);
                qs.add(w);
                coefficients.add(coef);
            }
        }
        int rank = kept.size();
        double[][] rMatrix = new double[rank][rank];
        for (int k = 0; k < rank; k++) {
            double[] coef = coefficients.get(k);
            for (int i = 0; i <= k; i++) {
                rMatrix[i][k] = coef[i];
            }
        }
        return new OrthonormalBasis(kept.stream().mapToInt(Integer::intValue).toArray(),
                qs.toArray(new double[0][]), rMatrix);
    }

    int rank() {
        return pivots.length;
    }

    /**
     * c = R⁻¹ Qᵀ x: the coefficients of x in the pivot vectors when x lies in their span
     * (c = e_k for pivot k). Not modified: x.
     */
    double[] coefficients(double[] x) {
        int rank = rank();
        double[] c = new double[rank];
        for (int i = rank - 1; i >= 0; i--) {
            double s = Vectors.dot(q[i], x);
            for (int k = i + 1; k < rank; k++) {
                s -= r[i][k] * c[k];
            }
            c[i] = s / r[i][i];
        }
        return c;
    }

    /**
     * An upper bound on ‖R⁻¹ Qᵀ‖_∞ (the largest absolute row sum): ‖R⁻¹‖_∞ · max_i ‖q_i‖₁,
     * inflated by 10⁻⁶ against the rounding of the computation.
     */
    double coefficientNormBound() {
        int rank = rank();
        double qNorm = 0;
        for (double[] row : q) {
            qNorm = Math.max(qNorm, Arrays.stream(row).map(Math::abs).sum());
        }
        double rInverseNorm = 0;
        double[][] inverse = new double[rank][rank];
        for (int j = 0; j < rank; j++) {
            for (int i = j; i >= 0; i--) {
                double s = i == j ? 1 : 0;
                for (int k = i + 1; k <= j; k++) {
                    s -= r[i][k] * inverse[k][j];
                }
                inverse[i][j] = s / r[i][i];
            }
        }
        for (double[] row : inverse) {
            rInverseNorm = Math.max(rInverseNorm, Arrays.stream(row).map(Math::abs).sum());
        }
        return rInverseNorm * qNorm * (1 + 1e-6);
    }
}
