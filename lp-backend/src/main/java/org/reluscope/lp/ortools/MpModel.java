package org.reluscope.lp.ortools;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import org.reluscope.lp.LinearProgram;
import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpResult;
import org.reluscope.lp.LpStatus;
import org.reluscope.lp.SafeObjectiveBound;
import org.reluscope.lp.Sense;

/**
 * One native {@link MPSolver} model mirroring a {@link LinearProgram}: builds it, applies
 * edits, solves and reads the result back with our status and dual conventions.
 *
 * <p>MPSolver cannot delete a constraint, so {@link #removeLastRows} relaxes removed rows to
 * −∞ ≤ a·x ≤ +∞ and forgets them ("tombstones"): the matrix GLOP sees is unchanged, which is
 * what lets it keep its basis. {@link #tombstones()} tells the owner when to rebuild.
 * Owns native memory: close it.
 */
final class MpModel implements AutoCloseable {
    private final OrToolsEngine engine;
    private final LpOptions options;
    private final MPSolver solver;
    private final MPSolverParameters parameters;
    private final MPVariable[] variables;
    private final List<MPConstraint> rows = new ArrayList<>();
    private int tombstones;

    MpModel(OrToolsEngine engine, LinearProgram lp, LpOptions options) {
        NativeLibrary.ensureLoaded();
        if (lp.hasIntegers() && !engine.supportsIntegers()) {
            throw new IllegalArgumentException(engine.cliName() + " solves LPs only but the program has integer variables");
        }
        this.engine = engine;
        this.options = options;
        this.solver = MPSolver.createSolver(engine.solverId());
        if (solver == null) {
            throw new IllegalStateException("this OR-Tools build has no " + engine.solverId() + " solver");
        }
        this.parameters = parameters(engine, options);
        if (options.hasTimeLimit()) {
            solver.setTimeLimit((long) Math.ceil(Math.min(options.timeLimitSeconds() * 1000, Long.MAX_VALUE / 2.0)));
        }
        int n = lp.variableCount();
        variables = new MPVariable[n];
        for (int j = 0; j < n; j++) {
            variables[j] = solver.makeVar(lp.lower(j), lp.upper(j), lp.isInteger(j), "");
        }
        for (LinearProgram.Row row : lp.rows()) {
            addRow(row.indices(), row.values(), row.lower(), row.upper());
        }
        if (engine == OrToolsEngine.CLP && lp.rowCount() == 0 && n > 0) {
            // CLP reports ABNORMAL for a model without rows; a free row changes nothing else
            solver.makeConstraint(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "").setCoefficient(variables[0], 1);
        }
        setObjective(lp.objective(), lp.objectiveConstant(), lp.sense());
    }

    private static MPSolverParameters parameters(OrToolsEngine engine, LpOptions options) {
        MPSolverParameters p = new MPSolverParameters();
        if (engine.supportsIntegers()) {
            p.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, options.relativeMipGap());
        }
        return p;
    }

    void addRow(int[] indices, double[] values, double lower, double upper) {
        MPConstraint c = solver.makeConstraint(lower, upper, "");
        for (int k = 0; k < indices.length; k++) {
            c.setCoefficient(variables[indices[k]], values[k]);
        }
        rows.add(c);
    }

    void removeLastRows(int count) {
        for (int k = 0; k < count; k++) {
            rows.remove(rows.size() - 1).setBounds(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        tombstones += count;
    }

    /** Rows removed but still present (relaxed) in the native model. */
    int tombstones() {
        return tombstones;
    }

    void setRowBounds(int row, double lower, double upper) {
        rows.get(row).setBounds(lower, upper);
    }

    void setVariableBounds(int variable, double lower, double upper) {
        variables[variable].setBounds(lower, upper);
    }

    void setObjective(double[] c, double constant, Sense sense) {
        MPObjective objective = solver.objective();
        for (int j = 0; j < variables.length; j++) {
            objective.setCoefficient(variables[j], j < c.length ? c[j] : 0);
        }
        objective.setOffset(constant);
        objective.setOptimizationDirection(sense == Sense.MAXIMIZE);
    }

    /**
     * Solves and reads the result back.
     *
     * @param lp the program this model mirrors (for the safe bound and to settle ambiguous statuses)
     */
    LpResult solve(LinearProgram lp) {
        long start = System.nanoTime();
        MPSolver.ResultStatus raw = solver.solve(parameters);
        double seconds = (System.nanoTime() - start) * 1e-9;
        LpStatus status = toStatus(raw, seconds).settle(lp, this::coldStatus);
        boolean values = status == LpStatus.OPTIMAL || (status == LpStatus.LIMIT && raw == MPSolver.ResultStatus.FEASIBLE);
        if (!values) {
            return LpResult.withoutSolution(status, lp.sense(), (System.nanoTime() - start) * 1e-9);
        }
        double[] primal = new double[variables.length];
        for (int j = 0; j < primal.length; j++) {
            primal[j] = variables[j].solutionValue();
        }
        double objective = solver.objective().value();
        if (engine.supportsIntegers() || status != LpStatus.OPTIMAL) {
            return new LpResult(status, objective, Double.NaN, primal, new double[0], (System.nanoTime() - start) * 1e-9);
        }
        double[] duals = new double[rows.size()];
        for (int i = 0; i < duals.length; i++) {
            duals[i] = rows.get(i).dualValue();
        }
        double bound = SafeObjectiveBound.of(lp, duals);
        return new LpResult(status, objective, bound, primal, duals, (System.nanoTime() - start) * 1e-9);
    }

    /**
     * MPSolver's status in ours. FEASIBLE (an incumbent, stopped early) is LIMIT; NOT_SOLVED is
     * LIMIT when the time limit ran out and ERROR otherwise; ABNORMAL and MODEL_INVALID are
     * ERROR. INFEASIBLE and UNBOUNDED may be ambiguous and are settled by the caller.
     */
    private LpStatus toStatus(MPSolver.ResultStatus raw, double seconds) {
        return switch (raw) {
            case OPTIMAL -> LpStatus.OPTIMAL;
            case FEASIBLE -> LpStatus.LIMIT;
            case INFEASIBLE -> LpStatus.INFEASIBLE;
            case UNBOUNDED -> LpStatus.UNBOUNDED;
            case NOT_SOLVED -> options.hasTimeLimit() && seconds >= options.timeLimitSeconds() ? LpStatus.LIMIT : LpStatus.ERROR;
            case ABNORMAL, MODEL_INVALID -> LpStatus.ERROR;
        };
    }

    /** Status of a fresh solve of {@code lp} by the same engine (used to settle ambiguous statuses). */
    private LpStatus coldStatus(LinearProgram lp) {
        try (MpModel fresh = new MpModel(engine, lp, options)) {
            return fresh.toStatus(fresh.solver.solve(fresh.parameters), 0);
        }
    }

    @Override
    public void close() {
        parameters.delete();
        solver.delete();
    }
}
