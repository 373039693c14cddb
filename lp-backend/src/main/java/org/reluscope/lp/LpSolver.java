package org.reluscope.lp;

/**
 * Solves {@link LinearProgram}s (LPs and, where {@link #supportsIntegers()}, MILPs).
 *
 * <p>A solver object is a factory of solves: it holds no model between calls, so one instance
 * may be shared by threads. Warm-started re-solves go through {@link #open(LinearProgram)}.
 * Infeasible and unbounded problems are results, not exceptions.
 */
public interface LpSolver {

    /** Short name as used on the command line (glop, scip, cbc, ojalgo, …). */
    String name();

    /** Whether integer variables are honoured (otherwise they are an IllegalArgumentException). */
    boolean supportsIntegers();

    /** Solves from scratch. */
    LpResult solve(LinearProgram lp);

    /**
     * A live model for incremental use: rows and bounds can be changed and the model
     * re-solved warm from the previous basis. Not thread-safe; close it when done.
     */
    IncrementalLp open(LinearProgram lp);
}
