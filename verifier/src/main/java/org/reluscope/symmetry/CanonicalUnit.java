package org.reluscope.symmetry;

import java.util.Arrays;

import org.reluscope.numeric.Vectors;

/**
 * One term α σ(u·x + β) of a {@link CanonicalForm}: ‖u‖₂ = 1, the first entry of u larger
 * than the tolerance in magnitude is positive, and α ≠ 0 (a vector for vector outputs).
 *
 * @param u     unit normal of the hyperplane u·x + β = 0. Copied.
 * @param beta  β, the hyperplane's signed offset
 * @param alpha α, the output weights. Copied.
 */
public record CanonicalUnit(double[] u, double beta, double[] alpha) {

    public CanonicalUnit {
        u = u.clone();
        alpha = alpha.clone();
    }

    @Override
    public double[] u() {
        return u.clone();
    }

    @Override
    public double[] alpha() {
        return alpha.clone();
    }

    /** u_j. */
    public double u(int j) {
        return u[j];
    }

    /** α_i. */
    public double alpha(int i) {
        return alpha[i];
    }

    /** u·x + β. Not modified: x. */
    public double preActivation(double[] x) {
        return Vectors.dot(u, x) + beta;
    }

    /** Whether (u, β) agree with the other unit's entry-wise within {@code tol}. */
    public boolean sameHyperplane(CanonicalUnit other, double tol) {
        if (Math.abs(beta - other.beta) > tol) {
            return false;
        }
        for (int j = 0; j < u.length; j++) {
            if (Math.abs(u[j] - other.u[j]) > tol) {
                return false;
            }
        }
        return true;
    }

    /** Lexicographic order of (u_1, …, u_n, β): the order of the units in a canonical form. */
    static int compareHyperplanes(CanonicalUnit a, CanonicalUnit b) {
        int c = Arrays.compare(a.u, b.u);
        return c != 0 ? c : Double.compare(a.beta, b.beta);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CanonicalUnit c && Arrays.equals(c.u, u) && c.beta == beta && Arrays.equals(c.alpha, alpha);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(u) * 31 + Arrays.hashCode(alpha);
    }

    @Override
    public String toString() {
        return Arrays.toString(alpha) + "·σ(" + Arrays.toString(u) + "·x + " + beta + ")";
    }
}
