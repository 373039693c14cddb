package org.reluscope.verify.bab;

import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.IntervalPropagation;
import org.reluscope.bounds.LayerBounds;
import org.reluscope.input.Box;
import org.reluscope.lp.LinearProgram;
import org.reluscope.lp.LpResult;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.Sense;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.spec.LinearConstraints;

/**
 * The exact reference answer for a disjunct: the big-M MILP of the network on a box,
 * <pre>
 *   minimise t  s.t.  a_i·y − t ≤ b_i,  z_l = W_l a_{l−1} + b_l,
 *   unstable ReLU: a ≥ 0, a ≥ z, a ≤ z − lo(1 − δ), a ≤ u δ, δ ∈ {0, 1}
 * </pre>
 * with [lo, u] the interval bounds, whose optimum is min over the box of max_i (a_i·y − b_i):
 * negative means some input reaches the unsafe set, positive that none does.
 */
final class ReluMilp {
    private ReluMilp() {
    }

    /** The optimum of the MILP, solved to optimality by {@code milp}. */
    static double minimumViolation(LpSolver milp, Network network, Box box, LinearConstraints unsafe) {
        Bounds bounds = new IntervalPropagation().compute(network, box);
        LinearProgram.Builder b = LinearProgram.builder();
        int[] previous = new int[box.dimension()];
        for (int i = 0; i < previous.length; i++) {
            previous[i] = b.addVariable(box.lower(i), box.upper(i));
        }
        for (int l = 0; l < network.layerCount(); l++) {
            previous = layer(b, network.layer(l), bounds.layer(l), previous);
        }
        int t = b.addVariable(-1e4, 1e4);
        for (int i = 0; i < unsafe.rowCount(); i++) {
            double[] row = unsafe.row(i);
            int[] idx = new int[row.length + 1];
            double[] val = new double[row.length + 1];
            for (int j = 0; j < row.length; j++) {
                idx[j] = previous[j];
                val[j] = row[j];
            }
            idx[row.length] = t;
            val[row.length] = -1;
            b.addRow(idx, val, Double.NEGATIVE_INFINITY, unsafe.rhs(i));
        }
        double[] c = new double[b.variableCount()];
        c[t] = 1;
        LpResult r = milp.solve(b.objective(c, Sense.MINIMIZE).build());
        if (!r.status().isOptimal()) {
            throw new IllegalStateException("reference MILP not solved: " + r.status());
        }
        return r.objective();
    }

    /** The variables a_l of one layer, given those of a_{l−1}. */
    private static int[] layer(LinearProgram.Builder b, AffineLayer layer, LayerBounds bounds, int[] previous) {
        int n = layer.inputSize();
        int[] a = new int[layer.outputSize()];
        for (int j = 0; j < a.length; j++) {
            double lo = bounds.lower(j) - 1e-6;
            double u = bounds.upper(j) + 1e-6;
            int z = b.addVariable(lo, u);
            int[] idx = new int[n + 1];
            double[] val = new double[n + 1];
            for (int i = 0; i < n; i++) {
                idx[i] = previous[i];
                val[i] = -layer.weight(j, i);
            }
            idx[n] = z;
            val[n] = 1;
            b.addRow(idx, val, layer.bias()[j], layer.bias()[j]);
            if (layer.activation() == Activation.IDENTITY || lo >= 0) {
                a[j] = z;
            } else {
                a[j] = b.addVariable(0, Math.max(u, 0));
                if (u > 0) {
                    int d = b.addIntegerVariable(0, 1);
                    b.addRow(new int[] {a[j], z}, new double[] {1, -1}, 0, Double.POSITIVE_INFINITY);
                    b.addRow(new int[] {a[j], z, d}, new double[] {1, -1, -lo}, Double.NEGATIVE_INFINITY, -lo);
                    b.addRow(new int[] {a[j], d}, new double[] {1, -u}, Double.NEGATIVE_INFINITY, 0);
                }
            }
        }
        return a;
    }
}
