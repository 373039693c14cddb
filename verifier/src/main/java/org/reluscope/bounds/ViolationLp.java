package org.reluscope.bounds;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.reluscope.input.InputSet;
import org.reluscope.lp.IncrementalLp;
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
     * @param exact      whether every ReLU is stable on the node, so that the relaxation is
     *                   exact
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
     * Opens a warm LP session for one disjunct, on the relaxation built from {@code rootBounds}
     * (sound for the whole set, e.g. CROWN's). Close it when done. Not modified: a, b.
     *
     * @throws IllegalArgumentException if the rows do not have one entry per output
     */
    public Session open(Network network, InputSet set, Bounds rootBounds, double[][] a, double[] b) {
        for (double[] row : a) {
            LayerSweep.checkObjective(row, network.outputSize());
        }
        return new Session(network, set, rootBounds, a, b);
    }

    /**
     * The LP of one disjunct, kept warm in the solver across branch-and-bound nodes. The model is
     * built once from the root bounds; a node only changes bounds, never rows: each z gets the
     * node's interval, a neuron that the node makes inactive gets a = 0, and one it makes
     * active turns its row a − z ≥ 0 into a − z = 0. The root's chords stay: they hold on the
     * node too (its intervals lie inside the root's), if more loosely than the node's own
     * chords would, and a node whose ReLUs are all stable is still exact. Owned by one thread.
     */
    public final class Session implements AutoCloseable {
        private final int inputs;
        private final IncrementalLp lp;
        private final int[][] zVar;
        private final int[][] aVar;
        /** The row a − z ≥ 0 of each neuron unstable at the root, else −1. */
        private final int[][] lowerRow;

        private Session(Network network, InputSet set, Bounds rootBounds, double[][] a, double[] b) {
            int layers = network.layerCount();
            this.inputs = set.dimension();
            PartialBounds state = LayerSweep.run(network, set,
                    new BoundOptions(ReluSplits.NONE, rootBounds.layers(), layers), layers, null);
            TriangleLp model = TriangleLp.build(state, layers - 1);
            LinearProgram.Builder builder = withoutDeadRows(model);
            double floor = floorOfRows(rootBounds, a, b);
            int t = builder.addVariable(Double.isFinite(floor) ? Math.min(-1, floor) : -1e30,
                    Math.max(1, ceilingOfRows(rootBounds, a, b)));
            for (int i = 0; i < a.length; i++) {
                addRow(builder, model.objectiveOn(layers - 1, a[i], 0), t, b[i]);
            }
            double[] objective = new double[builder.variableCount()];
            objective[t] = 1;
            this.zVar = model.zVar;
            this.aVar = model.aVar;
            LinearProgram program = builder.objective(objective, Sense.MINIMIZE).build();
            this.lowerRow = lowerRows(model, program);
            this.lp = solver.open(program);
        }

        /**
         * The LP on a node: {@code nodeBounds} must be sound for the set under the node's splits
         * and already clamped by them (as every {@link OutputBounder} returns them), and lie
         * within the root bounds.
         */
        public Result minimise(Bounds nodeBounds) {
            if (nodeBounds.empty()) {
                return new Result(Double.POSITIVE_INFINITY, new double[0], true);
            }
            boolean exact = true;
            for (int l = 0; l < zVar.length; l++) {
                LayerBounds lb = nodeBounds.layer(l);
                for (int j = 0; j < zVar[l].length; j++) {
                    double lo = lb.lower(j);
                    double hi = lb.upper(j);
                    lp.setVariableBounds(zVar[l][j], lo, hi);
                    if (lowerRow[l][j] < 0) {
                        continue;
                    }
                    int act = aVar[l][j];
                    if (hi <= 0) {
                        lp.setVariableBounds(act, 0, 0);
                        lp.setRowBounds(lowerRow[l][j], 0, Double.POSITIVE_INFINITY);
                    } else {
                        lp.setVariableBounds(act, 0, hi);
                        lp.setRowBounds(lowerRow[l][j], 0, lo >= 0 ? 0 : Double.POSITIVE_INFINITY);
                        exact &= lo >= 0;
                    }
                }
            }
            LpResult r = lp.solve();
            if (r.status() == LpStatus.INFEASIBLE && InfeasibilityProof.check(solver, lp.snapshot()).proven()) {
                return new Result(Double.POSITIVE_INFINITY, new double[0], exact);
            }
            if (!r.status().isOptimal() || Double.isNaN(r.safeBound())) {
                return new Result(Double.NEGATIVE_INFINITY, new double[0], exact);
            }
            return new Result(r.safeBound(), Arrays.copyOf(r.primal(), inputs), exact);
        }

        @Override
        public void close() {
            lp.close();
        }

        /**
         * The relaxation without the affine rows z = W a + b of neurons inactive on the whole set:
         * their a is the constant 0, so z feeds nothing, and the row only restates bounds that
         * every input of the set satisfies anyway. Dropping rows only relaxes the LP (sound),
         * keeps it exact on nodes whose ReLUs are all stable, and on mnistfc removes most of
         * the first layer's 784-wide rows.
         */
        private static LinearProgram.Builder withoutDeadRows(TriangleLp model) {
            LinearProgram p = model.program;
            boolean[] dead = new boolean[p.variableCount()];
            for (int l = 0; l < model.zVar.length; l++) {
                for (int j = 0; j < model.zVar[l].length; j++) {
                    dead[model.zVar[l][j]] = model.aVar[l][j] == TriangleLp.ZERO;
                }
            }
            LinearProgram.Builder b = LinearProgram.builder();
            for (int j = 0; j < p.variableCount(); j++) {
                b.addVariable(p.lower(j), p.upper(j));
            }
            for (LinearProgram.Row row : p.rows()) {
                int[] idx = row.indices();
                if (!(row.lower() == row.upper() && dead[idx[idx.length - 1]])) {
                    b.addRow(idx, row.values(), row.lower(), row.upper());
                }
            }
            return b;
        }

        /** Finds the row a − z ≥ 0 that {@link TriangleLp} wrote for each neuron with an activation variable of its own. */
        private static int[][] lowerRows(TriangleLp model, LinearProgram program) {
            Map<Long, Integer> byPair = new HashMap<>();
            for (int r = 0; r < program.rowCount(); r++) {
                LinearProgram.Row row = program.row(r);
                if (row.indices().length == 2 && row.values()[0] == 1 && row.values()[1] == -1 && row.lower() == 0
                        && row.upper() == Double.POSITIVE_INFINITY) {
                    byPair.put(((long) row.indices()[0] << 32) | row.indices()[1], r);
                }
            }
            int[][] rows = new int[model.zVar.length][];
            for (int l = 0; l < rows.length; l++) {
                rows[l] = new int[model.zVar[l].length];
                for (int j = 0; j < rows[l].length; j++) {
                    int act = model.aVar[l][j];
                    boolean own = act != TriangleLp.ZERO && act != model.zVar[l][j];
                    rows[l][j] = own ? byPair.get(((long) act << 32) | model.zVar[l][j]) : -1;
                }
            }
            return rows;
        }
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

}
