package org.reluscope.lp;

import static org.reluscope.lp.OutwardRounding.addDown;
import static org.reluscope.lp.OutwardRounding.addUp;
import static org.reluscope.lp.OutwardRounding.mulDown;
import static org.reluscope.lp.OutwardRounding.mulUp;
import static org.reluscope.lp.OutwardRounding.subDown;
import static org.reluscope.lp.OutwardRounding.subUp;

/**
 * A rigorous lower bound on the squared distance d² = min ‖x − c‖² over a polytope
 * P = {lo ≤ A x ≤ hi, l ≤ x ≤ u}, from any row multipliers y (Lagrangian weak duality with
 * outward rounding).
 *
 * <p>Every x ∈ P has yᵀA x ≥ β = Σᵢ min(yᵢ loᵢ, yᵢ hiᵢ), so with g = Aᵀy
 * <pre>
 *   ‖x − c‖² ≥ ‖x − c‖² − gᵀx + β ≥ β + Σⱼ min_{t ∈ [lⱼ, uⱼ]} ((t − cⱼ)² − gⱼ t).
 * </pre>
 * Each one-dimensional minimum is exact: at t* = cⱼ + gⱼ/2 with value −gⱼcⱼ − gⱼ²/4 when t*
 * lies in the interval, else at the nearer end. gⱼ is only known to lie in an interval
 * [g⁻, g⁺] (rounding), and since −gt ≥ min(−g⁻t, −g⁺t) the term is at least the smaller of the
 * two minima at g⁻ and g⁺; each is evaluated rounding down (when it is unclear which case
 * applies, the unconstrained minimum, a lower bound in every case, is used). The result is
 * clipped at 0.
 *
 * <p>y follows the {@link LpResult} convention: at the optimum 2(x* − c) − Aᵀy are the reduced
 * costs, yᵢ ≥ 0 on rows at their lower bound.
 */
public final class SafeDistanceBound {
    private SafeDistanceBound() {
    }

    /** The bound; 0 when y is useless. Not modified: centre, y. */
    public static double of(LinearProgram polytope, double[] centre, double[] y) {
        if (centre.length != polytope.variableCount() || y.length != polytope.rowCount()) {
            throw new IllegalArgumentException("polytope has " + polytope.variableCount() + " variables and "
                    + polytope.rowCount() + " rows but the centre has " + centre.length + " entries and there are "
                    + y.length + " multipliers");
        }
        LagrangianTerms terms = LagrangianTerms.of(polytope, new double[centre.length], y, 1);
        double bound = terms.rowPart;
        for (int j = 0; j < centre.length; j++) {
            // terms enclose −g, so g ∈ [−high, −low]
            double atLow = coordinateMinimumDown(-terms.high[j], centre[j], polytope.lower(j), polytope.upper(j));
            double atHigh = coordinateMinimumDown(-terms.low[j], centre[j], polytope.lower(j), polytope.upper(j));
            bound = addDown(bound, Math.min(atLow, atHigh));
        }
        return Double.isNaN(bound) ? 0 : Math.max(0, bound);
    }

    /** A number ≤ min over t ∈ [lo, hi] of (t − c)² − g·t. */
    private static double coordinateMinimumDown(double g, double c, double lo, double hi) {
        double half = mulDown(g, 0.5);
        double tLow = addDown(c, half);
        double tHigh = addUp(c, mulUp(g, 0.5));
        if (tHigh <= lo) {
            return valueDown(g, c, lo);
        }
        if (tLow >= hi) {
            return valueDown(g, c, hi);
        }
        double gc = mulUp(g, c);
        double quarterSquare = mulUp(mulUp(g, g), 0.25);
        return -addUp(gc, quarterSquare);
    }

    /** A number ≤ (t − c)² − g·t for a finite t. */
    private static double valueDown(double g, double c, double t) {
        double dLow = subDown(t, c);
        double dHigh = subUp(t, c);
        double square = 0;
        if (dLow > 0) {
            square = mulDown(dLow, dLow);
        } else if (dHigh < 0) {
            square = mulDown(dHigh, dHigh);
        }
        return subDown(square, mulUp(g, t));
    }
}
