package org.reluscope.lp;

/**
 * A model kept alive inside a solver so that a sequence of small changes (add or remove rows,
 * change bounds or the objective) re-solves warm. Owned by one thread.
 *
 * <p>Results are those of {@link LpSolver#solve} on {@link #snapshot()} (the contract tests
 * check this along random edit sequences), including the rigorous {@link LpResult#safeBound()}.
 * Argument errors throw IllegalArgumentException with the offending index and value.
 */
public interface IncrementalLp extends AutoCloseable {

    /** Number of rows currently in the model. */
    int rowCount();

    /**
     * Adds the row lower ≤ Σ values[k]·x[indices[k]] ≤ upper (either side may be infinite)
     * and returns its index. Not modified: indices, values.
     */
    int addRow(int[] indices, double[] values, double lower, double upper);

    /** Removes the last {@code count} rows (the ones most recently added): the undo of a depth-first search. */
    void removeLastRows(int count);

    void setRowBounds(int row, double lower, double upper);

    void setVariableBounds(int variable, double lower, double upper);

    /** Replaces the objective by Σ c[j]·x[j] + constant. Not modified: c. */
    void setObjective(double[] c, double constant, Sense sense);

    /** Solves, starting from the previous basis where the back-end can. */
    LpResult solve();

    /** The model as it stands, as an immutable program (for cross-checks and safe bounds). */
    LinearProgram snapshot();

    @Override
    void close();
}
