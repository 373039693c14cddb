package org.reluscope.bounds;

import java.util.Arrays;

import org.reluscope.input.InputSet;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.numeric.Rounding;

/**
 * Back-substitution of linear upper bounds through the layers (the CROWN / DeepPoly step),
 * with rigorous accounting of floating-point rounding. A reusable workspace: its buffers grow
 * to the largest problem seen and are reused by later calls. Not thread-safe.
 *
 * <p>Each of R rows holds an upper bound of the form objective ≤ H·a_l + D, valid on the set,
 * where H is a floating-point vector (whatever was computed) and D is kept as a sum with its
 * magnitude. One step {@link #throughLayer} goes from a_l to a_{l−1}:
 * <ol>
 *   <li>through σ_l: H_j a_j ≤ g_j z_j (+ H_j t_j) with the relaxation of
 *       {@link ReluRelaxation} chosen by the sign of H_j (upper line for H_j &gt; 0, lower line
 *       otherwise). The product g_j = fl(H_j λ̃_j) errs by at most u|g_j|, which over
 *       |z_j| ≤ m_j = max(|l_j|, |u_j|) costs at most γ_2·Σ|g_j| m_j;</li>
 *   <li>through the affine map: g·z_l = (gᵀW)·a_{l−1} + g·b. The computed H' = fl(gᵀW) errs
 *       entry-wise by at most γ_n Σ_j|g_j||W_ji| (n = width of layer l), so
 *       (gᵀW − H')·a_{l−1} ≤ γ_n Σ_j |g_j| ρ_j with ρ_j ≥ Σ_i |W_ji| max|a_{l−1,i}|
 *       ({@link PartialBounds#rho(int, int)}).</li>
 * </ol>
 * Both error terms are added to D. At the input, {@link #concretise} returns
 * support(H) + D with D widened by γ·(magnitude) for the rounding of its own sum and
 * products ({@link Rounding#up}); {@link InputSet#support} is rigorous for the floating H.
 * The result therefore bounds the objective of the exact real network, whatever rounding the
 * matrix products suffered.
 */
final class BackSubstitution {
    private static final byte INACTIVE = 0;
    private static final byte PASS = 1;
    private static final byte UNSTABLE = 2;

    private double[] coef = new double[0];
    private double[] next = new double[0];
    private double[] sum = new double[0];
    private double[] mag = new double[0];
    private byte[] kind = new byte[0];
    private double[] slope = new double[0];
    private double[] intercept = new double[0];
    private double[] lowSlope = new double[0];
    private double[] zMag = new double[0];
    private double[] row = new double[0];
    /** Lower slopes chosen by the caller (slopeOne[l][j]: 1, else 0) instead of the adaptive ones, or null. */
    private boolean[][] slopeOne;
    private int rows;
    private int width;
    /** An upper bound on the rounding operations behind each row's D. */
    private int terms;

    /**
     * Rows ±(W_k)_i on a_{k−1} with D = ±(b_k)_i for each listed neuron i: row 2q bounds
     * z_{k,i} from above, row 2q + 1 bounds −z_{k,i}. Not modified: neurons.
     */
    void startFromLayer(Network network, int k, int[] neurons, int count) {
        AffineLayer layer = network.layer(k);
        int n = layer.inputSize();
        reserveRows(2 * count, n);
        double[] w = layer.weights();
        double[] b = layer.bias();
        for (int q = 0; q < count; q++) {
            int i = neurons[q];
            int up = 2 * q * n;
            int down = up + n;
            for (int c = 0; c < n; c++) {
                coef[up + c] = w[i * n + c];
                coef[down + c] = -w[i * n + c];
            }
            sum[2 * q] = b[i];
            sum[2 * q + 1] = -b[i];
            mag[2 * q] = Math.abs(b[i]);
            mag[2 * q + 1] = Math.abs(b[i]);
        }
        rows = 2 * count;
        width = n;
        terms = 1;
    }

    /**
     * One row s·(W_k)_i on a_{k−1} with D = s·(b_k)_i (s = ±1): an upper bound on s·z_{k,i},
     * for a bound with parameters of its own.
     */
    void startFromNeuron(Network network, int k, int i, int sign) {
        AffineLayer layer = network.layer(k);
        int n = layer.inputSize();
        reserveRows(1, n);
        double[] w = layer.weights();
        for (int c = 0; c < n; c++) {
            coef[c] = sign * w[i * n + c];
        }
        sum[0] = sign * layer.bias()[i];
        mag[0] = Math.abs(sum[0]);
        rows = 1;
        width = n;
        terms = 1;
    }

    /** One row per objective c_r on the network's outputs a_L. Not modified: objectives. */
    void startFromObjectives(double[][] objectives) {
        int n = objectives[0].length;
        reserveRows(objectives.length, n);
        for (int r = 0; r < objectives.length; r++) {
            System.arraycopy(objectives[r], 0, coef, r * n, n);
            sum[r] = 0;
            mag[r] = 0;
        }
        rows = objectives.length;
        width = n;
        terms = 0;
    }

    /**
     * Uses lower slope 1 for the unstable neurons marked in {@code slopeOne} and 0 for the others
     * (σ(z) ≥ α z holds on [l, u] for any α ∈ [0, 1], and 0 or 1 keeps the products exact),
     * until reset with null. Not copied: slopeOne.
     */
    void fixLowerSlopes(boolean[][] slopeOne) {
        this.slopeOne = slopeOne;
    }

    /** Substitutes through σ_l and W_l: rows on a_l become rows on a_{l−1} (on x for l = 0). */
    void throughLayer(PartialBounds state, int l) {
        throughLayer(state, l, null);
    }

    /**
     * {@link #throughLayer(PartialBounds, int)} with the lower slopes and split multipliers of
     * {@code params} (shared by all rows; {@code null} for CROWN's). A multiplier β &gt; 0 of a
     * split neuron adds β·s to its coefficient g_j on z_j (s·z_j ≥ 0 on the split set); the
     * sum, like a fractional-slope product, is rounded, which costs at most γ_2·|g_j|·m_j and
     * is counted with the products.
     */
    void throughLayer(PartialBounds state, int l, RelaxationParameters params) {
        AffineLayer layer = state.network.layer(l);
        int nOut = layer.outputSize();
        int nIn = layer.inputSize();
        relax(state, l, nOut, params == null ? null : params.alpha()[l]);
        double[] beta = params == null ? null : params.beta()[l];
        byte[] phase = state.phase[l];
        if (next.length < rows * nIn) {
            next = new double[rows * nIn];
        }
        double[] w = layer.weights();
        double[] b = layer.bias();
        double gammaAffine = Rounding.gamma(nOut + 2);
        double gammaProduct = Rounding.gamma(2);
        for (int r = 0; r < rows; r++) {
            int cb = r * nOut;
            int nb = r * nIn;
            Arrays.fill(next, nb, nb + nIn, 0.0);
            double s = sum[r];
            double m = mag[r];
            double affineErr = 0;
            double productErr = 0;
            for (int j = 0; j < nOut; j++) {
                double h = coef[cb + j];
                double g = kind[j] == INACTIVE ? 0 : h;
                if (kind[j] == UNSTABLE) {
                    if (h > 0) {
                        g = h * slope[j];
                        double t = h * intercept[j];
                        s += t;
                        m += t;
                    } else {
                        g = h * lowSlope[j];
                    }
                    productErr += Math.abs(g) * zMag[j];
                }
                if (beta != null && phase[j] != 0 && beta[j] > 0 && beta[j] < Double.POSITIVE_INFINITY) {
                    g += phase[j] * beta[j];
                    productErr += Math.abs(g) * state.preActivationMagnitude(l, j);
                }
                if (g == 0) {
                    continue;
                }
                double bt = g * b[j];
                s += bt;
                m += Math.abs(bt);
                affineErr += Math.abs(g) * state.rho(l, j);
                int wb = j * nIn;
                for (int i = 0; i < nIn; i++) {
                    next[nb + i] += g * w[wb + i];
                }
            }
            double err = Math.nextUp(gammaAffine * Rounding.up(affineErr, affineErr, nOut))
                    + Math.nextUp(gammaProduct * Rounding.up(productErr, productErr, nOut));
            sum[r] = s + err;
            mag[r] = m + err;
        }
        terms += 4 * nOut + 4;
        double[] swap = coef;
        coef = next;
        next = swap;
        width = nIn;
    }

    /**
     * The rows' upper bounds once they are on the input: out[r] ≥ max over the set of the
     * row's objective. Modified: out (length ≥ rows).
     */
    void concretise(InputSet set, double[] out) {
        if (row.length != width) {
            row = new double[width];
        }
        for (int r = 0; r < rows; r++) {
            System.arraycopy(coef, r * width, row, 0, width);
            out[r] = Math.nextUp(constant(r) + set.support(row));
        }
    }

    /** Row r as a linear function of the input, once substitution has reached it: coef·x + constant. */
    LinearBound linearBound(int r) {
        return new LinearBound(Arrays.copyOfRange(coef, r * width, (r + 1) * width), constant(r));
    }

    /** Row r's D, rounded up over the operations behind it. */
    private double constant(int r) {
        return Rounding.up(sum[r], mag[r], terms);
    }

    int rows() {
        return rows;
    }

    /**
     * Relaxation lines of layer l; {@code alpha} (or null) overrides the lower slopes, clamped
     * into [0, 1], before the fixed 0/1 slopes and CROWN's adaptive ones.
     */
    private void relax(PartialBounds state, int l, int n, double[] alpha) {
        if (kind.length < n) {
            kind = new byte[n];
            slope = new double[n];
            intercept = new double[n];
            lowSlope = new double[n];
            zMag = new double[n];
        }
        double[] lo = state.lower[l];
        double[] hi = state.upper[l];
        boolean relu = state.activation(l) == Activation.RELU;
        for (int j = 0; j < n; j++) {
            if (!relu || lo[j] >= 0) {
                kind[j] = PASS;
            } else if (hi[j] <= 0) {
                kind[j] = INACTIVE;
            } else {
                kind[j] = UNSTABLE;
                slope[j] = ReluRelaxation.upperSlope(lo[j], hi[j]);
                intercept[j] = ReluRelaxation.upperIntercept(lo[j], hi[j], slope[j]);
                lowSlope[j] = alpha != null ? (alpha[j] >= 1 ? 1 : alpha[j] > 0 ? alpha[j] : 0)
                        : slopeOne != null ? (slopeOne[l][j] ? 1 : 0) : ReluRelaxation.lowerSlope(lo[j], hi[j]);
                zMag[j] = Math.max(-lo[j], hi[j]);
            }
        }
    }

    private void reserveRows(int r, int n) {
        if (coef.length < r * n) {
            coef = new double[r * n];
        }
        if (sum.length < r) {
            sum = new double[r];
            mag = new double[r];
        }
    }
}
