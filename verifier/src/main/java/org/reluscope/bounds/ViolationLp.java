package org.reluscope.bounds;

import java.util.Arrays;
import java.util.Objects;

import org.reluscope.input.InputSet;
import org.reluscope.lp.InfeasibilityProof;
import org.reluscope.lp.LinearProgram;
import org.reluscope.lp.LpResult;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.LpStatus;
import org.reluscope.lp.Sense;
import org.reluscope.net.Network;

/**
 * How far the outputs stay from an unsafe polyhedron { y : A y ≤ b }, over the triangle
 * relaxation ({@link TriangleLp}) of a network on an input set under ReLU splits, as the LP
 * <pre>
 *   minimise t   subject to   a_i·y − t ≤ b_i (every row i),   (x, z, a, y) in the relaxation,   t ∈ [t_lo, t_hi]
 * </pre>
 * whose optimum v* is min over the relaxation of max_i (a_i·y − b_i). A rigorous lower bound
 * v ≤ v* with v &gt; 0 proves that no input of the set (under the splits) reaches the
 * polyhedron: all rows together, not one at a time — the LP over the linear bounds that a
 * disjunct with several rows needs. When every ReLU is stable under the splits the relaxation
 * is the network itself on that piece, so the LP is exact and its minimiser is the natural
 * candidate counterexample.
 *
 * <p>Soundness: t's box is finite so that {@link org.reluscope.lp.SafeObjectiveBound} can use
 * it: t_hi is an interval upper bound of max_i (a_i·y − b_i) over the sound output bounds, so
 * no point of the relaxation is cut off; t_lo is below every row's interval lower bound, and a
 * floor t_lo can only raise the optimum to max(t_lo, v*) — which is &gt; 0 only when v* is,
 * since t_lo &lt; 0 is kept. Only the solver's safe bound is used; an INFEASIBLE status counts
 * only with an {@link InfeasibilityProof}.
 *
 * <p>Thread-safe if the solver is.
 */
public final class ViolationLp {
    private final LpSolver solver;

    public ViolationLp(LpSolver solver) {
        this.solver = Objects.requireNonNull(solver);
    }

    /**
     * The LP's outcome.
     *
     * @param lowerBound a rigorous lower bound on min over the relaxation of max_i (a_i·y − b_i):
     *                   +∞ when the relaxation is proven empty, −∞ when the solve gave nothing
     * @param minimiser  the input part x of the LP's optimal point (a candidate witness), or an
     *                   empty array when there is none
     * @param exact      whether every hidden ReLU is stable under the splits, so that the
     *                   relaxation is exact
     */
    public record Result(double lowerBound, double[] minimiser, boolean exact) {
        public Result {
            minimiser = minimiser.clone();
        }

        @Override
        public double[] minimiser() {
            return minimiser.clone();
        }

        /** Whether the bound proves that the unsafe polyhedron is out of reach. */
        public boolean proves() {
            return lowerBound > 0;
        }
    }

    /**
     * Solves the LP for the relaxation built on {@code bounds}, which must be sound for the set
     * under {@code splits} (e.g. {@link SymbolicPropagation#compute} with those splits). Not
     * modified: a, b.
     *
     * @throws IllegalArgumentException if the rows do not have one entry per output
     */
    public Result minimise(Network network, InputSet set, Bounds bounds, ReluSplits splits, double[][] a, double[] b) {
        for (double[] row : a) {
            LayerSweep.checkObjective(row, network.outputSize());
        }
        int layers = network.layerCount();
        if (bounds.empty()) {
            return new Result(Double.POSITIVE_INFINITY, new double[0], true);
        }
        PartialBounds state = LayerSweep.run(network, set, new BoundOptions(splits, bounds.layers(), layers), layers,
                null);
        if (state.empty) {
            return new Result(Double.POSITIVE_INFINITY, new double[0], true);
        }
        boolean exact = everyHiddenReluStable(state);
        TriangleLp model = TriangleLp.build(state, layers - 1);
        LinearProgram.Builder builder = model.program.toBuilder();
        double floor = floorOfRows(bounds, a, b);
        int t = builder.addVariable(Double.isFinite(floor) ? Math.min(-1, floor) : -1e30,
                Math.max(1, ceilingOfRows(bounds, a, b)));
        for (int i = 0; i < a.length; i++) {
            addRow(builder, model.objectiveOn(layers - 1, a[i], 0), t, b[i]);
        }
        double[] objective = new double[builder.variableCount()];
        objective[t] = 1;
        LinearProgram program = builder.objective(objective, Sense.MINIMIZE).build();
        LpResult r = solver.solve(program);
        if (r.status() == LpStatus.INFEASIBLE && InfeasibilityProof.check(solver, program).proven()) {
            return new Result(Double.POSITIVE_INFINITY, new double[0], exact);
        }
        if (!r.status().isOptimal() || Double.isNaN(r.safeBound())) {
            return new Result(Double.NEGATIVE_INFINITY, new double[0], exact);
        }
        return new Result(r.safeBound(), Arrays.copyOf(r.primal(), set.dimension()), exact);
    }

    /** a_i·y − t ≤ b_i over the variables, given a_i·y as coefficients of every variable. */
    private static void addRow(LinearProgram.Builder builder, double[] coefficients, int t, double rhs) {
        int[] idx = new int[coefficients.length + 1];
        double[] val = new double[coefficients.length + 1];
        int k = 0;
        for (int j = 0; j < coefficients.length; j++) {
            if (coefficients[j] != 0) {
                idx[k] = j;
                val[k++] = coefficients[j];
            }
        }
        idx[k] = t;
        val[k++] = -1;
        builder.addRow(Arrays.copyOf(idx, k), Arrays.copyOf(val, k), Double.NEGATIVE_INFINITY, rhs);
    }

    /** An upper bound on max_i (a_i·y − b_i) from the output intervals, rounded up. */
    private static double ceilingOfRows(Bounds bounds, double[][] a, double[] b) {
        double worst = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            double hi = bounds.intervalUpperBound(a[i]);
            worst = Math.max(worst, Math.nextUp(hi - b[i]));
        }
        return worst;
    }

    /** The least of the rows' interval lower bounds of a_i·y − b_i (any finite floor below 0 is sound; this one keeps the optimum). */
    private static double floorOfRows(Bounds bounds, double[][] a, double[] b) {
        double least = Double.POSITIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            double[] neg = new double[a[i].length];
            for (int j = 0; j < neg.length; j++) {
                neg[j] = -a[i][j];
            }
            least = Math.min(least, Math.nextDown(-bounds.intervalUpperBound(neg) - b[i]));
        }
        return least;
    }

    private static boolean everyHiddenReluStable(PartialBounds state) {
        for (int l = 0; l < state.network.layerCount(); l++) {
            for (int i = 0; i < state.lower[l].length; i++) {
                if (state.isUnstable(l, i)) {
                    return false;
                }
            }
        }
        return true;
    }
}
