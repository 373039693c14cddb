package org.reluscope.lp;

/**
 * The cold strategy of an {@link IncrementalLp}: changes go to a {@link MutableProgram} and
 * every {@link #solve()} hands the program as it stands to {@link LpSolver#solve} from
 * scratch. Back-ends use it where a warm re-solve is not faster (or not possible), and the
 * benchmark uses it as the cold baseline.
 */
public final class RebuildingLp implements IncrementalLp {
    private final LpSolver solver;
    private final MutableProgram model;

    public RebuildingLp(LpSolver solver, LinearProgram lp) {
        this.solver = solver;
        this.model = new MutableProgram(lp);
    }

    @Override
    public int rowCount() {
        return model.rowCount();
    }

    @Override
    public int addRow(int[] indices, double[] values, double lower, double upper) {
        return model.addRow(indices, values, lower, upper);
    }

    @Override
    public void removeLastRows(int count) {
        model.removeLastRows(count);
    }

    @Override
    public void setRowBounds(int row, double lower, double upper) {
        model.setRowBounds(row, lower, upper);
    }

    @Override
    public void setVariableBounds(int variable, double lower, double upper) {
        model.setVariableBounds(variable, lower, upper);
    }

    @Override
    public void setObjective(double[] c, double constant, Sense sense) {
        model.setObjective(c, constant, sense);
    }

    @Override
    public LpResult solve() {
        return solver.solve(model.toProgram());
    }

    @Override
    public LinearProgram snapshot() {
        return model.toProgram();
    }

    @Override
    public void close() {
        // nothing native is held
    }
}
