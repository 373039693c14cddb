package org.reluscope.lp;

import java.util.Arrays;

/**
 * Repairs row multipliers that do not match a primal solution, so that
 * {@link SafeObjectiveBound} and {@link SafeDistanceBound} get tight. Some back-ends lose
 * multipliers in presolve (ojAlgo folds one- and two-variable rows into variable bounds and
 * reports 0 for them); the bounds stay rigorous with any y, but are then loose.
 *
 * <p>At an optimal x of min f (c = ∇f(x); the objective for an LP), the reduced costs
 * r = c − Aᵀy vanish on the variables strictly inside their bounds (the set F), and only rows
 * active at x carry multipliers, with the sign their active side allows (≥ 0 at a lower bound,
 * ≤ 0 at an upper bound, any at an equality). When some |rⱼ|, j ∈ F, is not small, the
 * multipliers are recomputed as the sign-constrained least-squares solution of
 * Σᵢ aᵢⱼyᵢ = cⱼ (j ∈ F) over the active rows ({@link NonNegativeLeastSquares} on columns ±aᵢ,
 * an equality row contributing both), warm-started from the given y. A heuristic: callers
 * keep whichever y gives the better bound.
 */
public final class DualRefinement {
    /** Relative activity tolerance for rows and bounds. */
    private static final double ACTIVE = 1e-7;
    /** Reduced costs on free variables below this (relative to ‖c‖∞) need no repair. */
    private static final double CLEAN = 1e-9;

    private DualRefinement() {
    }

    /**
     * Refined multipliers for the LP {@code lp} at its primal solution x, in the
     * {@link LpResult} convention (for either sense), or y itself when nothing needs repair.
     * Not modified: x, y.
     */
    public static double[] refine(LinearProgram lp, double[] x, double[] y) {
        double sign = lp.sense() == Sense.MINIMIZE ? 1 : -1;
        double[] gradient = new double[lp.variableCount()];
        double[] signed = new double[y.length];
        for (int j = 0; j < gradient.length; j++) {
            gradient[j] = sign * lp.objective(j);
        }
        for (int i = 0; i < y.length; i++) {
            signed[i] = sign * y[i];
        }
        double[] refined = refineMinimisation(lp, gradient, x, signed);
        if (refined == signed) {
            return y;
        }
        for (int i = 0; i < refined.length; i++) {
            refined[i] *= sign;
        }
        return refined;
    }

    /**
     * Refined multipliers for minimising a function with gradient {@code gradient} at x over the
     * constraints of {@code lp} (its objective ignored): the KKT stationarity
     * gradient = Aᵀy + reduced costs. For the distance QP the gradient is 2(x − c). Returns y
     * itself when nothing needs repair. Not modified: gradient, x, y.
     */
    public static double[] refineMinimisation(LinearProgram lp, double[] gradient, double[] x, double[] y) {
        int n = lp.variableCount();
        int[] free = new int[n];
        int freeCount = 0;
        double[] r = gradient.clone();
        double scale = 1;
        for (int j = 0; j < n; j++) {
            if (x[j] - lp.lower(j) > ACTIVE * (1 + Math.abs(lp.lower(j)))
                    && lp.upper(j) - x[j] > ACTIVE * (1 + Math.abs(lp.upper(j)))) {
                free[freeCount++] = j;
            }
            scale = Math.max(scale, Math.abs(gradient[j]));
        }
        for (int i = 0; i < lp.rowCount(); i++) {
            subtract(lp.row(i), y[i], r);
        }
        if (!needsRepair(Arrays.copyOf(free, freeCount), r, CLEAN * scale)) {
            return y;
        }
        SignedColumns columns = SignedColumns.of(lp, x, Arrays.copyOf(free, freeCount));
        double[] start = new double[columns.rows.length];
        for (int k = 0; k < start.length; k++) {
            start[k] = columns.signs[k] * y[columns.rows[k]];
        }
        double[] v = NonNegativeLeastSquares.solve(columns.gram(), columns.project(gradient), start);
        double[] refined = new double[y.length];
        for (int k = 0; k < v.length; k++) {
            refined[columns.rows[k]] += columns.signs[k] * v[k];
        }
        return refined;
    }

    private static boolean needsRepair(int[] free, double[] r, double tolerance) {
        for (int j : free) {
            if (Math.abs(r[j]) > tolerance) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAt(double value, double bound) {
        return Double.isFinite(bound) && Math.abs(value - bound) <= ACTIVE * (1 + Math.abs(bound));
    }

    /** r −= yᵢ aᵢ. Modified: r. */
    private static void subtract(LinearProgram.Row row, double yi, double[] r) {
        if (yi == 0) {
            return;
        }
        int[] idx = row.indices();
        double[] val = row.values();
        for (int k = 0; k < idx.length; k++) {
            r[idx[k]] -= yi * val[k];
        }
    }

    /**
     * The columns sₖ·a_{rₖ} restricted to the free variables {@code free}, one per allowed sign
     * of each active row (yᵢ = Σₖ sₖ vₖ with vₖ ≥ 0).
     */
    private record SignedColumns(int[] free, int[] rows, double[] signs, double[][] columns) {

        static SignedColumns of(LinearProgram lp, double[] x, int[] free) {
            int[] position = new int[lp.variableCount()];
            Arrays.fill(position, -1);
            for (int f = 0; f < free.length; f++) {
                position[free[f]] = f;
            }
            int[] rows = new int[2 * lp.rowCount()];
            double[] signs = new double[2 * lp.rowCount()];
            int q = 0;
            for (int i = 0; i < lp.rowCount(); i++) {
                LinearProgram.Row row = lp.row(i);
                double ax = row.dot(x);
                boolean lower = isAt(ax, row.lower());
                boolean upper = isAt(ax, row.upper());
                if (lower) {
                    rows[q] = i;
                    signs[q++] = 1;
                }
                if (upper) {
                    rows[q] = i;
                    signs[q++] = -1;
                }
            }
            double[][] columns = new double[q][free.length];
            for (int k = 0; k < q; k++) {
                LinearProgram.Row row = lp.row(rows[k]);
                for (int t = 0; t < row.indices().length; t++) {
                    int f = position[row.indices()[t]];
                    if (f >= 0) {
                        columns[k][f] = signs[k] * row.values()[t];
                    }
                }
            }
            return new SignedColumns(free, Arrays.copyOf(rows, q), Arrays.copyOf(signs, q), columns);
        }

        /** EᵀE. */
        double[][] gram() {
            int q = rows.length;
            double[][] g = new double[q][q];
            for (int a = 0; a < q; a++) {
                for (int b = 0; b <= a; b++) {
                    double s = dot(columns[a], columns[b]);
                    g[a][b] = s;
                    g[b][a] = s;
                }
            }
            return g;
        }

        /** Eᵀ c_F for a full-length c. Not modified: c. */
        double[] project(double[] c) {
            double[] restricted = new double[free.length];
            for (int f = 0; f < free.length; f++) {
                restricted[f] = c[free[f]];
            }
            double[] g = new double[rows.length];
            for (int k = 0; k < g.length; k++) {
                g[k] = dot(columns[k], restricted);
            }
            return g;
        }

        private static double dot(double[] a, double[] b) {
            double s = 0;
            for (int j = 0; j < a.length; j++) {
                s += a[j] * b[j];
            }
            return s;
        }
    }
}
