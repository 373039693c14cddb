package org.reluscope.lp.ortools;

/**
 * The OR-Tools solvers reluscope drives through {@code MPSolver}: simplex LP solvers for the
 * LPs of region enumeration and bounding, and branch-and-cut MILP solvers for exact reference
 * answers. (PDLP is left out: a first-order method whose default accuracy is far below what
 * exact bounds need.)
 */
public enum OrToolsEngine {
    /** Google's primal/dual simplex; the default LP engine. */
    GLOP("GLOP", false),
    /** COIN-OR's simplex. */
    CLP("CLP", false),
    /** SCIP branch-and-cut (with SoPlex) for MILPs. */
    SCIP("SCIP", true),
    /** COIN-OR branch-and-cut for MILPs. */
    CBC("CBC", true);

    private final String solverId;
    private final boolean integer;

    OrToolsEngine(String solverId, boolean integer) {
        this.solverId = solverId;
        this.integer = integer;
    }

    /** The id {@code MPSolver.createSolver} knows. */
    String solverId() {
        return solverId;
    }

    /** Whether the engine honours integer variables (and then gives no duals). */
    public boolean supportsIntegers() {
        return integer;
    }

    /** The command-line name: glop, clp, scip, cbc. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
