package org.reluscope.lp.ojalgo;

import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.LpSolverContract;

class OjAlgoContractTest extends LpSolverContract {
    @Override
    protected LpSolver createSolver(LpOptions options) {
        return new OjAlgoSolver(options);
    }
}
