package org.reluscope.numeric;

/**
 * The complementary error function erfc(x) = 2/√π ∫ₓ^∞ e^{−t²} dt, by the Chebyshev-fitted
 * formula of Numerical Recipes (§6.2, erfcc): erfc(x) ≈ t·exp(−x² + P(t)) with
 * t = 1/(1 + |x|/2) and P a degree-9 polynomial, relative error below 1.2·10⁻⁷ for every x;
 * erfc(−x) = 2 − erfc(x). Enough for p-values.
 */
public final class Erfc {
    private static final double[] COEFFICIENTS = {-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806,
            0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277};

    private Erfc() {
    }

    public static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double p = 0;
        for (int k = COEFFICIENTS.length - 1; k >= 0; k--) {
            p = p * t + COEFFICIENTS[k];
        }
        double r = t * Math.exp(-z * z + p);
        return x >= 0 ? r : 2 - r;
    }

    /** Φ(x), the standard normal distribution function: erfc(−x/√2)/2. */
    public static double normalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }
}
