package org.reluscope.region;

import java.util.Arrays;

import org.reluscope.input.InputSet;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.numeric.Rounding;

/**
 * The pre-activations of one layer on a piece whose earlier layers have fixed phases: with
 * a_{l−1} = M x + v there, z_l = Z x + ζ, Z = W_l M, ζ = W_l v + b_l (MISSION.md), and each
 * neuron's sign on the whole input set S where S alone decides it.
 *
 * <p>The sign on S comes from S's rigorous support function: z ≤ 0 on S when
 * h_S(Z_i) + ζ_i ≤ 0 (inactive), z ≥ 0 when −h_S(−Z_i) + ζ_i ≥ 0 (active). A row that is
 * zero over S's free coordinates (up to rounding noise) makes z constant on S, decided by its
 * value at S's centre (z = 0 counts as inactive). Immutable after construction.
 */
final class LayerState {
    /** The sign of a neuron on S. */
    static final byte ACTIVE = 1;
    static final byte INACTIVE = -1;
    static final byte UNDECIDED = 0;

    final int layer;
    final int width;
    final int inputs;
    final double[] z;
    final double[] zeta;
    final byte[] onSet;
    /** ‖Z_i‖ over S's free coordinates. */
    final double[] norms;
    /** Whether z_i is constant on S (its sign in {@link #onSet} is then exact). */
    final boolean[] constant;
    final boolean relu;

    private LayerState(int layer, int width, int inputs, double[] z, double[] zeta, byte[] onSet, double[] norms,
                       boolean[] constant, boolean relu) {
        this.layer = layer;
        this.width = width;
        this.inputs = inputs;
        this.z = z;
        this.zeta = zeta;
        this.onSet = onSet;
        this.norms = norms;
        this.constant = constant;
        this.relu = relu;
    }

    /** Layer {@code l} given a_{l−1} = M x + v (M row-major, rows = the layer's inputs). Not modified: m, v. */
    static LayerState enter(Network network, SetGeometry geometry, int l, double[] m, double[] v) {
        AffineLayer layer = network.layer(l);
        int n = geometry.dimension;
        int in = layer.inputSize();
        int out = layer.outputSize();
        double[] w = layer.weights();
        double[] z = new double[out * n];
        double[] zeta = layer.bias().clone();
        for (int i = 0; i < out; i++) {
            int zi = i * n;
            for (int k = 0; k < in; k++) {
                double wik = w[i * in + k];
                if (wik != 0 && v[k] != 0) {
                    zeta[i] += wik * v[k];
                }
                if (wik != 0) {
                    int mk = k * n;
                    for (int j = 0; j < n; j++) {
                        z[zi + j] += wik * m[mk + j];
                    }
                }
            }
        }
        boolean relu = layer.activation() == Activation.RELU;
        byte[] onSet = new byte[out];
        double[] norms = new double[out];
        boolean[] constant = new boolean[out];
        double[] row = new double[n];
        double[] centre = geometry.set.center();
        for (int i = 0; i < out; i++) {
            System.arraycopy(z, i * n, row, 0, n);
            norms[i] = geometry.freeNorm(row);
            double scale = Math.abs(zeta[i]);
            for (int j = 0; j < n; j++) {
                scale += Math.abs(row[j]) * Math.max(Math.abs(geometry.bounds.lower(j)),
                        Math.abs(geometry.bounds.upper(j)));
            }
            constant[i] = norms[i] <= 1e-14 * scale;
            if (relu) {
                onSet[i] = constant[i] ? valueSign(row, zeta[i], centre) : sign(geometry.set, row, zeta[i]);
            }
        }
        return new LayerState(l, out, n, z, zeta, onSet, norms, constant, relu);
    }

    /** The sign of a z that is constant on S: its value at the centre. */
    private static byte valueSign(double[] row, double zeta, double[] centre) {
        double value = zeta;
        for (int j = 0; j < row.length; j++) {
            value += row[j] * centre[j];
        }
        return value > 0 ? ACTIVE : INACTIVE;
    }

    /** The sign of z on a set from its rigorous support, or UNDECIDED. */
    private static byte sign(InputSet set, double[] row, double zeta) {
        if (Rounding.addUp(set.support(row), zeta) <= 0) {
            return INACTIVE;
        }
        if (Rounding.addDown(set.lowerSupport(row), zeta) >= 0) {
            return ACTIVE;
        }
        return UNDECIDED;
    }

    /** The sign of neuron i's pre-activation on {@code set} (e.g. a piece's outer box), or UNDECIDED. */
    byte signOn(InputSet set, int i) {
        return sign(set, Arrays.copyOfRange(z, i * inputs, (i + 1) * inputs), zeta[i]);
    }

    /** Z_i x + ζ_i ≥ 0 (active) or ≤ 0 (inactive) as a unit row a·x ≤ b. */
    HalfSpace halfSpace(int i, boolean active) {
        double s = active ? -1 / norms[i] : 1 / norms[i];
        double[] a = new double[inputs];
        for (int j = 0; j < inputs; j++) {
            a[j] = s * z[i * inputs + j];
        }
        return new HalfSpace(a, -s * zeta[i]);
    }

    /**
     * a_l = D Z x + D ζ for the phases {@code active} (all active for an affine layer): the M
     * and v of the next layer, as {@code {M, v}}. Not modified: active.
     */
    double[][] activations(boolean[] active) {
        double[] m = z.clone();
        double[] v = zeta.clone();
        if (relu) {
            for (int i = 0; i < width; i++) {
                if (!active[i]) {
                    Arrays.fill(m, i * inputs, (i + 1) * inputs, 0.0);
                    v[i] = 0;
                }
            }
        }
        return new double[][] {m, v};
    }
}
