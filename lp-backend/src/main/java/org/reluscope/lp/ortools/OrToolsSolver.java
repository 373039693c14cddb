package org.reluscope.lp.ortools;

import org.reluscope.lp.IncrementalLp;
import org.reluscope.lp.LinearProgram;
import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpResult;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.RebuildingLp;

/**
 * {@link LpSolver} over OR-Tools' {@code MPSolver}: GLOP or CLP for LPs, SCIP or CBC for MILPs.
 *
 * <p>Each {@link #solve} builds a fresh native model, solves it and frees it,
 * so one instance may be shared by threads. The native library is loaded on first use; if that
 * fails every call throws the same IllegalStateException naming the platform and the cause.
 *
 * <p>Results: statuses as {@link MpModel} maps them (ambiguous INFEASIBLE/UNBOUNDED settled by
 * {@link org.reluscope.lp.LpStatus#settle}); GLOP's and CLP's duals already follow the
 * {@link LpResult} convention (c − Aᵀy = reduced costs, both senses; checked by the contract
 * tests) and give the rigorous {@link LpResult#safeBound()}; MILP engines give no duals.
 *
 * <p>{@link #open} returns a warm {@link OrToolsIncrementalLp} for the LP engines (measured
 * faster than rebuilding, see the benchmarks module) and a rebuilding session for the MILP
 * engines, whose branch-and-cut restarts anyway.
 */
public final class OrToolsSolver implements LpSolver {
    private final OrToolsEngine engine;
    private final LpOptions options;

    public OrToolsSolver(OrToolsEngine engine, LpOptions options) {
        this.engine = engine;
        this.options = options;
    }

    public OrToolsSolver(OrToolsEngine engine) {
        this(engine, LpOptions.DEFAULT);
    }

    @Override
    public String name() {
        return engine.cliName();
    }

    @Override
    public boolean supportsIntegers() {
        return engine.supportsIntegers();
    }

    @Override
    public LpResult solve(LinearProgram lp) {
        try (MpModel model = new MpModel(engine, lp, options)) {
            return model.solve(lp);
        }
    }

    @Override
    public IncrementalLp open(LinearProgram lp) {
        if (engine.supportsIntegers()) {
            return new RebuildingLp(this, lp);
        }
        return new OrToolsIncrementalLp(engine, lp, options);
    }
}
