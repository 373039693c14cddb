package org.reluscope.local;

import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;

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
