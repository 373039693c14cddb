package org.reluscope.lp;

import java.util.ArrayList;
import java.util.List;

/**
 * An oracle independent of every solver: the optimum of a small LP with boxed variables by
 * enumerating its vertices (every choice of n constraint hyperplanes, solved by Gaussian
 * elimination and kept when feasible). A bounded feasible polytope attains its optimum at a
 * vertex, and boxed variables make it bounded and pointed.
 */
final class BruteForceLp {
    private BruteForceLp() {
    }

    /** The optimal value, or NaN when no vertex is feasible (the LP is infeasible). */
    static double optimum(LinearProgram lp) {
        int n = lp.variableCount();
        List<double[]> planes = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            double[] e = new double[n + 1];
            e[j] = 1;
            double[] f = e.clone();
            e[n] = lp.lower(j);
            f[n] = lp.upper(j);
            planes.add(e);
            planes.add(f);
        }
        for (LinearProgram.Row row : lp.rows()) {
            for (double side : new double[] {row.lower(), row.upper()}) {
                if (Double.isFinite(side)) {
                    double[] p = new double[n + 1];
                    for (int k = 0; k < row.indices().length; k++) {
                        p[row.indices()[k]] = row.values()[k];
                    }
                    p[n] = side;
                    planes.add(p);
                }
            }
        }
        double best = Double.NaN;
        int[] choice = new int[n];
        for (int k = 0; k < n; k++) {
            choice[k] = k;
        }
        while (true) {
            double[] x = solve(planes, choice, n);
            if (x != null && lp.infeasibility(x) <= 1e-9) {
                double v = lp.objectiveValue(x);
                if (Double.isNaN(best) || (lp.sense() == Sense.MINIMIZE ? v < best : v > best)) {
                    best = v;
                }
            }
            if (!next(choice, planes.size())) {
                return best;
            }
        }
    }

    /** The next n-subset in lexicographic order; false after the last. Modified: choice. */
    private static boolean next(int[] choice, int size) {
        int n = choice.length;
        int k = n - 1;
        while (k >= 0 && choice[k] == size - n + k) {
            k--;
        }
        if (k < 0) {
            return false;
        }
        choice[k]++;
        for (int t = k + 1; t < n; t++) {
            choice[t] = choice[t - 1] + 1;
        }
        return true;
    }

    /** The intersection point of the chosen hyperplanes, or null when they are (nearly) dependent. */
    private static double[] solve(List<double[]> planes, int[] choice, int n) {
        double[][] m = new double[n][];
        for (int k = 0; k < n; k++) {
            m[k] = planes.get(choice[k]).clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][col]) < 1e-9) {
                return null;
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = m[r][col] / m[col][col];
                    for (int c = col; c <= n; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = m[k][n] / m[k][k];
        }
        return x;
    }
}
