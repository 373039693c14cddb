package org.reluscope.lp;

/**
 * A rigorous certificate that a program's constraints admit no point — what a caller needs
 * before it trusts an INFEASIBLE status where soundness matters (a solver's INFEASIBLE is a
 * floating-point verdict and may be wrong on nearly feasible programs).
 *
 * <p>Method: the elastic program
 * <pre>
 *   minimise t   subject to   loᵢ − t ≤ aᵢ·x ≤ hiᵢ + t (each finite side),  l ≤ x ≤ u,  t ≥ 0
 * </pre>
 * is always feasible and bounded; its optimum is the least uniform violation any point of the
 * box must commit. If a point satisfied the original rows, (x, 0) would be feasible with
 * value 0, so a rigorous lower bound &gt; 0 on the elastic optimum proves infeasibility. The
 * bound is {@link SafeObjectiveBound} on the elastic program with the solver's duals, with t
 * capped at T = 2·max(1, t*) (any cap ≥ 0 keeps the argument, since (x, 0) stays feasible, and
 * a finite cap keeps the noise in t's reduced cost from making the bound −∞).
 *
 * <p>What each tool gives: {@link LpResult#status()} is the solver's verdict;
 * {@link LpResult#safeBound()} bounds an optimum rigorously; this class proves emptiness
 * rigorously ({@code proven}) or says nothing. Integer flags are ignored, so for a MILP it
 * proves that even the LP relaxation is empty. A program with unbounded variables may fail to
 * be proven (their reduced costs must then be exactly of the right sign); never wrongly.
 *
 * @param proven         whether infeasibility is proven
 * @param violationBound a rigorous lower bound on the elastic optimum (&gt; 0 iff proven; NaN
 *                       when the elastic program was not solved to optimality)
 * @param elastic        the solver's result on the elastic program
 */
public record InfeasibilityProof(boolean proven, double violationBound, LpResult elastic) {

    /**
     * Solves the elastic program of {@code lp} with {@code solver} and checks its safe bound.
     * The solver must report duals (glop, clp, ojalgo); with a MILP engine nothing is proven.
     */
    public static InfeasibilityProof check(LpSolver solver, LinearProgram lp) {
        LpResult result = solver.solve(elastic(lp, Double.POSITIVE_INFINITY));
        if (!result.status().isOptimal() || result.rowDuals().length == 0) {
            return new InfeasibilityProof(false, Double.NaN, result);
        }
        double cap = 2 * Math.max(1, result.objective());
        double bound = SafeObjectiveBound.of(elastic(lp, cap), result.rowDuals());
        return new InfeasibilityProof(bound > 0, bound, result);
    }

    /** The elastic program with t ∈ [0, cap]; t is the last variable. */
    static LinearProgram elastic(LinearProgram lp, double cap) {
        LinearProgram.Builder b = LinearProgram.builder();
        int n = lp.variableCount();
        for (int j = 0; j < n; j++) {
            b.addVariable(lp.lower(j), lp.upper(j));
        }
        int t = b.addVariable(0, cap);
        for (LinearProgram.Row row : lp.rows()) {
            if (row.lower() != Double.NEGATIVE_INFINITY) {
                addElasticRow(b, row, t, 1, row.lower(), Double.POSITIVE_INFINITY);
            }
            if (row.upper() != Double.POSITIVE_INFINITY) {
                addElasticRow(b, row, t, -1, Double.NEGATIVE_INFINITY, row.upper());
            }
        }
        double[] c = new double[n + 1];
        c[t] = 1;
        return b.objective(c, Sense.MINIMIZE).build();
    }

    /** lo ≤ aᵢ·x + tCoefficient·t ≤ hi. */
    private static void addElasticRow(LinearProgram.Builder b, LinearProgram.Row row, int t, double tCoefficient,
                                      double lo, double hi) {
        int k = row.indices().length;
        int[] idx = new int[k + 1];
        double[] val = new double[k + 1];
        System.arraycopy(row.indices(), 0, idx, 0, k);
        System.arraycopy(row.values(), 0, val, 0, k);
        idx[k] = t;
        val[k] = tCoefficient;
        b.addRow(idx, val, lo, hi);
    }
}
