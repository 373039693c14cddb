package org.reluscope.lp;

import java.util.function.Function;

/** How a solve ended. */
public enum LpStatus {
    /** An optimal solution was found (within the solver's tolerances). */
    OPTIMAL,
    /** The constraints admit no point (as the solver sees it; {@link InfeasibilityProof} certifies it). */
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

    /**
     * This status as a solver reported it, settled where solvers are ambiguous: OR-Tools
     * reports GLOP's and SCIP's "infeasible or unbounded" as INFEASIBLE and "dual infeasible"
     * as UNBOUNDED. INFEASIBLE stands when the objective is bounded on the variable box (then
     * the program cannot be unbounded); otherwise, and for every UNBOUNDED, the same
     * constraints are solved under the objective 0 ({@link LinearProgram#feasibilityProblem()},
     * never unbounded): infeasible there means INFEASIBLE; feasible means UNBOUNDED, unless
     * the objective is bounded on the box (then the claim was wrong: ERROR); a failure stays a
     * failure. Other statuses are returned as they are.
     *
     * @param feasibility solves a program from scratch and returns its status
     */
    public LpStatus settle(LinearProgram lp, Function<LinearProgram, LpStatus> feasibility) {
        boolean bounded = lp.isObjectiveBoundedOnBox();
        if ((this == INFEASIBLE && bounded) || (this != INFEASIBLE && this != UNBOUNDED)) {
            return this;
        }
        LpStatus check = feasibility.apply(lp.feasibilityProblem());
        return switch (check) {
            case OPTIMAL -> bounded ? ERROR : UNBOUNDED;
            case INFEASIBLE -> INFEASIBLE;
            case UNBOUNDED -> ERROR;
            case LIMIT, ERROR -> check;
        };
    }
}
