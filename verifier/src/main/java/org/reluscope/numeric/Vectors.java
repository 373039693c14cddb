package org.reluscope.numeric;

/** Small dense-vector operations on primitive arrays, shared by the algebra and symmetry code. */
public final class Vectors {
    private Vectors() {
    }

    /** Σ a_j b_j. Not modified: a, b. */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    /** y += s·x. Not modified: x. Modified: y. */
    public static void axpy(double s, double[] x, double[] y) {
        for (int j = 0; j < x.length; j++) {
            y[j] += s * x[j];
        }
    }

    /** max_j |v_j|. Not modified: v. */
    public static double normInf(double[] v) {
        double n = 0;
        for (double x : v) {
            n = Math.max(n, Math.abs(x));
        }
        return n;
    }

    /** ‖v‖₂. Not modified: v. */
    public static double norm2(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    /** s·v as a new array. Not modified: v. */
    public static double[] scaled(double s, double[] v) {
        double[] r = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            r[j] = s * v[j];
        }
        return r;
    }

    /** M x for M given by rows. Not modified: m, x. */
    public static double[] apply(double[][] m, double[] x) {
        double[] y = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            y[i] = dot(m[i], x);
        }
        return y;
    }

    /** Whether |a_j − b_j| ≤ tol for every j. Not modified: a, b. */
    public static boolean within(double[] a, double[] b, double tol) {
        for (int j = 0; j < a.length; j++) {
            if (!(Math.abs(a[j] - b[j]) <= tol)) {
                return false;
            }
        }
        return true;
    }

    /** A copy of every row. Not modified: a. */
    public static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** vec(a bᵀ), row-major: entry (i, j) at i·|b| + j. Not modified: a, b. */
    public static double[] outer(double[] a, double[] b) {
        double[] v = new double[a.length * b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                v[i * b.length + j] = a[i] * b[j];
            }
        }
        return v;
    }
}
