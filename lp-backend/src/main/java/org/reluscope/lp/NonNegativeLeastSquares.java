package org.reluscope.lp;

/**
 * min ‖E v − f‖ subject to v ≥ 0, by the Lawson–Hanson active-set method working on the
 * normal equations G = EᵀE, g = Eᵀf (so E itself is not needed).
 *
 * <p>Variables in the passive set P are free; the others are 0. The outer loop moves into P
 * the variable whose gradient gₖ − (G v)ₖ most wants it to grow; the inner loop solves the
 * unconstrained problem on P and, while some solution entry is not positive, steps from v
 * towards it as far as feasibility allows and drops the variables that hit 0. A warm start
 * (a non-negative guess) saves most iterations when only a few entries are wrong. Each
 * least-squares solve is a Cholesky factorisation of G_PP with a tiny ridge for dependent
 * columns, plus one step of iterative refinement.
 */
final class NonNegativeLeastSquares {
    private NonNegativeLeastSquares() {
    }

    /**
     * @param gram  G = EᵀE (symmetric). Not modified.
     * @param g     Eᵀf. Not modified.
     * @param start a guess; negative entries are taken as 0. Not modified.
     * @return v ≥ 0 (the best found within the iteration cap)
     */
    static double[] solve(double[][] gram, double[] g, double[] start) {
        int q = g.length;
        double[] v = new double[q];
        boolean[] passive = new boolean[q];
        double scale = 0;
        for (int k = 0; k < q; k++) {
            v[k] = Math.max(0, start[k]);
            passive[k] = v[k] > 0;
            scale = Math.max(scale, Math.abs(g[k]));
        }
        double tolerance = 1e-13 * Math.max(scale, Double.MIN_NORMAL);
        int cap = 3 * q + 10;
        for (int iteration = 0; iteration < cap; iteration++) {
            if (iteration > 0 || !anyPassive(passive)) {
                int t = mostWanted(gram, g, v, passive, tolerance);
                if (t < 0) {
                    break;
                }
                passive[t] = true;
            }
            v = innerLoop(gram, g, v, passive, cap);
        }
        return v;
    }

    private static boolean anyPassive(boolean[] passive) {
        for (boolean p : passive) {
            if (p) {
                return true;
            }
        }
        return false;
    }

    /** The variable outside P with the largest gradient gₖ − (G v)ₖ above tolerance, or −1. */
    private static int mostWanted(double[][] gram, double[] g, double[] v, boolean[] passive, double tolerance) {
        int best = -1;
        double bestValue = tolerance;
        for (int k = 0; k < g.length; k++) {
            if (!passive[k]) {
                double w = g[k];
                for (int t = 0; t < g.length; t++) {
                    w -= gram[k][t] * v[t];
                }
                if (w > bestValue) {
                    best = k;
                    bestValue = w;
                }
            }
        }
        return best;
    }

    /** Solves on P, stepping back and shrinking P while a solution entry is not positive. Modified: passive. */
    private static double[] innerLoop(double[][] gram, double[] g, double[] v, boolean[] passive, int cap) {
        double[] current = v.clone();
        for (int round = 0; round < cap; round++) {
            double[] s = solveOnPassive(gram, g, passive);
            double alpha = 1;
            for (int k = 0; k < s.length; k++) {
                if (passive[k] && s[k] <= 0) {
                    double gap = current[k] - s[k];
                    alpha = Math.min(alpha, gap > 0 ? current[k] / gap : 0);
                }
            }
            if (alpha >= 1) {
                return s;
            }
            for (int k = 0; k < s.length; k++) {
                current[k] += alpha * (s[k] - current[k]);
                if (passive[k] && current[k] <= 1e-300) {
                    passive[k] = false;
                    current[k] = 0;
                }
            }
        }
        return current;
    }

    /** The least-squares solution with the variables outside P held at 0. */
    private static double[] solveOnPassive(double[][] gram, double[] g, boolean[] passive) {
        int q = g.length;
        int[] index = new int[q];
        int p = 0;
        for (int k = 0; k < q; k++) {
            if (passive[k]) {
                index[p++] = k;
            }
        }
        double[][] normal = new double[p][p];
        double[] rhs = new double[p];
        double trace = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                normal[a][b] = gram[index[a]][index[b]];
            }
            rhs[a] = g[index[a]];
            trace += normal[a][a];
        }
        double[] z = ridgeSolve(normal, rhs, 1e-12 * Math.max(trace / Math.max(p, 1), Double.MIN_NORMAL));
        double[] s = new double[q];
        for (int a = 0; a < p; a++) {
            s[index[a]] = z[a];
        }
        return s;
    }

    /** (M + λI) z = b by Cholesky, then one refinement step against M; 0 when the factorisation fails. Not modified: m, b. */
    private static double[] ridgeSolve(double[][] m, double[] b, double ridge) {
        int p = b.length;
        double[][] factor = new double[p][];
        for (int a = 0; a < p; a++) {
            factor[a] = m[a].clone();
            factor[a][a] += ridge;
        }
        if (!cholesky(factor)) {
            return new double[p];
        }
        double[] z = substitute(factor, b);
        double[] residual = b.clone();
        for (int a = 0; a < p; a++) {
            for (int t = 0; t < p; t++) {
                residual[a] -= m[a][t] * z[t];
            }
        }
        double[] correction = substitute(factor, residual);
        for (int a = 0; a < p; a++) {
            z[a] += correction[a];
        }
        return z;
    }

    /** M = L Lᵀ in place (L in the lower triangle); false when a pivot is not positive. Modified: m. */
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

    /** z with L Lᵀ z = b. Not modified: l, b. */
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
}
