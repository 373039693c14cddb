package org.reluscope.lp.ortools;

import org.reluscope.lp.LpSolver;
import org.reluscope.lp.LpSolverContract;

class ScipContractTest extends LpSolverContract {
    @Override
    protected LpSolver createSolver() {
        return new OrToolsSolver(OrToolsEngine.SCIP);
    }
}
