package org.reluscope.lp;

import java.util.Arrays;
import java.util.List;

/**
 * Repairs row multipliers that do not match a primal solution, so that
 * {@link SafeObjectiveBound} gets tight. Some back-ends lose multipliers in presolve (ojAlgo
 * folds two-variable rows into variable bounds and reports 0 for them); the bound stays
 * rigorous with any y, but is then loose.
 *
 * <p>At an optimal x (minimisation convention), the reduced costs r = c − Aᵀy vanish on the
 * variables strictly inside their bounds (the set F), and only rows active at x (the set R)
 * carry multipliers. When some |rⱼ|, j ∈ F, is not small, new multipliers on R solve the
 * least-squares problem min Σ_{j∈F} (Σ_{i∈R} aᵢⱼyᵢ − cⱼ)² by its normal equations (a tiny ridge
 * keeps them solvable when rows are dependent, one refinement step removes its bias); rows whose multiplier has a sign their active
 * side forbids (≥ 0 at a lower bound, ≤ 0 at an upper bound, any at an equality) leave R and
 * the problem is solved again, until every sign is right. A heuristic: callers keep whichever
 * y gives the better bound.
 */
public final class DualRefinement {
    /** Relative activity tolerance for rows and bounds. */
    private static final double ACTIVE = 1e-7;
    /** Reduced costs on free variables below this (relative to ‖c‖∞) need no repair. */
    private static final double CLEAN = 1e-9;

    private DualRefinement() {
    }

    /**
     * Refined multipliers for {@code lp} at the primal solution x, in the {@link LpResult}
     * convention (for either sense), or y itself when nothing needs repair. Not modified: x, y.
     */
    public static double[] refine(LinearProgram lp, double[] x, double[] y) {
        double sign = lp.sense() == Sense.MINIMIZE ? 1 : -1;
        int n = lp.variableCount();
        boolean[] free = new boolean[n];
        double[] c = new double[n];
        double[] r = new double[n];
        double scale = 1;
        for (int j = 0; j < n; j++) {
            free[j] = x[j] - lp.lower(j) > ACTIVE * (1 + Math.abs(lp.lower(j)))
                    && lp.upper(j) - x[j] > ACTIVE * (1 + Math.abs(lp.upper(j)));
            c[j] = sign * lp.objective(j);
            r[j] = c[j];
            scale = Math.max(scale, Math.abs(c[j]));
        }
        for (int i = 0; i < lp.rowCount(); i++) {
            subtract(lp.row(i), sign * y[i], r);
        }
        if (!needsRepair(free, r, CLEAN * scale)) {
            return y;
        }
        int[] active = activeRows(lp, x);
        double[] solution = leastSquares(lp, active, free, c);
        for (int round = 0; round < active.length; round++) {
            int[] kept = rightSigned(lp, x, active, solution);
            if (kept.length == active.length) {
                break;
            }
            active = kept;
            solution = leastSquares(lp, active, free, c);
        }
        double[] refined = new double[y.length];
        for (int k = 0; k < active.length; k++) {
            refined[active[k]] = sign * solution[k];
        }
        return refined;
    }

    /**
     * The active rows whose multiplier has the sign its active side allows (≥ 0 at a lower
     * bound, ≤ 0 at an upper bound, any at an equality).
     */
    private static int[] rightSigned(LinearProgram lp, double[] x, int[] active, double[] solution) {
        int[] kept = new int[active.length];
        int count = 0;
        for (int k = 0; k < active.length; k++) {
            LinearProgram.Row row = lp.row(active[k]);
            boolean atLower = isAt(row.dot(x), row.lower());
            boolean ok = row.lower() == row.upper() || (atLower ? solution[k] >= 0 : solution[k] <= 0);
            if (ok) {
                kept[count++] = active[k];
            }
        }
        return Arrays.copyOf(kept, count);
    }

    private static boolean needsRepair(boolean[] free, double[] r, double tolerance) {
        for (int j = 0; j < r.length; j++) {
            if (free[j] && Math.abs(r[j]) > tolerance) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAt(double value, double bound) {
        return Double.isFinite(bound) && Math.abs(value - bound) <= ACTIVE * (1 + Math.abs(bound));
    }

    /** Rows with a bound within tolerance of a·x. */
    private static int[] activeRows(LinearProgram lp, double[] x) {
        int[] active = new int[lp.rowCount()];
        int count = 0;
        for (int i = 0; i < lp.rowCount(); i++) {
            LinearProgram.Row row = lp.row(i);
            double ax = row.dot(x);
            if (isAt(ax, row.lower()) || isAt(ax, row.upper())) {
                active[count++] = i;
            }
        }
        return Arrays.copyOf(active, count);
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

    /** y minimising ‖B y − c_F‖ with B = (aᵢⱼ), j ∈ F, i ∈ active: (BᵀB + λI) y = Bᵀ c_F. */
    private static double[] leastSquares(LinearProgram lp, int[] active, boolean[] free, double[] c) {
        int p = active.length;
        int n = lp.variableCount();
        double[][] columns = new double[p][n];
        for (int k = 0; k < p; k++) {
            LinearProgram.Row row = lp.row(active[k]);
            for (int t = 0; t < row.indices().length; t++) {
                int j = row.indices()[t];
                if (free[j]) {
                    columns[k][j] = row.values()[t];
                }
            }
        }
        double[][] normal = new double[p][p];
        double[] rhs = new double[p];
        double trace = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b <= a; b++) {
                double s = dot(columns[a], columns[b]);
                normal[a][b] = s;
                normal[b][a] = s;
            }
            rhs[a] = dot(columns[a], c);
            trace += normal[a][a];
        }
        double ridge = 1e-12 * Math.max(trace / Math.max(p, 1), 1e-300);
        double[][] factor = new double[p][];
        for (int a = 0; a < p; a++) {
            factor[a] = normal[a].clone();
            factor[a][a] += ridge;
        }
        if (!cholesky(factor)) {
            return new double[p];
        }
        // one step of iterative refinement removes most of the ridge's bias
        double[] y = substitute(factor, rhs);
        double[] residual = rhs.clone();
        for (int a = 0; a < p; a++) {
            residual[a] -= dot(normal[a], y);
        }
        double[] correction = substitute(factor, residual);
        for (int a = 0; a < p; a++) {
            y[a] += correction[a];
        }
        return y;
    }

    /**
     * Factors a symmetric positive definite M = L Lᵀ in place (L in the lower triangle), or
     * returns false when a pivot is not positive. Modified: m.
     */
    private static boolean cholesky(double[][] m) {
        int p = m.length;
        for (int k = 0; k < p; k++) {
            double d = m[k][k];
            for (int t = 0; t < k; t++) {
                d -= m[k][t] * m[k][t];
            }
            if (!(d > 0)) {
                return false;
            }
            m[k][k] = Math.sqrt(d);
            for (int i = k + 1; i < p; i++) {
                double s = m[i][k];
                for (int t = 0; t < k; t++) {
                    s -= m[i][t] * m[k][t];
                }
                m[i][k] = s / m[k][k];
            }
        }
        return true;
    }

    /** z with L Lᵀ z = b, L from {@link #cholesky}. Not modified: l, b. */
    private static double[] substitute(double[][] l, double[] b) {
        int p = b.length;
        double[] z = b.clone();
        for (int i = 0; i < p; i++) {
            for (int t = 0; t < i; t++) {
                z[i] -= l[i][t] * z[t];
            }
            z[i] /= l[i][i];
        }
        for (int i = p - 1; i >= 0; i--) {
            for (int t = i + 1; t < p; t++) {
                z[i] -= l[t][i] * z[t];
            }
            z[i] /= l[i][i];
        }
        return z;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
