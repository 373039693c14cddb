package org.reluscope.symmetry;

import org.reluscope.net.AffineLayer;
import org.reluscope.numeric.Rounding;

/**
 * An affine map z = A a + c known up to rounding, in midpoint-radius form: the exact A and c
 * satisfy |A − Â| ≤ R and |c − ĉ| ≤ r entry-wise. It is the composition of affine layers with
 * ReLU units of fixed phase between them (σ(z) = z or 0 on a domain), computed in floating
 * point with every rounding error moved into the radii, so that a bound built from it holds
 * for the exact real composition.
 *
 * <p>One step z' = W P z + b, with P = diag(p) the 0/1 phase mask, gives
 * Â' = fl(W P Â), R' ≥ |W| P R + |W P Â − fl(W P Â)|, and the rounding term is at most
 * γ_{n+2} Σ_k |W_ik p_k Â_kj| ({@link Rounding}); likewise for c. Immutable.
 */
final class IntervalAffineMap {
    private final int rows;
    private final int cols;
    private final double[] center;
    private final double[] radius;
    private final double[] offset;
    private final double[] offsetRadius;

    private IntervalAffineMap(int rows, int cols, double[] center, double[] radius, double[] offset,
                              double[] offsetRadius) {
        this.rows = rows;
        this.cols = cols;
        this.center = center;
        this.radius = radius;
        this.offset = offset;
        this.offsetRadius = offsetRadius;
    }

    /** The layer's own affine map, exact (radii 0). */
    static IntervalAffineMap of(AffineLayer layer) {
        int m = layer.outputSize();
        int n = layer.inputSize();
        return new IntervalAffineMap(m, n, layer.weights().clone(), new double[m * n], layer.bias().clone(),
                new double[m]);
    }

    /**
     * {@code next} after this map with the units in between in the phases {@code pass}
     * (true: σ(z) = z, false: σ(z) = 0). Not modified: pass.
     */
    IntervalAffineMap then(AffineLayer next, boolean[] pass) {
        int m = next.outputSize();
        int k = next.inputSize();
        double[] w = next.weights();
        double[] c = new double[m * cols];
        double[] r = new double[m * cols];
        double[] o = new double[m];
        double[] or = new double[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < cols; j++) {
                double s = 0;
                double mag = 0;
                double rad = 0;
                for (int q = 0; q < k; q++) {
                    double wiq = w[i * k + q];
                    if (pass[q] && wiq != 0) {
                        double t = wiq * center[q * cols + j];
                        s += t;
                        mag += Math.abs(t);
                        rad += Math.abs(wiq) * radius[q * cols + j];
                    }
                }
                c[i * cols + j] = s;
                r[i * cols + j] = Rounding.up(rad, rad + mag, k);
            }
            double s = next.bias()[i];
            double mag = Math.abs(s);
            double rad = 0;
            for (int q = 0; q < k; q++) {
                double wiq = w[i * k + q];
                if (pass[q] && wiq != 0) {
                    double t = wiq * offset[q];
                    s += t;
                    mag += Math.abs(t);
                    rad += Math.abs(wiq) * offsetRadius[q];
                }
            }
            o[i] = s;
            or[i] = Rounding.up(rad, rad + mag, k + 1);
        }
        return new IntervalAffineMap(m, cols, c, r, o, or);
    }

    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }

    /** Â_ij. */
    double center(int i, int j) {
        return center[i * cols + j];
    }

    /** R_ij. */
    double radius(int i, int j) {
        return radius[i * cols + j];
    }

    /** ĉ_i. */
    double offset(int i) {
        return offset[i];
    }

    /** r_i. */
    double offsetRadius(int i) {
        return offsetRadius[i];
    }
}
