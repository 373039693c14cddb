package org.reluscope.numeric;

/**
 * Rigorous error bounds for floating-point sums and dot products, so that a bound computed
 * in double precision can be widened until it is a bound on the exact real value.
 *
 * <p>For a sum of n terms evaluated left to right in IEEE double arithmetic,
 * |fl(Σ tᵢ) − Σ tᵢ| ≤ γ_{n} Σ |tᵢ| with γ_n = n·u / (1 − n·u) and u = 2⁻⁵³ (Higham,
 * <i>Accuracy and Stability of Numerical Algorithms</i>, §3.1). A dot product aᵢbᵢ adds one
 * rounding per product, hence γ_{n+1}. Underflow adds at most n·η with η = 2⁻¹⁰⁷⁴ per
 * operation; {@link #TINY} covers it for every size this project meets.
 */
public final class Rounding {
    /** Unit round-off of IEEE double precision. */
    public static final double UNIT_ROUNDOFF = 0x1.0p-53;
    /** Absolute slack added to every widened result: covers underflow in the products. */
    public static final double TINY = 0x1.0p-1000;

    private Rounding() {
    }

    /** γ_n = n·u/(1 − n·u), rounded up. */
    public static double gamma(int n) {
        double nu = n * UNIT_ROUNDOFF;
        return Math.nextUp(nu / (1 - nu) * (1 + 4 * UNIT_ROUNDOFF));
    }

    /**
     * Rigorous upper bound on the exact value of a quantity computed as {@code value} with
     * accumulated absolute magnitude {@code magnitude} over {@code terms} operations.
     */
    public static double up(double value, double magnitude, int terms) {
        return Math.nextUp(value + gamma(terms + 2) * magnitude + TINY);
    }

    /** Rigorous lower bound; see {@link #up}. */
    public static double down(double value, double magnitude, int terms) {
        return Math.nextDown(value - gamma(terms + 2) * magnitude - TINY);
    }

    /** Upper bound on the exact dot product a·b. Not modified: a, b. */
    public static double dotUp(double[] a, double[] b) {
        double s = 0;
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            double t = a[i] * b[i];
            s += t;
            m += Math.abs(t);
        }
        return up(s, m, a.length);
    }

    /** Lower bound on the exact dot product a·b. Not modified: a, b. */
    public static double dotDown(double[] a, double[] b) {
        double s = 0;
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            double t = a[i] * b[i];
            s += t;
            m += Math.abs(t);
        }
        return down(s, m, a.length);
    }

    /**
     * The largest double ≤ the exact sum a + b. Knuth's TwoSum gives the rounding error of
     * fl(a + b) exactly, so the result moves one ulp only when the sum was rounded up.
     */
    public static double addDown(double a, double b) {
        double s = a + b;
        return sumError(a, b, s) < 0 ? Math.nextDown(s) : s;
    }

    /** The smallest double ≥ the exact sum a + b; see {@link #addDown}. */
    public static double addUp(double a, double b) {
        double s = a + b;
        return sumError(a, b, s) > 0 ? Math.nextUp(s) : s;
    }

    /** (a + b) − s exactly, for s = fl(a + b) finite (TwoSum); 0 when s is not finite. */
    public static double sumError(double a, double b, double s) {
        if (!Double.isFinite(s)) {
            return 0;
        }
        double bVirtual = s - a;
        double aVirtual = s - bVirtual;
        return (a - aVirtual) + (b - bVirtual);
    }
}
