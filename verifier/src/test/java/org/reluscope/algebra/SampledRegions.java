package org.reluscope.algebra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.reluscope.input.Box;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;

/**
 * A brute-force oracle for the regions of a network on a box, independent of any region
 * enumerator: sample inputs, group them by activation pattern, and build each pattern's
 * affine map from the formulas of MISSION.md (M_l = D_l W_l M_{l−1}, v_l = D_l(W_l v_{l−1} + b_l),
 * J = W_L M_{L−1}, c = W_L v_{L−1} + b_L) and its polytope (box ∩ sign conditions).
 */
final class SampledRegions {
    final List<AffinePiece> pieces = new ArrayList<>();
    final List<double[]> inputs = new ArrayList<>();
    final List<ResidualCheck.Sample> samples = new ArrayList<>();

    SampledRegions(Network net, Box box, int count, long seed) {
        Random random = new Random(seed);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int s = 0; s < count; s++) {
            double[] x = box.sample(random);
            boolean[][] pattern = pattern(net, x);
            String key = label(pattern);
            Integer region = index.get(key);
            if (region == null) {
                region = pieces.size();
                index.put(key, region);
                pieces.add(piece(net, box, pattern, key));
            }
            inputs.add(x);
            samples.add(new ResidualCheck.Sample(net.evaluate(x), region));
        }
    }

    static boolean[][] pattern(Network net, double[] x) {
        double[][] z = net.preActivations(x);
        boolean[][] p = new boolean[net.layerCount() - 1][];
        for (int l = 0; l < p.length; l++) {
            p[l] = new boolean[z[l].length];
            for (int i = 0; i < z[l].length; i++) {
                p[l][i] = z[l][i] > 0;
            }
        }
        return p;
    }

    static String label(boolean[][] pattern) {
        StringBuilder sb = new StringBuilder();
        for (boolean[] layer : pattern) {
            sb.append(sb.length() == 0 ? "" : "|");
            for (boolean b : layer) {
                sb.append(b ? '1' : '0');
            }
        }
        return sb.toString();
    }

    /** (J, c) and the polytope of a pattern, straight from the formulas. */
    static AffinePiece piece(Network net, Box box, boolean[][] pattern, String label) {
        int n0 = net.inputSize();
        double[][] m = new double[n0][n0];
        for (int i = 0; i < n0; i++) {
            m[i][i] = 1;
        }
        double[] v = new double[n0];
        List<double[]> rows = new ArrayList<>();
        List<Double> rhs = new ArrayList<>();
        int hidden = net.layerCount() - 1;
        for (int l = 0; l < hidden; l++) {
            AffineLayer layer = net.layer(l);
            double[][] z = multiply(layer.weightRows(), m);
            double[] zeta = add(multiply(layer.weightRows(), v), layer.bias());
            for (int i = 0; i < z.length; i++) {
                // active: z_i x + ζ_i ≥ 0, i.e. −z_i x ≤ ζ_i; inactive: z_i x ≤ −ζ_i
                double sign = pattern[l][i] ? -1 : 1;
                double[] row = new double[n0];
                for (int j = 0; j < n0; j++) {
                    row[j] = sign * z[i][j];
                }
                rows.add(row);
                rhs.add(pattern[l][i] ? zeta[i] : -zeta[i]);
                if (!pattern[l][i]) {
                    z[i] = new double[n0];
                    zeta[i] = 0;
                }
            }
            m = z;
            v = zeta;
        }
        AffineLayer last = net.layer(hidden);
        HPolytope signs = new HPolytope(n0, rows.toArray(new double[0][]),
                rhs.stream().mapToDouble(Double::doubleValue).toArray());
        return AffinePiece.of(label, multiply(last.weightRows(), m), add(multiply(last.weightRows(), v), last.bias()),
                HPolytope.box(box.lower(), box.upper()).intersect(signs));
    }

    static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    static double[] multiply(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < x.length; j++) {
                y[i] += a[i][j] * x[j];
            }
        }
        return y;
    }

    static double[] add(double[] a, double[] b) {
        double[] c = a.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] += b[i];
        }
        return c;
    }
}
