package org.reluscope.verify.split;

import java.util.Arrays;

import org.reluscope.bounds.BoundOptions;
import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.ReluSplits;
import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.net.Network;
import org.reluscope.numeric.Rounding;
import org.reluscope.spec.LinearConstraints;

/**
 * Excluding an unsafe polyhedron { y : a_i·y ≤ b_i, i = 1..m } when no single row does: if
 * multipliers λ ≥ 0 make Σλ_i(a_i·f(x) − b_i) &gt; 0 for every x of the set, then at every x
 * some row is violated. With the rows' linear lower bounds a_i·f(x) ≥ g_i·x + h_i on the box,
 * the best λ maximises the concave dual function
 * φ(λ) = min_{x ∈ box} Σλ_i(g_i·x + h_i − b_i) over the simplex (LP duality: φ(λ) &gt; 0 for
 * some λ iff the LP relaxation { x ∈ box : g_i·x + h_i ≤ b_i } is empty). The search here is
 * projected supergradient ascent (the minimiser x* is a vertex, its residuals a supergradient)
 * — a heuristic; the proof is {@link #proves}, which re-bounds the combined row Σλ_i a_i with
 * CROWN and accounts for the rounding of forming it.
 */
final class RowCombination {
    private static final int ITERATIONS = 40;
    private static final double FIRST_STEP = 0.5;

    /**
     * @param lambda    the multipliers, on the simplex
     * @param value     φ(λ) (floating point: a heuristic value, not a bound)
     * @param minimiser the vertex of the box minimising the combined linear bound, a candidate witness
     */
    record Multipliers(double[] lambda, double value, double[] minimiser) {
    }

    private RowCombination() {
    }

    /** The best multipliers found for rows a_i·f(x) ≥ g_i·x + h_i, i.e. for g, h and the right-hand sides b. */
    static Multipliers search(double[][] g, double[] h, double[] b, Box box) {
        int m = g.length;
        double[] lambda = new double[m];
        Arrays.fill(lambda, 1.0 / m);
        Multipliers best = null;
        double[] residual = new double[m];
        for (int t = 0; t < ITERATIONS; t++) {
            Multipliers current = evaluate(g, h, b, box, lambda, residual);
            if (best == null || current.value() > best.value()) {
                best = current;
            }
            double norm = 0;
            for (double r : residual) {
                norm += r * r;
            }
            if (norm == 0) {
                break;
            }
            double step = FIRST_STEP / Math.sqrt(t + 1) / Math.sqrt(norm);
            for (int i = 0; i < m; i++) {
                lambda[i] += step * residual[i];
            }
            lambda = Simplex.project(lambda);
        }
        return best;
    }

    /** φ(λ) with its minimiser; the row residuals g_i·x* + h_i − b_i into {@code residual}. */
    private static Multipliers evaluate(double[][] g, double[] h, double[] b, Box box, double[] lambda,
                                        double[] residual) {
        int n = box.dimension();
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            double gj = 0;
            for (int i = 0; i < g.length; i++) {
                gj += lambda[i] * g[i][j];
            }
            x[j] = gj >= 0 ? box.lower(j) : box.upper(j);
        }
        double value = 0;
        for (int i = 0; i < g.length; i++) {
            double r = h[i] - b[i];
            for (int j = 0; j < n; j++) {
                r += g[i][j] * x[j];
            }
            residual[i] = r;
            value += lambda[i] * r;
        }
        return new Multipliers(lambda.clone(), value, x);
    }

    /** c̃ = fl(Σ λ_i a_i). Not modified: lambda. */
    static double[] combine(LinearConstraints unsafe, double[] lambda) {
        double[] c = new double[unsafe.row(0).length];
        for (int i = 0; i < lambda.length; i++) {
            if (lambda[i] != 0) {
                double[] a = unsafe.row(i);
                for (int k = 0; k < c.length; k++) {
                    c[k] += lambda[i] * a[k];
                }
            }
        }
        return c;
    }

    /**
     * Whether the multipliers provably exclude the unsafe polyhedron on the set: with L a CROWN
     * lower bound of c̃·f(x), the exact combination satisfies Σλ_i a_i·f(x) ≥ L − E, where
     * E = γ_{m+1} Σ_k (Σ_i λ_i|a_ik|)·max|f_k| bounds the error of forming c̃ (output bounds from
     * {@code bounds}); proven when L − E &gt; Σλ_i b_i rounded up.
     *
     * @param bounds   CROWN bounds of every layer on {@code set}, reused for the last substitution
     * @param slopeOne the lower slopes of that substitution, as for
     *                 {@link SymbolicPropagation#linearUpperBounds(Network, InputSet, double[][], BoundOptions, boolean[][])}
     */
    static boolean proves(SymbolicPropagation crown, Network network, InputSet set, Bounds bounds,
                          LinearConstraints unsafe, double[] lambda, boolean[][] slopeOne) {
        int m = lambda.length;
        double[] c = combine(unsafe, lambda);
        double[] negated = new double[c.length];
        for (int k = 0; k < c.length; k++) {
            negated[k] = -c[k];
        }
        double[][] rows = unsafe.a();
        double lower = -crown.linearUpperBounds(network, set, new double[][] {negated},
                BoundOptions.reusing(bounds, ReluSplits.NONE), slopeOne).orElseThrow().get(0).maxOver(set);
        double err = 0;
        for (int k = 0; k < c.length; k++) {
            double weight = 0;
            for (int i = 0; i < m; i++) {
                weight += lambda[i] * Math.abs(rows[i][k]);
            }
            err += weight * Math.max(Math.abs(bounds.outputLower(k)), Math.abs(bounds.outputUpper(k)));
        }
        err = Math.nextUp(Rounding.gamma(m + 1) * Rounding.up(err, err, 2 * c.length + m));
        double rhs = 0;
        double magnitude = 0;
        for (int i = 0; i < m; i++) {
            rhs += lambda[i] * unsafe.rhs(i);
            magnitude += Math.abs(lambda[i] * unsafe.rhs(i));
        }
        return Rounding.addDown(lower, -err) > Rounding.up(rhs, magnitude, m);
    }
}
