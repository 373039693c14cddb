package org.reluscope.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SvdTest {

    /** A random m × n orthogonal-column matrix from Gram–Schmidt on Gaussian vectors (m ≥ n), row-major. */
    static double[] orthonormalColumns(int m, int n, Random random) {
        double[][] cols = new double[n][m];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                cols[j][i] = random.nextGaussian();
            }
            for (int k = 0; k < j; k++) {
                double d = 0;
                for (int i = 0; i < m; i++) {
                    d += cols[j][i] * cols[k][i];
                }
                for (int i = 0; i < m; i++) {
                    cols[j][i] -= d * cols[k][i];
                }
            }
            double norm = 0;
            for (double x : cols[j]) {
                norm += x * x;
            }
            for (int i = 0; i < m; i++) {
                cols[j][i] /= Math.sqrt(norm);
            }
        }
        double[] a = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[i * n + j] = cols[j][i];
            }
        }
        return a;
    }

    /** A = U diag(σ) Vᵀ with known σ: the SVD must return σ, and A v_j must have norm σ_j. */
    @Test
    void recoversPrescribedSingularValues() {
        Random random = new Random(1);
        int m = 7;
        int n = 5;
        double[] sigma = {9, 4, 1e-3, 1e-7, 0};
        double[] u = orthonormalColumns(m, n, random);
        double[] v = orthonormalColumns(n, n, random);
        double[] a = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    a[i * n + j] += u[i * n + k] * sigma[k] * v[j * n + k];
                }
            }
        }
        Svd svd = Svd.of(m, n, a);
        for (int k = 0; k < n; k++) {
            assertEquals(sigma[k], svd.singularValue(k), 1e-13 * 9);
            double[] vk = svd.rightVector(k);
            double norm = 0;
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += a[i * n + j] * vk[j];
                }
                norm += s * s;
            }
            assertEquals(sigma[k], Math.sqrt(norm), 1e-13 * 9);
        }
        assertEquals(4, svd.rank(1e-9));
        assertEquals(3, svd.rank(1e-6));
        Svd t = Svd.ofTranspose(m, n, a);
        assertEquals(4, t.rank(1e-9));
        assertEquals(9, t.largest(), 1e-12);
    }

    @Test
    void rankOfRandomLowRankProducts() {
        Random random = new Random(2);
        for (int trial = 0; trial < 20; trial++) {
            int m = 2 + random.nextInt(8);
            int n = 2 + random.nextInt(8);
            int r = random.nextInt(Math.min(m, n) + 1);
            double[] a = new double[m * n];
            for (int k = 0; k < r; k++) {
                double[] x = new double[m];
                double[] y = new double[n];
                for (int i = 0; i < m; i++) {
                    x[i] = random.nextGaussian();
                }
                for (int j = 0; j < n; j++) {
                    y[j] = random.nextGaussian();
                }
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        a[i * n + j] += x[i] * y[j];
                    }
                }
            }
            assertEquals(r, Svd.of(m, n, a).rank(1e-9), m + "×" + n + " of rank " + r);
            assertEquals(r, Svd.ofTranspose(m, n, a).rank(1e-9), m + "×" + n + " of rank " + r);
        }
    }
}
