package org.reluscope.region;

import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.TriangleRelaxation;
import org.reluscope.input.Box;
import org.reluscope.lp.LinearProgram;
import org.reluscope.lp.LpResult;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.LpSolvers;
import org.reluscope.lp.Sense;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;

/**
 * The reference answer for small cases (MISSION.md §1): the optimum of c·f(x) over a polytope
 * {x ∈ box : A x ≤ b} by the textbook big-M MILP, independent of region enumeration — what
 * {@link ExactBounds} is tested and benchmarked against. Per unstable ReLU a binary δ with
 * a ≥ z, a ≥ 0, a ≤ z − l(1 − δ), a ≤ u δ,
 * where [l, u] are the triangle-LP bounds over the box (sound, so the encoding is exact; tight,
 * so that few neurons need a binary).
 */
public final class MilpReference {
    private MilpReference() {
    }

    /**
     * max (or min) c·f(x) over box ∩ {A x ≤ b} (A may have no rows), solved by {@code milp} (a
     * MILP engine, e.g. SCIP) to its optimality tolerance. Not modified: c, a, b.
     *
     * @throws IllegalStateException when the solver does not report an optimum
     */
    public static double optimum(Network net, Box box, double[][] a, double[] b, double[] c, Sense sense,
                                 LpSolver milp) {
        Bounds bounds = new TriangleRelaxation(LpSolvers.create("glop")).compute(net, box);
        LinearProgram.Builder lp = LinearProgram.builder();
        int[] prev = new int[net.inputSize()];
        for (int i = 0; i < prev.length; i++) {
            prev[i] = lp.addVariable(box.lower(i), box.upper(i));
        }
        for (int r = 0; r < a.length; r++) {
            lp.addLessOrEqual(a[r], b[r]);
        }
        for (int l = 0; l < net.layerCount(); l++) {
            AffineLayer layer = net.layer(l);
            int[] next = new int[layer.outputSize()];
            for (int j = 0; j < next.length; j++) {
                double lo = bounds.layer(l).lower(j);
                double hi = bounds.layer(l).upper(j);
                int z = lp.addVariable(lo, hi);
                double[] row = new double[lp.variableCount()];
                for (int i = 0; i < prev.length; i++) {
                    row[prev[i]] -= layer.weight(j, i);
                }
                row[z] = 1;
                lp.addEqual(row, layer.bias()[j]);
                next[j] = relu(lp, layer.activation(), z, lo, hi);
            }
            prev = next;
        }
        double[] objective = new double[lp.variableCount()];
        for (int j = 0; j < c.length; j++) {
            objective[prev[j]] += c[j];
        }
        LpResult result = milp.solve(lp.objective(objective, sense).build());
        if (!result.status().isOptimal()) {
            throw new IllegalStateException(milp.name() + ": " + result.status());
        }
        return result.objective();
    }

    /** The variable of σ(z). */
    private static int relu(LinearProgram.Builder lp, Activation act, int z, double lo, double hi) {
        if (act == Activation.IDENTITY || lo >= 0) {
            return z;
        }
        int a = lp.addVariable(0, Math.max(hi, 0));
        if (hi <= 0) {
            double[] zero = new double[lp.variableCount()];
            zero[a] = 1;
            lp.addEqual(zero, 0);
            return a;
        }
        int d = lp.addIntegerVariable(0, 1);
        int n = lp.variableCount();
        double[] above = new double[n];
        above[a] = 1;
        above[z] = -1;
        lp.addGreaterOrEqual(above, 0);
        double[] chord = new double[n];
        chord[a] = 1;
        chord[z] = -1;
        chord[d] = -lo;
        lp.addLessOrEqual(chord, -lo);
        double[] gate = new double[n];
        gate[a] = 1;
        gate[d] = -hi;
        lp.addLessOrEqual(gate, 0);
        return a;
    }
}
