package org.reluscope.lp.ortools;

import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.LpSolverContract;

class ClpContractTest extends LpSolverContract {
    @Override
    protected LpSolver createSolver(LpOptions options) {
        return new OrToolsSolver(OrToolsEngine.CLP, options);
    }
}
