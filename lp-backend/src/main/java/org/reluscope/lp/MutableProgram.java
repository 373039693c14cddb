package org.reluscope.lp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The editable twin of a {@link LinearProgram}, kept by {@link IncrementalLp} sessions as the
 * model of record: the back-end's native model mirrors it, and {@link #toProgram()} gives the
 * immutable program for safe bounds, cold re-solves and cross-checks. The variables are fixed
 * at creation; rows are appended and removed from the end (the undo of a depth-first search).
 *
 * <p>Every mutator validates its arguments with the same messages as the builder. Not
 * thread-safe.
 */
public final class MutableProgram {
    private final double[] lower;
    private final double[] upper;
    private final boolean[] integer;
    private final List<LinearProgram.Row> rows;
    private double[] objective;
    private double objectiveConstant;
    private Sense sense;
    private LinearProgram snapshot;

    /** A mutable copy of {@code lp}. */
    public MutableProgram(LinearProgram lp) {
        int n = lp.variableCount();
        lower = new double[n];
        upper = new double[n];
        integer = new boolean[n];
        for (int j = 0; j < n; j++) {
            lower[j] = lp.lower(j);
            upper[j] = lp.upper(j);
            integer[j] = lp.isInteger(j);
        }
        rows = new ArrayList<>(lp.rows());
        objective = lp.objective();
        objectiveConstant = lp.objectiveConstant();
        sense = lp.sense();
        snapshot = lp;
    }

    public int variableCount() {
        return lower.length;
    }

    public int rowCount() {
        return rows.size();
    }

    /** Appends lower ≤ Σ values[k]·x[indices[k]] ≤ upper and returns its index. Not modified (copied): indices, values. */
    public int addRow(int[] indices, double[] values, double lo, double hi) {
        LinearProgram.checkRow(rows.size(), lower.length, indices, values, lo, hi);
        rows.add(new LinearProgram.Row(indices.clone(), values.clone(), lo, hi));
        snapshot = null;
        return rows.size() - 1;
    }

    /** Removes the last {@code count} rows. */
    public void removeLastRows(int count) {
        if (count < 0 || count > rows.size()) {
            throw new IllegalArgumentException("cannot remove " + count + " of " + rows.size() + " rows");
        }
        rows.subList(rows.size() - count, rows.size()).clear();
        snapshot = null;
    }

    public void setRowBounds(int row, double lo, double hi) {
        LinearProgram.Row r = row(row);
        LinearProgram.checkRow(row, lower.length, r.indices(), r.values(), lo, hi);
        rows.set(row, new LinearProgram.Row(r.indices(), r.values(), lo, hi));
        snapshot = null;
    }

    public void setVariableBounds(int variable, double lo, double hi) {
        if (variable < 0 || variable >= lower.length) {
            throw new IllegalArgumentException("variable " + variable + " does not exist; there are " + lower.length);
        }
        LinearProgram.checkBounds("variable " + variable, lo, hi);
        lower[variable] = lo;
        upper[variable] = hi;
        snapshot = null;
    }

    /** Replaces the objective by c·x + constant (c may be shorter than the variable count). Not modified: c. */
    public void setObjective(double[] c, double constant, Sense s) {
        LinearProgram.checkObjective(c, constant, lower.length);
        objective = Arrays.copyOf(c, lower.length);
        objectiveConstant = constant;
        sense = s;
        snapshot = null;
    }

    /** Row {@code i} as it stands. */
    public LinearProgram.Row row(int i) {
        if (i < 0 || i >= rows.size()) {
            throw new IllegalArgumentException("row " + i + " does not exist; there are " + rows.size());
        }
        return rows.get(i);
    }

    /** The program as it stands (cached until the next change). */
    public LinearProgram toProgram() {
        if (snapshot == null) {
            snapshot = new LinearProgram(lower, upper, integer, rows, objective, objectiveConstant, sense);
        }
        return snapshot;
    }
}
