package org.reluscope.region;

import java.util.ArrayList;
import java.util.List;

import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.bounds.TriangleRelaxation;
import org.reluscope.input.Box;
import org.reluscope.input.L2Ball;
import org.reluscope.lp.LinearProgram;
import org.reluscope.lp.LpResult;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.LpSolvers;
import org.reluscope.lp.Sense;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.numeric.Vectors;

/**
 * The reference answer for small cases (MISSION.md §1): the optimum of c·f(x) over a polytope
 * {x ∈ box : A x ≤ b} by the textbook big-M MILP, independent of region enumeration — what
 * {@link ExactBounds} is tested and benchmarked against. Per unstable ReLU a binary δ with
 * a ≥ z, a ≥ 0, a ≤ z − l(1 − δ), a ≤ u δ,
 * where [l, u] are sound pre-activation bounds (triangle LP over the box: tight, so that few
 * neurons need a binary).
 *
 * <p>An L2 ball is not a polytope; {@link #overBall} brackets the optimum over it by the
 * MILP over an outer polyhedral model refined by tangent cuts (see there).
 */
public final class MilpReference {
    private MilpReference() {
    }

    /** A MILP optimum and the input part of its solution. */
    private record Solution(double objective, double[] input) {
    }

    /**
     * The optimum of c·f over a ball, bracketed: {@code attained} = c·f(x) at a point x of the
     * ball (a value the network takes there), {@code relaxed} = the MILP optimum over the ball's
     * bounding box cut by {@code rounds} tangent planes (a relaxation). For MAXIMIZE the true
     * maximum lies in [attained, relaxed], for MINIMIZE in [relaxed, attained].
     */
    public record Bracket(double attained, double relaxed, int rounds) {
        /** |relaxed − attained|. */
        public double width() {
            return Math.abs(relaxed - attained);
        }
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
        return solve(net, box, bounds, a, b, c, sense, milp).objective();
    }

    /**
     * The cut loop over a ball (∩ its domain): solve the MILP over the bounding box and the cuts,
     * evaluate the network at its input x* projected onto the ball, and while the two values
     * differ by more than {@code gap}, add the tangent plane d·x ≤ d·x0 + ‖d‖ r, d = x* − x0
     * (valid for the whole ball), at most {@code maxRounds} times. The neuron bounds are CROWN's
     * over the ball: sound on the ball, so every point of the ball keeps its exact encoding and
     * the MILP stays a relaxation. Not modified: c.
     */
    public static Bracket overBall(Network net, L2Ball ball, double[] c, Sense sense, LpSolver milp, double gap,
                                   int maxRounds) {
        Box box = ball.boundingBox();
        Bounds bounds = new SymbolicPropagation().compute(net, ball);
        double[] x0 = ball.center();
        double r = ball.radius();
        List<double[]> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int rounds = 0; ; rounds++) {
            Solution s = solve(net, box, bounds, a.toArray(new double[0][]),
                    b.stream().mapToDouble(Double::doubleValue).toArray(), c, sense, milp);
            double attained = Vectors.dot(c, net.evaluate(ball.project(s.input())));
            double[] d = s.input().clone();
            Vectors.axpy(-1, x0, d);
            double norm = Vectors.norm2(d);
            if (Math.abs(s.objective() - attained) <= gap || norm <= r || rounds == maxRounds) {
                return new Bracket(attained, s.objective(), rounds);
            }
            a.add(d);
            b.add(Vectors.dot(d, x0) + norm * r);
        }
    }

    /** The big-M MILP with the given pre-activation bounds (sound on every point that must keep its value). */
    private static Solution solve(Network net, Box box, Bounds bounds, double[][] a, double[] b, double[] c,
                                  Sense sense, LpSolver milp) {
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
        double[] input = new double[net.inputSize()];
        System.arraycopy(result.primal(), 0, input, 0, input.length);
        return new Solution(result.objective(), input);
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
