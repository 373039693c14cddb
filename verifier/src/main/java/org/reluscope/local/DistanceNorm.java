package org.reluscope.local;

import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.numeric.Svd;

/**
 * The norm in which input perturbations are measured: the radius of an L2 ball or an L∞ box.
 * The distance from x to the hyperplane {y : g·y + c = 0} is |g·x + c| / ‖g‖_*, with ‖·‖_*
 * the dual norm (‖·‖₂ for L2, ‖·‖₁ for L∞).
 */
public enum DistanceNorm {
    L2,
    LINF;

    /** The norm of an input set: L2 for a ball, L∞ for a {@link org.reluscope.input.Box}. */
    public static DistanceNorm of(InputSet set) {
        return set instanceof L2Ball ? L2 : LINF;
    }

    /** The name used in reports: {@code l2} or {@code linf}. */
    public String cliName() {
        return this == L2 ? "l2" : "linf";
    }

    /** ‖v‖ in this norm. Not modified: v. */
    public double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s = this == L2 ? s + x * x : Math.max(s, Math.abs(x));
        }
        return this == L2 ? Math.sqrt(s) : s;
    }

    /** ‖g‖_*, the dual norm. Not modified: g. */
    public double dualNorm(double[] g) {
        double s = 0;
        for (double x : g) {
            s += this == L2 ? x * x : Math.abs(x);
        }
        return this == L2 ? Math.sqrt(s) : s;
    }

    /**
     * The operator norm of J induced by this norm on inputs and outputs, max ‖J v‖ / ‖v‖: the
     * largest singular value for L2, the largest absolute row sum for L∞.
     *
     * @param jacobian rows of J, all of one length. Not modified.
     */
    public double inducedNorm(double[][] jacobian) {
        int m = jacobian.length;
        int n = jacobian[0].length;
        if (this == LINF) {
            double best = 0;
            for (double[] row : jacobian) {
                double s = 0;
                for (double x : row) {
                    s += Math.abs(x);
                }
                best = Math.max(best, s);
            }
            return best;
        }
        double[] flat = new double[m * n];
        for (int i = 0; i < m; i++) {
            System.arraycopy(jacobian[i], 0, flat, i * n, n);
        }
        return (m >= n ? Svd.of(m, n, flat) : Svd.ofTranspose(m, n, flat)).largest();
    }

    /**
     * The unit-norm direction d that increases g·y fastest (g·d = ‖g‖_*): g/‖g‖₂ for L2,
     * sign(g) for L∞. Not modified: g; g must not be zero.
     */
    public double[] steepest(double[] g) {
        double[] d = new double[g.length];
        double dual = dualNorm(g);
        for (int j = 0; j < g.length; j++) {
            d[j] = this == L2 ? g[j] / dual : Math.signum(g[j]);
        }
        return d;
    }
}
