package org.reluscope.algebra;

/**
 * The polytope { x ∈ ℝ^n : A x ≤ b } in H-representation, e.g. an activation region
 * intersected with the input box: its rows are the sign conditions (2D_l − I)(Z_l x + ζ_l) ≥ 0
 * written as ≤ rows, and the box bounds.
 *
 * @param a rows of A, each of length {@code dimension}; owned by the record (do not modify)
 * @param b right-hand sides, one per row
 */
public record HPolytope(int dimension, double[][] a, double[] b) {
    /** @throws IllegalArgumentException on a shape mismatch or a non-finite entry, naming the row */
    public HPolytope {
        if (dimension <= 0) {
            throw new IllegalArgumentException("polytope dimension must be positive, got " + dimension);
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException("polytope has " + a.length + " rows but " + b.length + " right-hand sides");
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != dimension) {
                throw new IllegalArgumentException("polytope row " + i + " has " + a[i].length + " entries, expected "
                        + dimension);
            }
            for (double v : a[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("polytope row " + i + " has entry " + v);
                }
            }
            if (!Double.isFinite(b[i])) {
                throw new IllegalArgumentException("polytope row " + i + " has right-hand side " + b[i]);
            }
        }
    }

    public int rowCount() {
        return b.length;
    }

    /** The box lower ≤ x ≤ upper as 2n rows. Not modified: lower, upper. */
    public static HPolytope box(double[] lower, double[] upper) {
        int n = lower.length;
        double[][] a = new double[2 * n][n];
        double[] b = new double[2 * n];
        for (int i = 0; i < n; i++) {
            a[2 * i][i] = 1;
            b[2 * i] = upper[i];
            a[2 * i + 1][i] = -1;
            b[2 * i + 1] = -lower[i];
        }
        return new HPolytope(n, a, b);
    }

    /** This polytope with the rows of {@code other} added (the intersection). */
    public HPolytope intersect(HPolytope other) {
        if (other.dimension != dimension) {
            throw new IllegalArgumentException("polytopes of dimension " + dimension + " and " + other.dimension);
        }
        double[][] rows = new double[a.length + other.a.length][];
        double[] rhs = new double[rows.length];
        for (int i = 0; i < a.length; i++) {
            rows[i] = a[i];
            rhs[i] = b[i];
        }
        for (int i = 0; i < other.a.length; i++) {
            rows[a.length + i] = other.a[i];
            rhs[a.length + i] = other.b[i];
        }
        return new HPolytope(dimension, rows, rhs);
    }

    /** Largest violation max_i (a_i·x − b_i), ≤ 0 inside. Not modified: x. */
    public double violation(double[] x) {
        double worst = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            double s = -b[i];
            for (int j = 0; j < dimension; j++) {
                s += a[i][j] * x[j];
            }
            worst = Math.max(worst, s);
        }
        return worst;
    }
}
