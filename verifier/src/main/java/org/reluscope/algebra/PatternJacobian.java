package org.reluscope.algebra;

/**
 * The outputs Y(θ) of a {@link VarietyProblem} and their exact Jacobian ∂Y/∂θ.
 *
 * <p>Parameters θ are laid out layer by layer: W_l row-major, then b_l when the problem has
 * biases. With the patterns fixed, back-propagation gives the derivative of the multilinear
 * map exactly (no finite differences): for output i at point j, with δ_L = e_i and
 * δ_l = D^j_l W_{l+1}ᵀ δ_{l+1},
 * <pre>  ∂y_ij/∂W_l = δ_l a_{l−1}ᵀ,   ∂y_ij/∂b_l = δ_l,</pre>
 * where a_0 = x_j and a_l = D^j_l (W_l a_{l−1} + b_l) are the forward values.
 */
public final class PatternJacobian {
    private PatternJacobian() {
    }

    /** Offsets of each layer's W_l (and b_l after it) in θ; the last entry is the total. */
    static int[] layout(VarietyProblem problem) {
        int[] w = problem.widths();
        int[] start = new int[w.length];
        for (int l = 1; l < w.length; l++) {
            start[l] = start[l - 1] + w[l] * w[l - 1] + (problem.bias() ? w[l] : 0);
        }
        return start;
    }

    /**
     * The forward values a_0, …, a_{L−1} and y = a_L at point j. Not modified: theta.
     */
    static double[][] forward(VarietyProblem problem, double[] theta, int j) {
        int[] w = problem.widths();
        int[] start = layout(problem);
        double[][] a = new double[w.length][];
        a[0] = problem.points()[j];
        for (int l = 1; l < w.length; l++) {
            a[l] = new double[w[l]];
            int base = start[l - 1];
            for (int i = 0; i < w[l]; i++) {
                double s = problem.bias() ? theta[base + w[l] * w[l - 1] + i] : 0;
                for (int q = 0; q < w[l - 1]; q++) {
                    s += theta[base + i * w[l - 1] + q] * a[l - 1][q];
                }
                boolean hidden = l < w.length - 1;
                a[l][i] = hidden && !problem.patterns()[j][l - 1][i] ? 0 : s;
            }
        }
        return a;
    }

    /** Y(θ) as a vector indexed like {@link VarietyProblem#variables()}. Not modified: theta. */
    public static double[] outputs(VarietyProblem problem, double[] theta) {
        int m = problem.outputs();
        double[] y = new double[m * problem.pointCount()];
        for (int j = 0; j < problem.pointCount(); j++) {
            double[][] a = forward(problem, theta, j);
            System.arraycopy(a[a.length - 1], 0, y, j * m, m);
        }
        return y;
    }

    /**
     * ∂Y/∂θ, row-major, (n_L·k) × (number of parameters); row {@code problem.variable(i, j)}.
     * Not modified: theta.
     */
    public static double[] jacobian(VarietyProblem problem, double[] theta) {
        int[] w = problem.widths();
        int[] start = layout(problem);
        int cols = start[w.length - 1];
        int m = problem.outputs();
        double[] jac = new double[m * problem.pointCount() * cols];
        for (int j = 0; j < problem.pointCount(); j++) {
            double[][] a = forward(problem, theta, j);
            for (int i = 0; i < m; i++) {
                int row = problem.variable(i, j) * cols;
                double[] delta = new double[m];
                delta[i] = 1;
                for (int l = w.length - 1; l >= 1; l--) {
                    writeLayerGradient(jac, row + start[l - 1], delta, a[l - 1], problem.bias());
                    delta = l > 1 ? backward(problem, theta, start[l - 1], l, delta, j) : delta;
                }
            }
        }
        return jac;
    }

    /** ∂y/∂W_l = δ aᵀ (row-major) then ∂y/∂b_l = δ. Modified: jac. */
    private static void writeLayerGradient(double[] jac, int at, double[] delta, double[] input, boolean bias) {
        int p = at;
        for (double d : delta) {
            for (double x : input) {
                jac[p++] = d * x;
            }
        }
        if (bias) {
            System.arraycopy(delta, 0, jac, p, delta.length);
        }
    }

    /** δ_{l−1} = D^j_{l−1} W_lᵀ δ_l. */
    private static double[] backward(VarietyProblem problem, double[] theta, int base, int l, double[] delta, int j) {
        int[] w = problem.widths();
        double[] next = new double[w[l - 1]];
        boolean[] active = problem.patterns()[j][l - 2];
        for (int q = 0; q < w[l - 1]; q++) {
            if (active[q]) {
                double s = 0;
                for (int i = 0; i < w[l]; i++) {
                    s += theta[base + i * w[l - 1] + q] * delta[i];
                }
                next[q] = s;
            }
        }
        return next;
    }
}
