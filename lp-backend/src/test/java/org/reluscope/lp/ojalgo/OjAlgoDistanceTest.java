package org.reluscope.lp.ojalgo;

import org.reluscope.lp.DistanceSolver;
import org.reluscope.lp.DistanceSolverContract;

class OjAlgoDistanceTest extends DistanceSolverContract {
    @Override
    protected DistanceSolver createSolver() {
        return new OjAlgoSolver();
    }
}
