package org.reluscope.bounds;

import java.util.Arrays;

import org.reluscope.input.Box;
import org.reluscope.lp.LinearProgram;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;

/**
 * The triangle (Planet / Ehlers) LP relaxation of layers 0..m of a network, given their
 * pre-activation bounds:
 * <pre>
 *   x ∈ bounding box of the set
 *   z_l = W_l a_{l−1} + b_l,   l_{l,j} ≤ z_{l,j} ≤ u_{l,j}          (a_{−1} = x)
 *   a_{l,j} = z_{l,j}        if the neuron is active or affine (l ≥ 0)
 *   a_{l,j} = 0              if it is inactive (u ≤ 0)
 *   a ≥ 0, a ≥ z, a ≤ λ̃ z + t  if it is unstable, λ̃ ≥ u/(u − l), t ≥ −λ̃ l
 * </pre>
 * Every row holds exactly for the real network values (the equality rows use the network's
 * own floating-point weights as exact coefficients; the chord is rounded upward as in
 * {@link ReluRelaxation}), so a rigorous bound on the LP optimum is a sound bound on the
 * network. The ball of an L2 input set is added by {@link TriangleRelaxation} as tangent cuts.
 */
final class TriangleLp {
    /** Marks an activation that is the constant 0 (no variable). */
    static final int ZERO = -1;

    final LinearProgram program;
    /** zVar[l][j]: the variable of z_{l,j}. */
    final int[][] zVar;
    /** aVar[l][j]: the variable of a_{l,j}, or {@link #ZERO}. */
    final int[][] aVar;

    private TriangleLp(LinearProgram program, int[][] zVar, int[][] aVar) {
        this.program = program;
        this.zVar = zVar;
        this.aVar = aVar;
    }

    /** The relaxation of layers 0..m (pre-activations and activations), from the final bounds in {@code state}. */
    static TriangleLp build(PartialBounds state, int m) {
        LinearProgram.Builder b = LinearProgram.builder();
        Box box = state.set.boundingBox();
        int[] previous = new int[box.dimension()];
        for (int i = 0; i < previous.length; i++) {
            previous[i] = b.addVariable(box.lower(i), box.upper(i));
        }
        int[][] zVar = new int[m + 1][];
        int[][] aVar = new int[m + 1][];
        for (int l = 0; l <= m; l++) {
            zVar[l] = affineRows(b, state, l, previous);
            aVar[l] = activations(b, state, l, zVar[l]);
            previous = aVar[l];
        }
        return new TriangleLp(b.build(), zVar, aVar);
    }

    /** Variables z_l with their bounds and the rows z_l − W_l a_{l−1} = b_l. */
    private static int[] affineRows(LinearProgram.Builder b, PartialBounds state, int l, int[] previous) {
        AffineLayer layer = state.network.layer(l);
        int n = layer.inputSize();
        int live = 0;
        for (int v : previous) {
            if (v != ZERO) {
                live++;
            }
        }
        int[] z = new int[layer.outputSize()];
        double[] w = layer.weights();
        for (int j = 0; j < z.length; j++) {
            z[j] = b.addVariable(state.lower[l][j], state.upper[l][j]);
            int[] idx = new int[live + 1];
            double[] val = new double[live + 1];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (previous[i] != ZERO && w[j * n + i] != 0) {
                    idx[k] = previous[i];
                    val[k++] = -w[j * n + i];
                }
            }
            idx[k] = z[j];
            val[k++] = 1;
            b.addRow(Arrays.copyOf(idx, k), Arrays.copyOf(val, k), layer.bias()[j], layer.bias()[j]);
        }
        return z;
    }

    /** The activation of each neuron of layer l: its z, nothing, or a new variable in the triangle. */
    private static int[] activations(LinearProgram.Builder b, PartialBounds state, int l, int[] z) {
        int[] a = new int[z.length];
        boolean relu = state.activation(l) == Activation.RELU;
        for (int j = 0; j < z.length; j++) {
            double lo = state.lower[l][j];
            double hi = state.upper[l][j];
            if (!relu || lo >= 0) {
                a[j] = z[j];
            } else if (hi <= 0) {
                a[j] = ZERO;
            } else {
                double slope = ReluRelaxation.upperSlope(lo, hi);
                double intercept = ReluRelaxation.upperIntercept(lo, hi, slope);
                a[j] = b.addVariable(0, hi);
                b.addRow(new int[] {a[j], z[j]}, new double[] {1, -1}, 0, Double.POSITIVE_INFINITY);
                b.addRow(new int[] {a[j], z[j]}, new double[] {1, -slope}, Double.NEGATIVE_INFINITY, intercept);
            }
        }
        return a;
    }

    /**
     * The objective Σ_i coef[i]·a_{l,i} over the program's variables (inactive neurons drop
     * out). Not modified: coef.
     */
    double[] objectiveOn(int l, double[] coef, int offset) {
        double[] c = new double[program.variableCount()];
        for (int i = 0; i < aVar[l].length; i++) {
            if (aVar[l][i] != ZERO) {
                c[aVar[l][i]] += coef[offset + i];
            }
        }
        return c;
    }
}
