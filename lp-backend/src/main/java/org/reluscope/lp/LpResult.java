package org.reluscope.lp;

/**
 * The outcome of a solve.
 *
 * @param status      how the solve ended
 * @param objective   the objective value the solver reports (a floating-point result:
 *                    use {@code safeBound} where soundness matters); NaN unless optimal
 *                    (or a LIMIT with an incumbent)
 * @param safeBound   a rigorous bound on the exact optimum of the LP as given, on the side
 *                    that matters: ≤ the true minimum for MINIMIZE, ≥ the true maximum for
 *                    MAXIMIZE; computed from the dual solution with outward rounding. NaN
 *                    when it cannot be computed (no duals, unbounded variables, MILP)
 * @param primal      variable values (length = variables), or an empty array
 * @param rowDuals    dual values of the rows (LP only), or an empty array
 * @param seconds     wall time of the solve
 */
public record LpResult(LpStatus status, double objective, double safeBound, double[] primal, double[] rowDuals,
                       double seconds) {
    // arrays are handed over by the solver that made them; callers must not modify them
}
