package org.reluscope.lp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * An immutable linear (or mixed-integer) program
 * <pre>
 *   minimise / maximise  c·x + c₀
 *   subject to           rowLower_i ≤ a_i·x ≤ rowUpper_i   (each row sparse)
 *                        lower_j ≤ x_j ≤ upper_j,  x_j integer for integer variables
 * </pre>
 * Infinite bounds are written as ±{@link Double#POSITIVE_INFINITY}. Build one with
 * {@link #builder()}; the model does not depend on any solver.
 */
public final class LinearProgram {

    /** One sparse row lower ≤ Σ values[k]·x[indices[k]] ≤ upper, each variable named once. Arrays owned by the program. */
    public record Row(int[] indices, double[] values, double lower, double upper) {
        /** a·x for a dense x. Not modified: x. */
        public double dot(double[] x) {
            double s = 0;
            for (int k = 0; k < indices.length; k++) {
                s += values[k] * x[indices[k]];
            }
            return s;
        }
    }

    private final double[] lower;
    private final double[] upper;
    private final boolean[] integer;
    private final List<Row> rows;
    private final double[] objective;
    private final double objectiveConstant;
    private final Sense sense;

    private LinearProgram(Builder b) {
        int n = b.lower.size();
        this.lower = new double[n];
        this.upper = new double[n];
        this.integer = new boolean[n];
        for (int j = 0; j < n; j++) {
            lower[j] = b.lower.get(j);
            upper[j] = b.upper.get(j);
            integer[j] = b.integer.get(j);
        }
        this.rows = List.copyOf(b.rows);
        this.objective = Arrays.copyOf(b.objective, n);
        this.objectiveConstant = b.objectiveConstant;
        this.sense = b.sense;
    }

    /** For {@link MutableProgram}: the arguments are validated already and copied here; rows are shared (immutable). */
    LinearProgram(double[] lower, double[] upper, boolean[] integer, List<Row> rows, double[] objective,
                  double objectiveConstant, Sense sense) {
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.integer = integer.clone();
        this.rows = List.copyOf(rows);
        this.objective = objective.clone();
        this.objectiveConstant = objectiveConstant;
        this.sense = sense;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this program (to add rows or change the objective). */
    public Builder toBuilder() {
        Builder b = new Builder();
        for (int j = 0; j < lower.length; j++) {
            if (integer[j]) {
                b.addIntegerVariable(lower[j], upper[j]);
            } else {
                b.addVariable(lower[j], upper[j]);
            }
        }
        b.rows.addAll(rows);
        b.objective(objective, objectiveConstant, sense);
        return b;
    }

    public int variableCount() {
        return lower.length;
    }

    public int rowCount() {
        return rows.size();
    }

    public double lower(int j) {
        return lower[j];
    }

    public double upper(int j) {
        return upper[j];
    }

    public boolean isInteger(int j) {
        return integer[j];
    }

    /** Whether some variable is integer. */
    public boolean hasIntegers() {
        for (boolean b : integer) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    public Row row(int i) {
        return rows.get(i);
    }

    public List<Row> rows() {
        return rows;
    }

    /** c, copied. */
    public double[] objective() {
        return objective.clone();
    }

    public double objective(int j) {
        return objective[j];
    }

    public double objectiveConstant() {
        return objectiveConstant;
    }

    public Sense sense() {
        return sense;
    }

    /** Largest violation of any row or bound at x (0 when x is feasible). Not modified: x. */
    public double infeasibility(double[] x) {
        double worst = 0;
        for (int j = 0; j < lower.length; j++) {
            worst = Math.max(worst, Math.max(lower[j] - x[j], x[j] - upper[j]));
        }
        for (Row r : rows) {
            double ax = r.dot(x);
            worst = Math.max(worst, Math.max(r.lower() - ax, ax - r.upper()));
        }
        return worst;
    }

    /** c·x + c₀. Not modified: x. */
    public double objectiveValue(double[] x) {
        double s = objectiveConstant;
        for (int j = 0; j < objective.length; j++) {
            s += objective[j] * x[j];
        }
        return s;
    }

    /** The same constraints with the objective 0: feasible iff this program is, and never unbounded. */
    public LinearProgram feasibilityProblem() {
        return new LinearProgram(lower, upper, integer, rows, new double[lower.length], 0, Sense.MINIMIZE);
    }

    /**
     * Whether the objective is bounded in the optimisation direction on the variable box alone
     * (every variable it pushes towards an infinite bound has a coefficient 0). Then the program
     * cannot be unbounded, so a solver's "infeasible or unbounded" can only mean infeasible.
     */
    public boolean isObjectiveBoundedOnBox() {
        double direction = sense == Sense.MINIMIZE ? 1 : -1;
        for (int j = 0; j < lower.length; j++) {
            double c = direction * objective[j];
            if ((c > 0 && lower[j] == Double.NEGATIVE_INFINITY) || (c < 0 && upper[j] == Double.POSITIVE_INFINITY)) {
                return false;
            }
        }
        return true;
    }

    /** Collects variables, rows and the objective; {@link #build()} validates and freezes them. */
    public static final class Builder {
        private final List<Double> lower = new ArrayList<>();
        private final List<Double> upper = new ArrayList<>();
        private final List<Boolean> integer = new ArrayList<>();
        private final List<Row> rows = new ArrayList<>();
        private double[] objective = new double[0];
        private double objectiveConstant;
        private Sense sense = Sense.MINIMIZE;

        private Builder() {
        }

        /** Adds a continuous variable lower ≤ x ≤ upper and returns its index. */
        public int addVariable(double lo, double hi) {
            checkBounds("variable " + lower.size(), lo, hi);
            lower.add(lo);
            upper.add(hi);
            integer.add(false);
            return lower.size() - 1;
        }

        /** Adds {@code count} continuous variables with the given bounds; returns the first index. */
        public int addVariables(double[] lo, double[] hi) {
            if (lo.length != hi.length) {
                throw new IllegalArgumentException("bounds have lengths " + lo.length + " and " + hi.length);
            }
            int first = lower.size();
            for (int j = 0; j < lo.length; j++) {
                addVariable(lo[j], hi[j]);
            }
            return first;
        }

        /** Adds an integer variable lower ≤ x ≤ upper and returns its index. */
        public int addIntegerVariable(double lo, double hi) {
            int j = addVariable(lo, hi);
            integer.set(j, true);
            return j;
        }

        /** Adds lower ≤ Σ values[k]·x[indices[k]] ≤ upper. Not modified (copied): indices, values. */
        public Builder addRow(int[] indices, double[] values, double lo, double hi) {
            checkRow(rows.size(), lower.size(), indices, values, lo, hi);
            rows.add(new Row(indices.clone(), values.clone(), lo, hi));
            return this;
        }

        /** Adds lower ≤ a·x ≤ upper for a dense a over the first a.length variables, skipping zeros. Not modified: a. */
        public Builder addDenseRow(double[] a, double lo, double hi) {
            int nnz = 0;
            for (double v : a) {
                if (v != 0) {
                    nnz++;
                }
            }
            int[] idx = new int[nnz];
            double[] val = new double[nnz];
            int k = 0;
            for (int j = 0; j < a.length; j++) {
                if (a[j] != 0) {
                    idx[k] = j;
                    val[k++] = a[j];
                }
            }
            return addRow(idx, val, lo, hi);
        }

        /** a·x ≤ b. */
        public Builder addLessOrEqual(double[] a, double b) {
            return addDenseRow(a, Double.NEGATIVE_INFINITY, b);
        }

        /** a·x ≥ b. */
        public Builder addGreaterOrEqual(double[] a, double b) {
            return addDenseRow(a, b, Double.POSITIVE_INFINITY);
        }

        /** a·x = b. */
        public Builder addEqual(double[] a, double b) {
            return addDenseRow(a, b, b);
        }

        /** Sets the objective c·x + constant; c may be shorter than the variable count (missing entries are 0). */
        public Builder objective(double[] c, double constant, Sense s) {
            this.objective = c.clone();
            this.objectiveConstant = constant;
            this.sense = s;
            return this;
        }

        public Builder objective(double[] c, Sense s) {
            return objective(c, 0, s);
        }

        public int variableCount() {
            return lower.size();
        }

        public LinearProgram build() {
            checkObjective(objective, objectiveConstant, lower.size());
            return new LinearProgram(this);
        }
    }

    /** Throws unless row {@code row} (over {@code variables} variables) is well formed. */
    static void checkRow(int row, int variables, int[] indices, double[] values, double lo, double hi) {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("row " + row + " has " + indices.length + " indices but "
                    + values.length + " values");
        }
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] < 0 || indices[k] >= variables) {
                throw new IllegalArgumentException("row " + row + " refers to variable " + indices[k]
                        + " but there are " + variables);
            }
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException("row " + row + " has coefficient " + values[k]);
            }
        }
        if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi) {
            throw new IllegalArgumentException("row " + row + " has bounds [" + lo + ", " + hi + "]");
        }
        checkDistinct(row, variables, indices);
    }

    /** Solvers set (not add) a coefficient per variable, so a row names each variable once. */
    private static void checkDistinct(int row, int variables, int[] indices) {
        boolean increasing = true;
        for (int k = 1; k < indices.length && increasing; k++) {
            increasing = indices[k - 1] < indices[k];
        }
        if (increasing) {
            return;
        }
        BitSet seen = new BitSet(variables);
        for (int j : indices) {
            if (seen.get(j)) {
                throw new IllegalArgumentException("row " + row + " names variable " + j + " twice");
            }
            seen.set(j);
        }
    }

    /** Throws unless lo ≤ hi is a usable variable range. */
    static void checkBounds(String what, double lo, double hi) {
        if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi || lo == Double.POSITIVE_INFINITY
                || hi == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException(what + " has bounds [" + lo + ", " + hi + "]");
        }
    }

    /** Throws unless c (at most {@code variables} entries) and the constant are finite. */
    static void checkObjective(double[] c, double constant, int variables) {
        if (c.length > variables) {
            throw new IllegalArgumentException("objective has " + c.length + " entries but there are "
                    + variables + " variables");
        }
        for (double v : c) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("objective has coefficient " + v);
            }
        }
        if (!Double.isFinite(constant)) {
            throw new IllegalArgumentException("objective has constant " + constant);
        }
    }
}
