package org.reluscope.bounds;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;

/**
 * Chooses the parameters of one back-substitution bound (α-CROWN, β-CROWN) by projected
 * gradient descent with Adam steps. For a row r·a_top + d, back-substitution with lower slopes
 * α and split multipliers β ({@link RelaxationParameters}) gives the upper bound
 * <pre>
 *   B(α, β) = max over x in the set of  h₋₁(α, β)·x + d(α, β),
 * </pre>
 * valid for every α ∈ [0, 1], β ≥ 0, and convex piecewise linear in each layer's parameters.
 * Its gradient is one forward pass of the maximiser x* through the chosen relaxation lines:
 * with ẑ_l = W_l â_{l−1} + b_l, â_{−1} = x*, and â_l the relaxation line (the one the
 * backward pass chose for neuron j) at ẑ_l,
 * <pre>
 *   ∂B/∂α_{l,j} = h_{l,j}·ẑ_{l,j}  (where the lower line is used, h_{l,j} &lt; 0),    ∂B/∂β_{l,j} = s_j·ẑ_{l,j},
 * </pre>
 * h_l being the row's coefficients on a_l. Starts from CROWN's choice (α ∈ {0, 1}, β = 0) and
 * returns the best iterate, so it never does worse than CROWN.
 *
 * <p>Plain floating point: the parameters only choose a bound; {@link BackSubstitution}
 * evaluates it rigorously. A reusable workspace, not thread-safe.
 */
final class SlopeOptimiser {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final int iterations;
    private final double rate;

    /** Per layer: coefficients h_l on a_l, coefficients g_l on z_l, forward values ẑ_l, â_l. */
    private double[][] h;
    private double[][] g;
    private double[][] zHat;
    private double[][] aHat;
    /** The maximiser of the previous iteration, against which ẑ_0 is updated. */
    private double[] previousX;
    private final Map<AffineLayer, double[]> transposes = new IdentityHashMap<>();
    private Network cachedNetwork;

    /**
     * @param iterations gradient steps per row
     * @param rate       Adam step size (the parameters live in [0, 1])
     */
    SlopeOptimiser(int iterations, double rate) {
        this.iterations = iterations;
        this.rate = rate;
    }

    /**
     * Parameters for the bound on r·a_top + d, for the layers 0..top of {@code state} (all
     * final). Not modified: row.
     */
    RelaxationParameters optimise(PartialBounds state, int top, double[] row, double d) {
        if (state.network != cachedNetwork) {
            transposes.clear();
            cachedNetwork = state.network;
        }
        reserve(state, top);
        double[][] alpha = new double[top + 1][];
        double[][] beta = new double[top + 1][];
        boolean[][] free = new boolean[top + 1][];
        int count = 0;
        for (int l = 0; l <= top; l++) {
            int n = state.lower[l].length;
            alpha[l] = new double[n];
            beta[l] = new double[n];
            free[l] = new boolean[n];
            for (int j = 0; j < n; j++) {
                if (state.isUnstable(l, j)) {
                    alpha[l][j] = ReluRelaxation.lowerSlope(state.lower[l][j], state.upper[l][j]);
                    free[l][j] = true;
                    count++;
                } else if (state.phase[l][j] != 0) {
                    free[l][j] = true;
                    count++;
                }
            }
        }
        RelaxationParameters params = new RelaxationParameters(alpha, beta);
        if (count == 0) {
            return params;
        }
        double[] fixedBelowTop = fixedPartBelowTop(state, top, row, free[top]);
        double[][] bestAlpha = copy(alpha);
        double[][] bestBeta = copy(beta);
        double best = Double.POSITIVE_INFINITY;
        double[][] m1 = zeros(alpha);
        double[][] m2 = zeros(alpha);
        double[][] n1 = zeros(beta);
        double[][] n2 = zeros(beta);
        double[] x = new double[state.set.dimension()];
        for (int it = 0; it <= iterations; it++) {
            double value = backward(state, top, row, d, params, free[top], fixedBelowTop, x);
            if (value < best) {
                best = value;
                copyInto(alpha, bestAlpha);
                copyInto(beta, bestBeta);
            }
            if (it == iterations || !Double.isFinite(value)) {
                break;
            }
            forward(state, x, free, alpha, it == 0);
            double c1 = 1 - Math.pow(BETA1, it + 1);
            double c2 = 1 - Math.pow(BETA2, it + 1);
            for (int l = 0; l <= top; l++) {
                for (int j = 0; j < alpha[l].length; j++) {
                    if (!free[l][j]) {
                        continue;
                    }
                    if (state.phase[l][j] != 0) {
                        double grad = state.phase[l][j] * zHat[l][j];
                        beta[l][j] = Math.max(0, beta[l][j] - adam(n1[l], n2[l], j, grad, c1, c2));
                    } else {
                        double grad = h[l][j] < 0 ? h[l][j] * zHat[l][j] : 0;
                        alpha[l][j] = Math.min(1, Math.max(0, alpha[l][j] - adam(m1[l], m2[l], j, grad, c1, c2)));
                    }
                }
            }
        }
        return new RelaxationParameters(bestAlpha, bestBeta);
    }

    /** One Adam step for a parameter with gradient {@code grad}. Modified: m, v. */
    private double adam(double[] m, double[] v, int j, double grad, double c1, double c2) {
        m[j] = BETA1 * m[j] + (1 - BETA1) * grad;
        v[j] = BETA2 * v[j] + (1 - BETA2) * grad * grad;
        return rate * (m[j] / c1) / (Math.sqrt(v[j] / c2) + EPSILON);
    }

    /**
     * Σ g_j W_top[j] over the top layer's neurons without parameters, whose g_j = relax(r_j)
     * does not change between iterations: each iteration then only adds the free neurons.
     */
    private double[] fixedPartBelowTop(PartialBounds state, int top, double[] row, boolean[] freeTop) {
        AffineLayer layer = state.network.layer(top);
        int nIn = layer.inputSize();
        double[] w = layer.weights();
        double[] out = new double[nIn];
        for (int j = 0; j < row.length; j++) {
            double gj = freeTop[j] ? 0 : stableCoefficient(state, top, j, row[j]);
            if (gj != 0) {
                axpy(gj, w, j * nIn, out);
            }
        }
        return out;
    }

    /** g_j of a neuron without parameters: 0 through an inactive ReLU, h through an active one or an identity. */
    private static double stableCoefficient(PartialBounds state, int l, int j, double hj) {
        return state.activation(l) == Activation.RELU && state.upper[l][j] <= 0 ? 0 : hj;
    }

    /** B(α, β) in floating point; leaves h_l, g_l per layer and the maximiser in x. Modified: x. */
    private double backward(PartialBounds state, int top, double[] row, double d, RelaxationParameters params,
                            boolean[] freeTop, double[] fixedBelowTop, double[] x) {
        double constant = d;
        double[] coef = row;
        for (int l = top; l >= 0; l--) {
            AffineLayer layer = state.network.layer(l);
            int nIn = layer.inputSize();
            double[] hl = h[l];
            double[] gl = g[l];
            System.arraycopy(coef, 0, hl, 0, hl.length);
            constant += relax(state, l, hl, gl, params.alpha()[l], params.beta()[l]);
            double[] b = layer.bias();
            double[] w = layer.weights();
            double[] below = l == 0 ? x : h[l - 1];
            if (l == top) {
                System.arraycopy(fixedBelowTop, 0, below, 0, nIn);
            } else {
                Arrays.fill(below, 0, nIn, 0);
            }
            for (int j = 0; j < gl.length; j++) {
                if (gl[j] != 0) {
                    constant += gl[j] * b[j];
                    if (l != top || freeTop[j]) {
                        axpy(gl[j], w, j * nIn, below);
                    }
                }
            }
            coef = below;
        }
        return constant + maximise(state.set, x);
    }

    /**
     * g_l from h_l through the chosen relaxation lines plus β s on split neurons; returns the
     * intercepts' contribution to the constant. Modified: gl.
     */
    private static double relax(PartialBounds state, int l, double[] hl, double[] gl, double[] alpha, double[] beta) {
        double constant = 0;
        boolean relu = state.activation(l) == Activation.RELU;
        for (int j = 0; j < hl.length; j++) {
            double lo = state.lower[l][j];
            double hi = state.upper[l][j];
            double gj;
            if (!relu || lo >= 0) {
                gj = hl[j];
            } else if (hi <= 0) {
                gj = 0;
            } else if (hl[j] > 0) {
                double slope = ReluRelaxation.upperSlope(lo, hi);
                gj = hl[j] * slope;
                constant += hl[j] * ReluRelaxation.upperIntercept(lo, hi, slope);
            } else {
                gj = hl[j] * alpha[j];
            }
            gl[j] = gj + state.phase[l][j] * beta[j];
        }
        return constant;
    }

    /**
     * ẑ_l for the layers 0..last, where last is the highest layer with free neurons (nothing
     * above it has a gradient), and â_l below it, from â₋₁ = x. ẑ_0 is updated only in the
     * coordinates of x that moved since the previous iteration (a box maximiser is a vertex,
     * and few coordinates flip per step); the rest go column by column, skipping zero inputs.
     */
    private void forward(PartialBounds state, double[] x, boolean[][] free, double[][] alpha, boolean first) {
        int last = free.length - 1;
        while (last >= 0 && !any(free[last])) {
            last--;
        }
        if (last < 0) {
            return;
        }
        double[] wt0 = transposed(state.network.layer(0));
        double[] z0 = zHat[0];
        int n0 = z0.length;
        if (first) {
            System.arraycopy(state.network.layer(0).bias(), 0, z0, 0, n0);
            Arrays.fill(previousX, 0);
        }
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - previousX[i];
            if (dx != 0) {
                axpy(dx, wt0, i * n0, z0);
            }
        }
        System.arraycopy(x, 0, previousX, 0, x.length);
        for (int l = 0; l <= last; l++) {
            if (l > 0) {
                AffineLayer layer = state.network.layer(l);
                double[] wt = transposed(layer);
                double[] z = zHat[l];
                System.arraycopy(layer.bias(), 0, z, 0, z.length);
                double[] prev = aHat[l - 1];
                for (int i = 0; i < prev.length; i++) {
                    if (prev[i] != 0) {
                        axpy(prev[i], wt, i * z.length, z);
                    }
                }
            }
            if (l < last) {
                activate(state, l, alpha[l]);
            }
        }
    }

    /** â_l: each neuron's relaxation line, the one the backward pass chose, at ẑ_l. */
    private void activate(PartialBounds state, int l, double[] alpha) {
        boolean relu = state.activation(l) == Activation.RELU;
        for (int j = 0; j < zHat[l].length; j++) {
            double z = zHat[l][j];
            double lo = state.lower[l][j];
            double hi = state.upper[l][j];
            if (!relu || lo >= 0) {
                aHat[l][j] = z;
            } else if (hi <= 0) {
                aHat[l][j] = 0;
            } else if (h[l][j] > 0) {
                double slope = ReluRelaxation.upperSlope(lo, hi);
                aHat[l][j] = slope * z + ReluRelaxation.upperIntercept(lo, hi, slope);
            } else {
                aHat[l][j] = alpha[j] * z;
            }
        }
    }

    /** W_lᵀ row-major (column i of W_l contiguous), cached per layer. */
    private double[] transposed(AffineLayer layer) {
        return transposes.computeIfAbsent(layer, k -> {
            int n = k.inputSize();
            int m = k.outputSize();
            double[] w = k.weights();
            double[] t = new double[w.length];
            for (int j = 0; j < m; j++) {
                for (int i = 0; i < n; i++) {
                    t[i * m + j] = w[j * n + i];
                }
            }
            return t;
        });
    }

    private static boolean any(boolean[] flags) {
        for (boolean f : flags) {
            if (f) {
                return true;
            }
        }
        return false;
    }

    /**
     * Replaces c (in x) by a maximiser of c·x over the set and returns the maximum: a box
     * vertex, or the ball's point in c's direction (projected onto the domain, an
     * approximation there). Modified: x.
     */
    static double maximise(InputSet set, double[] x) {
        double value = 0;
        if (set instanceof Box box) {
            for (int i = 0; i < x.length; i++) {
                double c = x[i];
                x[i] = c > 0 ? box.upper(i) : box.lower(i);
                value += c * x[i];
            }
            return value;
        }
        L2Ball ball = (L2Ball) set;
        double[] c = x.clone();
        double norm = 0;
        for (double ci : c) {
            norm += ci * ci;
        }
        norm = Math.sqrt(norm);
        double[] centre = ball.center();
        for (int i = 0; i < x.length; i++) {
            x[i] = centre[i] + (norm > 0 ? ball.radius() * c[i] / norm : 0);
        }
        double[] p = ball.project(x);
        System.arraycopy(p, 0, x, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            value += c[i] * x[i];
        }
        return value;
    }

    private static void axpy(double a, double[] w, int offset, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] += a * w[offset + i];
        }
    }

    private void reserve(PartialBounds state, int top) {
        h = new double[top + 1][];
        g = new double[top + 1][];
        zHat = new double[top + 1][];
        aHat = new double[top + 1][];
        previousX = new double[state.set.dimension()];
        for (int l = 0; l <= top; l++) {
            int n = state.network.layer(l).outputSize();
            h[l] = new double[n];
            g[l] = new double[n];
            zHat[l] = new double[n];
            aHat[l] = new double[n];
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int l = 0; l < a.length; l++) {
            c[l] = a[l].clone();
        }
        return c;
    }

    private static void copyInto(double[][] from, double[][] to) {
        for (int l = 0; l < from.length; l++) {
            System.arraycopy(from[l], 0, to[l], 0, from[l].length);
        }
    }

    private static double[][] zeros(double[][] shape) {
        double[][] z = new double[shape.length][];
        for (int l = 0; l < shape.length; l++) {
            z[l] = new double[shape[l].length];
        }
        return z;
    }
}
