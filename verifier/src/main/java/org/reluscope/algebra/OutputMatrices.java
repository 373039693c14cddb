package org.reluscope.algebra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.reluscope.numeric.Svd;

/**
 * Matrices of polynomials in the output variables y_i_j of a {@link VarietyProblem}, and the
 * numerical facts about the input points that the constraints need. Helper of
 * {@link DeterminantalConstraints}.
 */
final class OutputMatrices {
    private final VarietyProblem problem;
    private final List<String> variables;
    private final double tolerance;

    OutputMatrices(VarietyProblem problem, double tolerance) {
        this.problem = problem;
        this.variables = problem.variables();
        this.tolerance = tolerance;
    }

    List<String> variables() {
        return variables;
    }

    /** Y restricted to the given points: n_L × |points|, entry (i, p) = y_i_{points[p]}. */
    Polynomial[][] outputs(int[] points) {
        int m = problem.outputs();
        Polynomial[][] y = new Polynomial[m][points.length];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < points.length; p++) {
                y[i][p] = Polynomial.variable(variables, problem.variable(i, points[p]));
            }
        }
        return y;
    }

    /** The matrix with a row of ones appended. Not modified: a. */
    Polynomial[][] withOnes(Polynomial[][] a) {
        Polynomial[][] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = new Polynomial[a[0].length];
        Arrays.fill(out[a.length], Polynomial.constant(variables, 1));
        return out;
    }

    /** [A | B]. Not modified: a, b. */
    static Polynomial[][] besides(Polynomial[][] a, Polynomial[][] b) {
        Polynomial[][] out = new Polynomial[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new Polynomial[a[i].length + b[i].length];
            System.arraycopy(a[i], 0, out[i], 0, a[i].length);
            System.arraycopy(b[i], 0, out[i], a[i].length, b[i].length);
        }
        return out;
    }

    /** [A; B]. Not modified: a, b. */
    static Polynomial[][] above(Polynomial[][] a, Polynomial[][] b) {
        Polynomial[][] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A − B. Not modified: a, b. */
    static Polynomial[][] difference(Polynomial[][] a, Polynomial[][] b) {
        Polynomial[][] out = new Polynomial[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[i][j] = a[i][j].minus(b[i][j]);
            }
        }
        return out;
    }

    /** The points as rows, with a trailing 1 when the problem has biases (the columns of X̃ = [X; 1ᵀ]). */
    private double[] pointRows(int[] points, boolean ones) {
        int n = problem.inputs() + (ones ? 1 : 0);
        double[] rows = new double[points.length * n];
        for (int p = 0; p < points.length; p++) {
            System.arraycopy(problem.points()[points[p]], 0, rows, p * n, problem.inputs());
            if (ones) {
                rows[p * n + n - 1] = 1;
            }
        }
        return rows;
    }

    /** rank of X (n_0 × |points|), or of [X; 1ᵀ] when {@code ones}. */
    int pointRank(int[] points, boolean ones) {
        int n = problem.inputs() + (ones ? 1 : 0);
        return Svd.of(points.length, n, pointRows(points, ones)).rank(tolerance);
    }

    /**
     * The linear equations Y K = 0 for an orthonormal basis K of ker X̃ (X̃ = X or [X; 1ᵀ]):
     * since Y = A X̃ for the block's affine map A, every such equation holds. The kernel
     * basis is put in reduced echelon form for readability; one equation per output and
     * kernel vector.
     */
    List<Polynomial> kernelEquations(int[] points, boolean ones) {
        int n = problem.inputs() + (ones ? 1 : 0);
        // the kernel of X̃ (n × k) is spanned by the left singular vectors of X̃ᵀ for σ = 0, i.e. the right ones of X̃
        Svd svd = Svd.ofTranspose(points.length, n, pointRows(points, ones));
        int r = svd.rank(tolerance);
        double[][] kernel = new double[points.length - r][];
        for (int q = r; q < points.length; q++) {
            kernel[q - r] = svd.rightVector(q);
        }
        Echelon.reduce(kernel, points.length, tolerance);
        List<Polynomial> out = new ArrayList<>();
        for (int i = 0; i < problem.outputs(); i++) {
            for (double[] kappa : kernel) {
                double[] a = new double[variables.size()];
                for (int p = 0; p < points.length; p++) {
                    a[problem.variable(i, points[p])] = kappa[p];
                }
                out.add(Polynomial.linear(variables, a, 0).cleaned(tolerance).withPositiveLeadingCoefficient());
            }
        }
        return out;
    }

    /**
     * M̂ = Y_b R with R = X⁺ = Xᵀ(X Xᵀ)⁻¹ the right inverse of the block's points X (n_0 × k_b,
     * full row rank required): when Y_b = M X, then M̂ = M X X⁺ = M. Computed from the SVD
     * Xᵀ = U Σ Vᵀ as R = U Σ⁻¹ Vᵀ, U's columns being Xᵀv_j/σ_j.
     */
    Polynomial[][] recoveredMap(int[] points) {
        int n = problem.inputs();
        double[] rows = pointRows(points, false);
        Svd svd = Svd.of(points.length, n, rows);
        double[][] r = new double[points.length][n];
        for (int s = 0; s < n; s++) {
            double[] v = svd.rightVector(s);
            double sigma2 = svd.singularValue(s) * svd.singularValue(s);
            for (int p = 0; p < points.length; p++) {
                double av = 0;
                for (int q = 0; q < n; q++) {
                    av += rows[p * n + q] * v[q];
                }
                for (int a = 0; a < n; a++) {
                    r[p][a] += av / sigma2 * v[a];
                }
            }
        }
        Polynomial[][] m = new Polynomial[problem.outputs()][n];
        for (int i = 0; i < m.length; i++) {
            for (int a = 0; a < n; a++) {
                double[] coeff = new double[variables.size()];
                for (int p = 0; p < points.length; p++) {
                    coeff[problem.variable(i, points[p])] = r[p][a];
                }
                m[i][a] = Polynomial.linear(variables, coeff, 0);
            }
        }
        return m;
    }
}
