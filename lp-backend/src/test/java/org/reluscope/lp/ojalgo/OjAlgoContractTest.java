package org.reluscope.lp.ojalgo;

import org.reluscope.lp.LpSolver;
import org.reluscope.lp.LpSolverContract;

class OjAlgoContractTest extends LpSolverContract {
    @Override
    protected LpSolver createSolver() {
        return new OjAlgoSolver();
    }
}
