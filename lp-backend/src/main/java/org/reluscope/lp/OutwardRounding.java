package org.reluscope.lp;

/**
 * Directed (outward) rounding for the few operations the rigorous bounds of this package need.
 *
 * <p>Round-to-nearest leaves |fl(a ∘ b) − a ∘ b| ≤ ½ ulp, so {@code Math.nextDown(fl(a ∘ b))}
 * is ≤ the exact result and {@code Math.nextUp} is ≥ it, also at powers of two (where the ulp
 * below is half the ulp above), in the subnormal range and on overflow (nextDown(+∞) is
 * MAX_VALUE, which any exact result that rounded to +∞ exceeds). Long sums use Higham's
 * bound instead: evaluated left to right, |fl(Σ tᵢ) − Σ tᵢ| ≤ γ_n Σ |tᵢ| with
 * γ_n = n·u/(1 − n·u), u = 2⁻⁵³; one more γ step covers the product in each term and another
 * the rounding of the magnitude sum itself. {@link #TINY} absorbs underflow (at most
 * 2⁻¹⁰⁷⁵ per operation).
 *
 * <p>lp-backend cannot depend on the verifier, so this mirrors {@code org.reluscope.numeric.Rounding}.
 */
final class OutwardRounding {
    static final double UNIT_ROUNDOFF = 0x1.0p-53;
    static final double TINY = 0x1.0p-1000;

    private OutwardRounding() {
    }

    /** γ_n = n·u/(1 − n·u), rounded up. */
    static double gamma(int n) {
        double nu = n * UNIT_ROUNDOFF;
        return Math.nextUp(nu / (1 - nu) * (1 + 4 * UNIT_ROUNDOFF));
    }

    /** Upper bound on an exact sum of {@code terms} products whose computed value and Σ|term| are given. */
    static double sumUp(double value, double magnitude, int terms) {
        return Math.nextUp(value + gamma(terms + 2) * magnitude + TINY);
    }

    /** Lower bound; see {@link #sumUp}. */
    static double sumDown(double value, double magnitude, int terms) {
        return Math.nextDown(value - gamma(terms + 2) * magnitude - TINY);
    }

    /** A number ≤ a·b; 0·(±∞) counts as 0 (a zero multiplier ignores an infinite bound). */
    static double mulDown(double a, double b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return Math.nextDown(a * b);
    }

    /** A number ≥ a·b; 0·(±∞) counts as 0. */
    static double mulUp(double a, double b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return Math.nextUp(a * b);
    }

    /** A number ≤ a + b. Operands are never +∞ and −∞ together in this package. */
    static double addDown(double a, double b) {
        return Math.nextDown(a + b);
    }

    /** A number ≥ a + b. */
    static double addUp(double a, double b) {
        return Math.nextUp(a + b);
    }

    /** A number ≤ a − b. */
    static double subDown(double a, double b) {
        return Math.nextDown(a - b);
    }

    /** A number ≥ a − b. */
    static double subUp(double a, double b) {
        return Math.nextUp(a - b);
    }

    /** min over r ∈ [rLo, rHi], x ∈ [lo, hi] of r·x, rounded down (a bilinear form takes its minimum at a corner). */
    static double productMinDown(double rLo, double rHi, double lo, double hi) {
        return Math.min(Math.min(mulDown(rLo, lo), mulDown(rLo, hi)), Math.min(mulDown(rHi, lo), mulDown(rHi, hi)));
    }
}
