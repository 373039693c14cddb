package org.reluscope.lp;

import static org.reluscope.lp.OutwardRounding.addDown;
import static org.reluscope.lp.OutwardRounding.addUp;
import static org.reluscope.lp.OutwardRounding.mulUp;
import static org.reluscope.lp.OutwardRounding.productMinDown;
import static org.reluscope.lp.OutwardRounding.subDown;
import static org.reluscope.lp.OutwardRounding.subUp;

/**
 * A rigorous bound on the exact optimum of an LP from any vector of row multipliers
 * (Neumaier–Shcherbina style weak duality with outward rounding).
 *
 * <p>For min c·x + c₀ subject to lo ≤ A x ≤ hi, l ≤ x ≤ u and ANY y ∈ ℝ^m, every feasible x has
 * <pre>
 *   c·x = yᵀ(A x) + (c − Aᵀy)·x ≥ Σᵢ min(yᵢ loᵢ, yᵢ hiᵢ) + Σⱼ min(rⱼ lⱼ, rⱼ uⱼ),   r = c − Aᵀy,
 * </pre>
 * so the right-hand side plus c₀ is ≤ the true minimum. A term with an infinite bound and a
 * multiplier of the wrong sign is −∞ (and so is the bound). Every operation is rounded
 * outward: r is enclosed in an interval with Higham's error bound and each product and sum
 * is rounded down, so the result holds for the exact real LP however inaccurate y is. The
 * closer y is to an optimal dual, the closer the bound is to the optimum.
 *
 * <p>Maximisation mirrors it: max c·x = −min (−c)·x, so the bound is an upper bound.
 *
 * <p>Multiplier convention (the one {@link LpResult#rowDuals()} uses, for both senses):
 * c − Aᵀy are the reduced costs, i.e. yᵢ = ∂(optimal value)/∂(active bound of row i). Entries
 * whose sign asks for an infinite row bound are noise of the solver and are taken as 0, which
 * any y allows. Variables with an infinite bound make the bound −∞ unless their reduced cost
 * is provably of the right sign, so sound bounds want boxed variables.
 */
public final class SafeObjectiveBound {
    private SafeObjectiveBound() {
    }

    /**
     * The rigorous bound on the optimum of {@code lp} on the side that matters: ≤ the true
     * minimum for MINIMIZE, ≥ the true maximum for MAXIMIZE. Integer flags are ignored (the
     * bound holds for the LP relaxation, hence for the MILP too). Not modified: y.
     *
     * @param y one multiplier per row (any values; NaN entries are taken as 0)
     */
    public static double of(LinearProgram lp, double[] y) {
        if (y.length != lp.rowCount()) {
            throw new IllegalArgumentException("LP has " + lp.rowCount() + " rows but " + y.length + " multipliers");
        }
        double sign = lp.sense() == Sense.MINIMIZE ? 1 : -1;
        double lower = lowerBound(lp, y, sign);
        return sign * lower;
    }

    /**
     * {@link #of} over the LP's feasible set intersected with the ball ‖x − x0‖ ≤ radius — the
     * exact ball, where an LP can only hold polyhedral cuts of it. For multipliers y of the LP's
     * rows and any split of the reduced costs r = c − Aᵀy = ν + w into a share ν that the
     * variable bounds carry and the rest w that the ball carries, every feasible x in the ball has
     * <pre>
     *   c·x ≥ Σᵢ min(yᵢ loᵢ, yᵢ hiᵢ) + Σⱼ min(νⱼ lⱼ, νⱼ uⱼ) + w·x0 − radius·‖w‖
     * </pre>
     * (for minimisation; maximisation mirrors it), rounded outward as in {@link #of}. From the
     * duals of an LP whose ball cuts are extra rows: y = the duals of the other rows, ν = the
     * reduced costs of that LP; then w is the cuts' combined normal, and ‖w‖ ≤ Σ of the cuts'
     * norms makes this never looser than the cut LP's own dual bound, up to rounding. Not modified:
     * y, boundShare, centre.
     *
     * @param y          one multiplier per row of {@code lp} (NaN entries are taken as 0)
     * @param boundShare ν, one entry per variable, in the convention of y (any values)
     */
    public static double overBall(LinearProgram lp, double[] y, double[] boundShare, double[] centre, double radius) {
        int n = lp.variableCount();
        if (y.length != lp.rowCount() || boundShare.length != n || centre.length != n) {
            throw new IllegalArgumentException("LP has " + lp.rowCount() + " rows and " + n + " variables but got "
                    + y.length + " multipliers, " + boundShare.length + " shares, a centre of " + centre.length);
        }
        double sign = lp.sense() == Sense.MINIMIZE ? 1 : -1;
        double[] c = new double[n];
        for (int j = 0; j < n; j++) {
            c[j] = sign * lp.objective(j);
        }
        LagrangianTerms terms = LagrangianTerms.of(lp, c, y, sign);
        double variablePart = 0;
        double centrePart = 0;
        double squares = 0;
        for (int j = 0; j < n; j++) {
            double nu = sign * boundShare[j];
            variablePart = addDown(variablePart, productMinDown(nu, nu, lp.lower(j), lp.upper(j)));
            double wLow = subDown(terms.low[j], nu);
            double wHigh = subUp(terms.high[j], nu);
            centrePart = addDown(centrePart, productMinDown(wLow, wHigh, centre[j], centre[j]));
            double magnitude = Math.max(Math.abs(wLow), Math.abs(wHigh));
            squares = addUp(squares, mulUp(magnitude, magnitude));
        }
        double ballPart = subDown(centrePart, mulUp(radius, Math.nextUp(Math.sqrt(squares))));
        double bound = addDown(addDown(addDown(terms.rowPart, variablePart), ballPart), sign * lp.objectiveConstant());
        return Double.isNaN(bound) ? sign * Double.NEGATIVE_INFINITY : sign * bound;
    }

    /**
     * Lower bound on min over the LP's feasible set of σ(c·x + c₀), using multipliers σ·y
     * (σ = ±1 flips a maximisation into a minimisation; negation is exact).
     */
    private static double lowerBound(LinearProgram lp, double[] y, double sign) {
        int n = lp.variableCount();
        double[] c = new double[n];
        for (int j = 0; j < n; j++) {
            c[j] = sign * lp.objective(j);
        }
        LagrangianTerms terms = LagrangianTerms.of(lp, c, y, sign);
        double variablePart = 0;
        for (int j = 0; j < n; j++) {
            variablePart = addDown(variablePart, productMinDown(terms.low[j], terms.high[j], lp.lower(j), lp.upper(j)));
        }
        double bound = addDown(addDown(terms.rowPart, variablePart), sign * lp.objectiveConstant());
        return Double.isNaN(bound) ? Double.NEGATIVE_INFINITY : bound;
    }
}
