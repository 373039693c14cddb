package org.reluscope.algebra;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The vertices of a small bounded polytope { x ∈ ℝ^n : A x ≤ b } by brute force: every vertex
 * is the solution of n linearly independent rows taken with equality that satisfies the other
 * rows, so solving all C(m, n) square systems finds them all. Exact up to round-off and free
 * of any LP solver, but exponential: refused (empty) beyond a cap on the number of systems.
 * As a {@link SupportOracle}, argmax g·x is taken over the vertex list.
 */
public final class VertexEnumeration {
    /** The default cap on the number of n × n systems, a fraction of a second of work. */
    public static final long DEFAULT_MAX_SYSTEMS = 2_000_000;

    private VertexEnumeration() {
    }

    /**
     * The vertices, without repeats, or empty when C(m, n) exceeds {@code maxSystems}. A
     * polytope with no vertex (empty, or unbounded without one) gives an empty list.
     */
    public static Optional<List<double[]>> vertices(HPolytope p, long maxSystems) {
        int n = p.dimension();
        int m = p.rowCount();
        if (Minors.binomial(m, n) > maxSystems) {
            return Optional.empty();
        }
        double scale = 1;
        for (double bi : p.b()) {
            scale = Math.max(scale, Math.abs(bi));
        }
        double slack = 1e-9 * scale;
        List<double[]> out = new ArrayList<>();
        for (int[] rows : Minors.subsets(m, n)) {
            double[] x = solve(p, rows);
            if (x != null && p.violation(x) <= slack && !isKnown(out, x, slack)) {
                out.add(x);
            }
        }
        return Optional.of(out);
    }

    /** A factory that enumerates the vertices of each polytope once (within the default cap). */
    public static SupportOracle.Factory factory() {
        return polytope -> vertices(polytope, DEFAULT_MAX_SYSTEMS)
                .filter(v -> !v.isEmpty())
                .map(VertexEnumeration::oracle);
    }

    /** argmax over a fixed non-empty list of vertices. */
    static SupportOracle oracle(List<double[]> vertices) {
        return g -> {
            double[] best = null;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (double[] v : vertices) {
                double s = 0;
                for (int j = 0; j < g.length; j++) {
                    s += g[j] * v[j];
                }
                if (s > bestValue) {
                    bestValue = s;
                    best = v;
                }
            }
            return Optional.of(best.clone());
        };
    }

    private static boolean isKnown(List<double[]> known, double[] x, double slack) {
        for (double[] v : known) {
            double d = 0;
            for (int j = 0; j < x.length; j++) {
                d = Math.max(d, Math.abs(v[j] - x[j]));
            }
            if (d <= slack) {
                return true;
            }
        }
        return false;
    }

    /** The solution of A_rows x = b_rows by partial pivoting, or null when singular. */
    private static double[] solve(HPolytope p, int[] rows) {
        int n = rows.length;
        double[][] m = new double[n][n + 1];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(p.a()[rows[i]], 0, m[i], 0, n);
            m[i][n] = p.b()[rows[i]];
            for (int j = 0; j < n; j++) {
                scale = Math.max(scale, Math.abs(m[i][j]));
            }
        }
        for (int k = 0; k < n; k++) {
            int pivot = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(m[i][k]) > Math.abs(m[pivot][k])) {
                    pivot = i;
                }
            }
            if (Math.abs(m[pivot][k]) <= 1e-12 * scale) {
                return null;
            }
            double[] t = m[pivot];
            m[pivot] = m[k];
            m[k] = t;
            for (int i = k + 1; i < n; i++) {
                double f = m[i][k] / m[k][k];
                for (int j = k; j <= n; j++) {
                    m[i][j] -= f * m[k][j];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = m[i][n];
            for (int j = i + 1; j < n; j++) {
                s -= m[i][j] * x[j];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }
}
