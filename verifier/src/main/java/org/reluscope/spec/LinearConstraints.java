package org.reluscope.spec;

import java.util.Arrays;

/**
 * The polyhedron { y : A y ≤ b } over the network's outputs, with A of shape {@code rows × dim}.
 * In a {@link Property} it describes (one disjunct of) the UNSAFE outputs.
 */
public record LinearConstraints(double[][] a, double[] b) {

    public LinearConstraints {
        if (a.length != b.length) {
            throw new IllegalArgumentException("constraints have " + a.length + " rows but " + b.length + " right-hand sides");
        }
        int n = a.length == 0 ? 0 : a[0].length;
        double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("constraint row " + i + " has " + a[i].length + " entries, row 0 has " + n);
            }
            for (double v : a[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("constraint row " + i + " has entry " + v);
                }
            }
            if (Double.isNaN(b[i])) {
                throw new IllegalArgumentException("constraint row " + i + " has right-hand side NaN");
            }
            copy[i] = a[i].clone();
        }
        a = copy;
        b = b.clone();
    }

    /** A single row c·y ≤ d. Not modified: c. */
    public static LinearConstraints of(double[] c, double d) {
        return new LinearConstraints(new double[][] {c}, new double[] {d});
    }

    @Override
    public double[][] a() {
        double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }

    @Override
    public double[] b() {
        return b.clone();
    }

    /** Row i of A, copied. */
    public double[] row(int i) {
        return a[i].clone();
    }

    public double rhs(int i) {
        return b[i];
    }

    public int rowCount() {
        return a.length;
    }

    /**
     * max_i (a_i·y − b_i): ≤ 0 exactly when y satisfies every row. For an unsafe set, a
     * negative margin at every point of the reachable set proves nothing is unsafe only if it
     * is negative for at least one row at each point — see {@link Property}.
     * Not modified: y.
     */
    public double violation(double[] y) {
        double worst = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, excess(i, y));
        }
        return worst;
    }

    /** a_i·y − b_i, the amount by which y exceeds row i (≤ 0 when it satisfies it). Not modified: y. */
    public double excess(int i, double[] y) {
        double s = -b[i];
        for (int j = 0; j < y.length; j++) {
            s += a[i][j] * y[j];
        }
        return s;
    }

    /** Whether y satisfies every row exactly as evaluated in double precision. Not modified: y. */
    public boolean contains(double[] y) {
        return violation(y) <= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearConstraints c && Arrays.deepEquals(c.a, a) && Arrays.equals(c.b, b);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(a) + Arrays.hashCode(b);
    }

    @Override
    public String toString() {
        return "LinearConstraints[" + a.length + " rows]";
    }
}
