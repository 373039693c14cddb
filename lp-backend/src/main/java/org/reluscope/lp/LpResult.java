package org.reluscope.lp;

/**
 * The outcome of a solve.
 *
 * <p>Dual convention, the same for both senses and every back-end: c − Aᵀy are the reduced
 * costs, so yᵢ = ∂(optimal value)/∂(active bound of row i). For a minimisation yᵢ ≥ 0 when
 * row i sits at its lower bound and yᵢ ≤ 0 at its upper bound; a maximisation flips both.
 *
 * @param status      how the solve ended
 * @param objective   the objective value the solver reports (a floating-point result:
 *                    use {@code safeBound} where soundness matters); NaN unless optimal
 *                    (or a LIMIT with an incumbent)
 * @param safeBound   a rigorous bound on the exact optimum of the LP as given, on the side
 *                    that matters: ≤ the true minimum for MINIMIZE, ≥ the true maximum for
 *                    MAXIMIZE; computed by {@link SafeObjectiveBound} from the duals with
 *                    outward rounding (possibly −∞/+∞ when a variable is unbounded). ∓∞ for
 *                    UNBOUNDED (always true). NaN when there are no duals (MILP, INFEASIBLE,
 *                    LIMIT, ERROR)
 * @param primal      variable values (length = variables), or an empty array
 * @param rowDuals    dual values of the rows (LP only, see above), or an empty array
 * @param seconds     wall time of the solve
 */
public record LpResult(LpStatus status, double objective, double safeBound, double[] primal, double[] rowDuals,
                       double seconds) {
    // arrays are handed over by the solver that made them; callers must not modify them

    private static final double[] NONE = new double[0];

    /** A result without values: INFEASIBLE, LIMIT without incumbent, ERROR — or UNBOUNDED, whose bound is ∓∞. */
    public static LpResult withoutSolution(LpStatus status, Sense sense, double seconds) {
        double bound = Double.NaN;
        if (status == LpStatus.UNBOUNDED) {
            bound = sense == Sense.MINIMIZE ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return new LpResult(status, Double.NaN, bound, NONE, NONE, seconds);
    }
}
