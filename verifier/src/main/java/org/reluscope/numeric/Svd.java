package org.reluscope.numeric;

import java.util.Arrays;

/**
 * Singular value decomposition A = U Σ Vᵀ of a dense m × n matrix by one-sided Jacobi
 * rotations (Hestenes): plane rotations V ← V G are applied to the columns of A until every
 * pair of columns of A V is orthogonal; then the column norms of A V are the singular values
 * and V holds the right singular vectors. One-sided Jacobi computes small singular values to
 * high relative accuracy (Demmel and Veselić, 1992), which is what a numerical rank needs:
 * a rank-deficient product of weight matrices has singular values at round-off level, far
 * below the genuine ones.
 *
 * <p>Work is O(n²·m) per sweep, so for a wide matrix decompose its transpose: the right
 * singular vectors of Aᵀ are the left singular vectors of A. Written for this project (no
 * external linear-algebra library) so that the verifier depends on no solver package.
 *
 * <p>Immutable result.
 */
public final class Svd {
    private static final int MAX_SWEEPS = 80;

    private final int cols;
    private final double[] singularValues;
    /** Right singular vectors, column j of V stored at v[k * cols + j], ordered as the singular values. */
    private final double[] v;

    private Svd(int cols, double[] singularValues, double[] v) {
        this.cols = cols;
        this.singularValues = singularValues;
        this.v = v;
    }

    /**
     * The SVD of the m × n matrix a (row-major).
     *
     * @param a row-major, rows·cols entries, all finite. Not modified.
     * @throws IllegalArgumentException on a shape mismatch or a non-finite entry
     */
    public static Svd of(int rows, int cols, double[] a) {
        if (rows < 0 || cols < 0 || a.length != rows * cols) {
            throw new IllegalArgumentException("matrix is said to be " + rows + "×" + cols + " but has "
                    + a.length + " entries");
        }
        double[][] g = new double[cols][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double x = a[i * cols + j];
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("matrix entry [" + i + "][" + j + "] is " + x);
                }
                g[j][i] = x;
            }
        }
        double[][] vc = new double[cols][cols];
        for (int j = 0; j < cols; j++) {
            vc[j][j] = 1;
        }
        boolean rotated = true;
        for (int sweep = 0; rotated && sweep < MAX_SWEEPS; sweep++) {
            rotated = rotateAllPairs(g, vc);
        }
        return sorted(g, vc);
    }

    /** The SVD of the transpose of the m × n matrix a: its right singular vectors are A's left ones. Not modified: a. */
    public static Svd ofTranspose(int rows, int cols, double[] a) {
        double[] t = new double[a.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = a[i * cols + j];
            }
        }
        return of(cols, rows, t);
    }

    /** One sweep over all column pairs; returns whether any pair was rotated. Modified: g, vc. */
    private static boolean rotateAllPairs(double[][] g, double[][] vc) {
        boolean rotated = false;
        for (int p = 0; p < g.length - 1; p++) {
            for (int q = p + 1; q < g.length; q++) {
                rotated |= rotatePair(g[p], g[q], vc[p], vc[q]);
            }
        }
        return rotated;
    }

    /**
     * Rotates columns p and q so that they become orthogonal, using the rotation that
     * diagonalises their 2 × 2 Gram matrix [[α, γ], [γ, β]]. Modified: gp, gq, vp, vq.
     */
    private static boolean rotatePair(double[] gp, double[] gq, double[] vp, double[] vq) {
        double alpha = 0;
        double beta = 0;
        double gamma = 0;
        for (int i = 0; i < gp.length; i++) {
            alpha += gp[i] * gp[i];
            beta += gq[i] * gq[i];
            gamma += gp[i] * gq[i];
        }
        if (gamma == 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) {
            return false;
        }
        double zeta = (beta - alpha) / (2 * gamma);
        // the smaller root of t² + 2ζt − 1 = 0, for a rotation by at most 45°
        double t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        double c = 1 / Math.sqrt(1 + t * t);
        double s = c * t;
        rotate(gp, gq, c, s);
        rotate(vp, vq, c, s);
        return true;
    }

    /** (x, y) ← (c·x − s·y, s·x + c·y). Modified: x, y. */
    private static void rotate(double[] x, double[] y, double c, double s) {
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double yi = y[i];
            x[i] = c * xi - s * yi;
            y[i] = s * xi + c * yi;
        }
    }

    private static Svd sorted(double[][] g, double[][] vc) {
        int n = g.length;
        double[] norms = new double[n];
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (double x : g[j]) {
                s += x * x;
            }
            norms[j] = Math.sqrt(s);
            order[j] = j;
        }
        Arrays.sort(order, (x, y) -> Double.compare(norms[y], norms[x]));
        double[] sigma = new double[n];
        double[] v = new double[n * n];
        for (int r = 0; r < n; r++) {
            int j = order[r];
            sigma[r] = norms[j];
            for (int k = 0; k < n; k++) {
                v[k * n + r] = vc[j][k];
            }
        }
        return new Svd(n, sigma, v);
    }

    /** σ_1 ≥ σ_2 ≥ … ≥ σ_n ≥ 0 (n = number of columns; entries past min(m, n) are zero). Copied. */
    public double[] singularValues() {
        return singularValues.clone();
    }

    public double singularValue(int j) {
        return singularValues[j];
    }

    /** σ_1, the spectral norm (0 for an empty or zero matrix). */
    public double largest() {
        return singularValues.length == 0 ? 0 : singularValues[0];
    }

    /** Right singular vector j (unit length), belonging to σ_j. */
    public double[] rightVector(int j) {
        double[] x = new double[cols];
        for (int k = 0; k < cols; k++) {
            x[k] = v[k * cols + j];
        }
        return x;
    }

    /**
     * The numerical rank: the number of σ_j &gt; relativeTolerance · σ_1. A zero matrix has
     * rank 0. The tolerance is relative so that the rank does not change when A is scaled.
     */
    public int rank(double relativeTolerance) {
        double threshold = relativeTolerance * largest();
        int r = 0;
        while (r < singularValues.length && singularValues[r] > threshold) {
            r++;
        }
        return r;
    }

    /**
     * σ_r / σ_{r+1} for the rank r at this tolerance: how clearly the numerical rank is
     * separated (infinite when σ_{r+1} is exactly 0 or does not exist).
     */
    public double rankGap(double relativeTolerance) {
        int r = rank(relativeTolerance);
        if (r == 0 || r >= singularValues.length || singularValues[r] == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return singularValues[r - 1] / singularValues[r];
    }
}
