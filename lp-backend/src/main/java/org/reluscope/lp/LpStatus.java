package org.reluscope.lp;

/** How a solve ended. */
public enum LpStatus {
    /** An optimal solution was found (within the solver's tolerances). */
    OPTIMAL,
    /** The constraints admit no point. */
    INFEASIBLE,
    /** The objective is unbounded in the optimisation direction. */
    UNBOUNDED,
    /** A time, iteration or node limit stopped the solver first; values may be a feasible incumbent. */
    LIMIT,
    /** The solver failed (numerical trouble, invalid model). */
    ERROR;

    public boolean isOptimal() {
        return this == OPTIMAL;
    }

    /** Neither optimal nor a definite answer about the model: the caller must not conclude anything. */
    public boolean isFailure() {
        return this == LIMIT || this == ERROR;
    }
}
