package org.reluscope.bench;

import java.util.ArrayList;
import java.util.List;
import org.reluscope.lp.LinearProgram;
import org.reluscope.lp.Sense;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;

/**
 * The linear programs of activation regions, the LP shapes region enumeration solves: for the
 * pattern D_l of a point, with M₀ = I, v₀ = 0, Z_l = W_l M_{l−1}, ζ_l = W_l v_{l−1} + b_l,
 * M_l = D_l Z_l, v_l = D_l ζ_l, the region is {(2D_l − I)(Z_l x + ζ_l) ≥ 0} (one row per hidden
 * neuron, layer by layer) and on it f(x) = J x + c with J = W_L M_{L−1}, c = W_L v_{L−1} + b_L.
 */
final class RegionLps {

    /**
     * One region: its pattern bits (layer-major), rows sᵢ aᵢ·x ≥ −sᵢ ζᵢ in the same order and
     * the affine map of the outputs.
     */
    record Region(boolean[] pattern, List<double[]> rows, double[] lowers, double[][] jacobian, double[] offset) {

        /** The first row index where this region's rows differ from {@code other}'s (rows depend on earlier bits only). */
        int commonPrefix(Region other) {
            int k = 0;
            while (k < pattern.length && pattern[k] == other.pattern[k]) {
                k++;
            }
            return k;
        }

        /** max/min of output {@code k} over the region inside the box [lo, hi]. Not modified: lo, hi. */
        LinearProgram program(double[] lo, double[] hi, int output, Sense sense) {
            LinearProgram.Builder b = LinearProgram.builder();
            b.addVariables(lo, hi);
            for (int i = 0; i < rows.size(); i++) {
                b.addDenseRow(rows.get(i), lowers[i], Double.POSITIVE_INFINITY);
            }
            return b.objective(jacobian[output], offset[output], sense).build();
        }
    }

    private RegionLps() {
    }

    /** The region of {@code point}. Not modified: point. */
    static Region of(Network net, double[] point) {
        int n = net.inputSize();
        double[][] m = identity(n);
        double[] v = new double[n];
        double[] a = point.clone();
        List<double[]> rows = new ArrayList<>();
        List<Double> lowers = new ArrayList<>();
        List<Boolean> bits = new ArrayList<>();
        for (AffineLayer layer : net.layers()) {
            double[][] z = multiply(layer, m);
            double[] zeta = affine(layer, v);
            if (layer.activation() != Activation.RELU) {
                return new Region(toArray(bits), rows, lowers.stream().mapToDouble(Double::doubleValue).toArray(), z, zeta);
            }
            double[] pre = affine(layer, a);
            for (int i = 0; i < layer.outputSize(); i++) {
                boolean active = pre[i] > 0;
                double s = active ? 1 : -1;
                double[] row = new double[n];
                for (int j = 0; j < n; j++) {
                    row[j] = s * z[i][j];
                }
                rows.add(row);
                lowers.add(-s * zeta[i]);
                bits.add(active);
                if (!active) {
                    z[i] = new double[n];
                    zeta[i] = 0;
                    pre[i] = 0;
                }
            }
            m = z;
            v = zeta;
            a = pre;
        }
        throw new IllegalArgumentException("the network has no affine output layer");
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int j = 0; j < n; j++) {
            m[j][j] = 1;
        }
        return m;
    }

    /** W M for the layer's W. */
    private static double[][] multiply(AffineLayer layer, double[][] m) {
        int n = m[0].length;
        double[] w = layer.weights();
        double[][] out = new double[layer.outputSize()][n];
        for (int i = 0; i < layer.outputSize(); i++) {
            for (int k = 0; k < layer.inputSize(); k++) {
                double wik = w[i * layer.inputSize() + k];
                if (wik != 0) {
                    for (int j = 0; j < n; j++) {
                        out[i][j] += wik * m[k][j];
                    }
                }
            }
        }
        return out;
    }

    /** W x + b. */
    private static double[] affine(AffineLayer layer, double[] x) {
        double[] z = new double[layer.outputSize()];
        layer.preActivation(x, z);
        return z;
    }

    private static boolean[] toArray(List<Boolean> bits) {
        boolean[] b = new boolean[bits.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = bits.get(i);
        }
        return b;
    }
}
