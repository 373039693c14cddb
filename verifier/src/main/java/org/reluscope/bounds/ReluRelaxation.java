package org.reluscope.bounds;

/**
 * Linear bounds on σ(z) = max(z, 0) for z ∈ [l, u], the building block of symbolic and LP
 * relaxations, with floating-point rounding directed so that the bounds stay valid.
 *
 * <ul>
 *   <li>Stable: u ≤ 0 gives σ(z) = 0, l ≥ 0 gives σ(z) = z (exact).</li>
 *   <li>Unstable (l &lt; 0 &lt; u), upper: the chord σ(z) ≤ λ(z − l) with λ = u/(u − l).
 *       Computed as λ̃ = u ⊘ (u ⊖ l rounded down) rounded up, so λ̃ ≥ λ, and since z − l ≥ 0 the
 *       line λ̃(z − l) lies above the chord on [l, u]. The intercept −λ̃·l is rounded up.</li>
 *   <li>Unstable, lower: σ(z) ≥ α z for any α ∈ [0, 1]; the adaptive choice α = 1 when
 *       u ≥ −l, else 0 (CROWN-Ada, DeepPoly) minimises the area of the relaxation. Exact.</li>
 * </ul>
 * A non-finite interval gets slope 0 and intercept +∞: the upper bound is then vacuous rather
 * than wrong.
 */
final class ReluRelaxation {
    private ReluRelaxation() {
    }

    /** λ̃ ≥ u/(u − l) for l &lt; 0 &lt; u. */
    static double upperSlope(double l, double u) {
        double width = u - l;
        if (!Double.isFinite(width)) {
            return 0;
        }
        return Math.nextUp(u / Math.nextDown(width));
    }

    /** t ≥ −λ̃·l, so σ(z) ≤ λ̃ z + t on [l, u]. */
    static double upperIntercept(double l, double u, double slope) {
        if (!Double.isFinite(u - l)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.nextUp(-slope * l);
    }

    /** α ∈ {0, 1} with σ(z) ≥ α z on [l, u]. */
    static double lowerSlope(double l, double u) {
        return u >= -l ? 1 : 0;
    }
}
