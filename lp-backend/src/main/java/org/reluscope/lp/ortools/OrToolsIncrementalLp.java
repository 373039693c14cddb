package org.reluscope.lp.ortools;

import org.reluscope.lp.IncrementalLp;
import org.reluscope.lp.LinearProgram;
import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpResult;
import org.reluscope.lp.MutableProgram;
import org.reluscope.lp.Sense;

/**
 * A warm OR-Tools LP session: one native model lives across solves, so GLOP (and CLP) restart
 * from the previous solver state — primal simplex after an objective change, dual simplex
 * after new rows or changed bounds.
 *
 * <p>Removed rows become relaxed tombstones in the native model (see {@link MpModel}); once
 * they outnumber the live rows (and at least {@value #MIN_TOMBSTONES_FOR_REBUILD}), the native
 * model is rebuilt from the {@link MutableProgram} of record and the next solve is cold.
 * Measured in {@code LpBenchmark} (region LPs, 5 variables, 300 rows): never rebuilding is ten
 * times slower than cold solves, rebuilding at 0 or 64 tombstones the same within noise.
 * Presolve stays on: with it off the depth-first workload ran at half the cold speed, with it
 * on faster than cold, and an objective sweep about twice as fast either way.
 */
final class OrToolsIncrementalLp implements IncrementalLp {
    static final int MIN_TOMBSTONES_FOR_REBUILD = 32;

    private final OrToolsEngine engine;
    private final LpOptions options;
    private final MutableProgram model;
    private MpModel nativeModel;

    OrToolsIncrementalLp(OrToolsEngine engine, LinearProgram lp, LpOptions options) {
        this.engine = engine;
        this.options = options;
        this.model = new MutableProgram(lp);
        this.nativeModel = new MpModel(engine, lp, options);
    }

    @Override
    public int rowCount() {
        return model.rowCount();
    }

    @Override
    public int addRow(int[] indices, double[] values, double lower, double upper) {
        int row = model.addRow(indices, values, lower, upper);
        nativeModel.addRow(indices, values, lower, upper);
        return row;
    }

    @Override
    public void removeLastRows(int count) {
        model.removeLastRows(count);
        nativeModel.removeLastRows(count);
        if (nativeModel.tombstones() > Math.max(MIN_TOMBSTONES_FOR_REBUILD, model.rowCount())) {
            nativeModel.close();
            nativeModel = new MpModel(engine, model.toProgram(), options);
        }
    }

    @Override
    public void setRowBounds(int row, double lower, double upper) {
        model.setRowBounds(row, lower, upper);
        nativeModel.setRowBounds(row, lower, upper);
    }

    @Override
    public void setVariableBounds(int variable, double lower, double upper) {
        model.setVariableBounds(variable, lower, upper);
        nativeModel.setVariableBounds(variable, lower, upper);
    }

    @Override
    public void setObjective(double[] c, double constant, Sense sense) {
        model.setObjective(c, constant, sense);
        nativeModel.setObjective(c, constant, sense);
    }

    @Override
    public LpResult solve() {
        return nativeModel.solve(model.toProgram());
    }

    @Override
    public LinearProgram snapshot() {
        return model.toProgram();
    }

    @Override
    public void close() {
        nativeModel.close();
    }
}
