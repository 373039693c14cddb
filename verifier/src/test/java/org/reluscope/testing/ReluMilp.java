package org.reluscope.testing;

import org.reluscope.input.Box;
import org.reluscope.lp.LinearProgram;
import org.reluscope.lp.LpResult;
import org.reluscope.lp.Sense;
import org.reluscope.lp.ortools.OrToolsEngine;
import org.reluscope.lp.ortools.OrToolsSolver;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.spec.LinearConstraints;

/**
 * An exact reference for small networks, independent of the verifier's code: the minimum of
 * c·f(x) over a box as a big-M mixed-integer program solved by SCIP. Variables are the inputs,
 * then per layer its pre-activations z, and per ReLU its output a and a phase δ ∈ {0, 1} with
 * a ≥ z, a ≥ 0, a ≤ z − L(1 − δ), a ≤ U δ, where [L, U] are interval bounds of z computed
 * here by plain interval arithmetic. The answer carries SCIP's tolerances (about 1e-6), so
 * tests compare against it with a margin.
 */
public final class ReluMilp {
    private ReluMilp() {
    }

    /** min over x in {@code box} of c·f(x). Networks with a normalisation are not supported. */
    public static double minimum(Network network, Box box, double[] c) {
        LinearProgram.Builder lp = LinearProgram.builder();
        int[] outputs = encode(lp, network, box);
        double[] objective = new double[lp.variableCount()];
        for (int j = 0; j < outputs.length; j++) {
            objective[outputs[j]] = c[j];
        }
        return solve(lp.objective(objective, Sense.MINIMIZE).build());
    }

    /**
     * min over x in {@code box} of max_i (a_i·f(x) − b_i), the worst row's excess: ≤ 0 exactly
     * when some input of the box reaches the polyhedron { y : A y ≤ b } (up to SCIP's tolerances).
     */
    public static double minimumMargin(Network network, Box box, LinearConstraints polyhedron) {
        LinearProgram.Builder lp = LinearProgram.builder();
        int[] outputs = encode(lp, network, box);
        int t = lp.addVariable(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        for (int i = 0; i < polyhedron.rowCount(); i++) {
            double[] a = polyhedron.row(i);
            int[] indices = new int[outputs.length + 1];
            double[] values = new double[outputs.length + 1];
            for (int j = 0; j < outputs.length; j++) {
                indices[j] = outputs[j];
                values[j] = -a[j];
            }
            indices[outputs.length] = t;
            values[outputs.length] = 1;
            lp.addRow(indices, values, -polyhedron.rhs(i), Double.POSITIVE_INFINITY);
        }
        double[] objective = new double[lp.variableCount()];
        objective[t] = 1;
        return solve(lp.objective(objective, Sense.MINIMIZE).build());
    }

    private static double solve(LinearProgram program) {
        LpResult r = new OrToolsSolver(OrToolsEngine.SCIP).solve(program);
        if (!r.status().isOptimal()) {
            throw new IllegalStateException("SCIP did not solve the reference MILP: " + r.status());
        }
        return r.objective();
    }

    /** Adds the inputs, pre-activations and ReLUs of the network on the box; returns the output variables. */
    private static int[] encode(LinearProgram.Builder lp, Network network, Box box) {
        if (network.normalization().isPresent()) {
            throw new IllegalArgumentException("ReluMilp does not model input normalisation");
        }
        int[] previous = new int[box.dimension()];
        double[] lower = box.lower();
        double[] upper = box.upper();
        for (int j = 0; j < previous.length; j++) {
            previous[j] = lp.addVariable(lower[j], upper[j]);
        }
        for (AffineLayer layer : network.layers()) {
            int[] current = new int[layer.outputSize()];
            double[] lo = new double[current.length];
            double[] hi = new double[current.length];
            for (int i = 0; i < current.length; i++) {
                double[] range = interval(layer.row(i), layer.bias()[i], lower, upper);
                lo[i] = range[0];
                hi[i] = range[1];
                int z = lp.addVariable(lo[i], hi[i]);
                int[] indices = new int[previous.length + 1];
                double[] values = new double[previous.length + 1];
                for (int j = 0; j < previous.length; j++) {
                    indices[j] = previous[j];
                    values[j] = -layer.weight(i, j);
                }
                indices[previous.length] = z;
                values[previous.length] = 1;
                lp.addRow(indices, values, layer.bias()[i], layer.bias()[i]);
                current[i] = layer.activation() == Activation.RELU ? relu(lp, z, lo[i], hi[i]) : z;
            }
            if (layer.activation() == Activation.RELU) {
                for (int i = 0; i < current.length; i++) {
                    lo[i] = Math.max(lo[i], 0);
                    hi[i] = Math.max(hi[i], 0);
                }
            }
            previous = current;
            lower = lo;
            upper = hi;
        }
        return previous;
    }

    /** {lo, hi}: interval bounds of w·x + b over the box [lower, upper], widened by a relative 1e-9 for rounding. */
    private static double[] interval(double[] w, double b, double[] lower, double[] upper) {
        double l = b;
        double u = b;
        for (int j = 0; j < w.length; j++) {
            l += Math.min(w[j] * lower[j], w[j] * upper[j]);
            u += Math.max(w[j] * lower[j], w[j] * upper[j]);
        }
        double pad = 1e-9 * (1 + Math.abs(l) + Math.abs(u));
        return new double[] {l - pad, u + pad};
    }

    /** Adds a = relu(z) for z ∈ [l, u] and returns the index of a. */
    private static int relu(LinearProgram.Builder lp, int z, double l, double u) {
        if (l >= 0) {
            return z;
        }
        int a = lp.addVariable(0, Math.max(u, 0));
        if (u <= 0) {
            return a;
        }
        int delta = lp.addIntegerVariable(0, 1);
        lp.addRow(new int[] {a, z}, new double[] {1, -1}, 0, Double.POSITIVE_INFINITY);
        lp.addRow(new int[] {a, z, delta}, new double[] {1, -1, -l}, Double.NEGATIVE_INFINITY, -l);
        lp.addRow(new int[] {a, delta}, new double[] {1, -u}, Double.NEGATIVE_INFINITY, 0);
        return a;
    }
}
