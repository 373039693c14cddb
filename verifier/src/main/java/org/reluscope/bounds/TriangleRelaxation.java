package org.reluscope.bounds;

import java.util.Objects;

import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.lp.IncrementalLp;
import org.reluscope.lp.InfeasibilityProof;
import org.reluscope.lp.LpResult;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.LpStatus;
import org.reluscope.lp.Sense;
import org.reluscope.net.Network;

/**
 * Bounds from the triangle LP relaxation ({@link TriangleLp}) of every unstable ReLU,
 * layer by layer, starting from the CROWN bounds of the whole network ({@link SymbolicPropagation}):
 * each layer first gets CROWN bounds recomputed from the tightened layers before it; if at
 * most {@link TriangleOptions#maxLpNeuronsPerLayer} of its neurons remain unstable (and always
 * for the output layer), each of them is bounded by maximising and minimising z_{k,j} over the
 * relaxation of the layers before it, warm-started in one {@link IncrementalLp} per layer.
 *
 * <p>Soundness: only the solver's rigorous {@link LpResult#safeBound()} (from the duals, with
 * directed rounding) is used, never its floating objective, and it is intersected with the
 * CROWN bound, so the result is never looser than CROWN. A failed solve, an unusable safe
 * bound, or an "infeasible" verdict leaves the CROWN bound in place — unless
 * {@link InfeasibilityProof} certifies the relaxation empty: since it contains every point the
 * network reaches on the set under the splits, that proves the (split) set empty, which is how
 * branch-and-bound prunes contradictory splits.
 *
 * <p>An L2 ball is not polyhedral: the LP uses the ball's bounding box (∩ its domain) plus outer
 * tangent cuts d·x ≤ h(d) (h the set's rigorous support function), each added at the
 * direction d = x* − x0 of an LP optimum x* outside the ball, until the value improves by less
 * than {@link TriangleOptions#cutTolerance} or the round limit is reached. Every intermediate
 * round's safe bound is already valid, since the cuts only remove points outside the ball.
 * Cuts stay in the model for the later objectives of the same layer.
 *
 * <p>Thread-safe if the solver is (solvers hold no model between calls).
 */
public final class TriangleRelaxation implements OutputBounder {
    private final LpSolver solver;
    private final TriangleOptions settings;
    private final SymbolicPropagation crown = new SymbolicPropagation();

    public TriangleRelaxation(LpSolver solver, TriangleOptions settings) {
        this.solver = Objects.requireNonNull(solver);
        this.settings = Objects.requireNonNull(settings);
    }

    public TriangleRelaxation(LpSolver solver) {
        this(solver, TriangleOptions.DEFAULT);
    }

    @Override
    public String name() {
        return "lp";
    }

    @Override
    public Bounds compute(Network network, InputSet set, BoundOptions options) {
        return LayerSweep.onTopOfCrown(crown, name(), network, set, options, this::refine);
    }

    /**
     * The smallest of the CROWN bound on c·y, the CROWN bound on c·y recomputed with the
     * LP-tightened intermediate bounds, and the LP bound on c·y over the relaxation of all
     * layers (output pre-activations bounded by CROWN). Not modified: c.
     */
    @Override
    public double upperBound(Network network, InputSet set, double[] c, BoundOptions options) {
        LayerSweep.checkObjective(c, network.outputSize());
        int last = network.layerCount() - 1;
        PartialBounds plain = LayerSweep.run(network, set, options, network.layerCount(), crown::refine);
        if (plain.empty) {
            return Double.NEGATIVE_INFINITY;
        }
        double bound = crown.objectiveUpperBound(plain, c);
        PartialBounds state = LayerSweep.run(network, set, options.onTopOf(plain.toBounds(name())),
                network.layerCount(), (s, k, neurons, count) -> refineUpTo(s, k, neurons, count, last - 1));
        if (state.empty) {
            return Double.NEGATIVE_INFINITY;
        }
        bound = Math.min(bound, crown.objectiveUpperBound(state, c));
        TriangleLp model = TriangleLp.build(state, last);
        try (IncrementalLp lp = solver.open(model.program)) {
            return Math.min(bound, optimise(lp, model.objectiveOn(last, c, 0), Sense.MAXIMIZE, set));
        }
    }

    private void refine(PartialBounds state, int k, int[] neurons, int count) {
        refineUpTo(state, k, neurons, count, state.network.layerCount() - 1);
    }

    /** CROWN, then LP on layer k if k ≤ lastLpLayer and few enough neurons remain open. */
    private void refineUpTo(PartialBounds state, int k, int[] neurons, int count, int lastLpLayer) {
        crown.refine(state, k, neurons, count);
        if (k > lastLpLayer) {
            return;
        }
        boolean all = LayerSweep.refinesAll(state, k);
        int open = 0;
        for (int q = 0; q < count; q++) {
            if (all || state.isUnstable(k, neurons[q])) {
                neurons[open++] = neurons[q];
            }
        }
        if (open == 0 || (!all && open > settings.maxLpNeuronsPerLayer())) {
            return;
        }
        TriangleLp model = TriangleLp.build(state, k - 1);
        double[] w = state.network.layer(k).weights();
        double[] bias = state.network.layer(k).bias();
        int n = state.network.layer(k).inputSize();
        try (IncrementalLp lp = solver.open(model.program)) {
            for (int q = 0; q < open; q++) {
                int j = neurons[q];
                double[] objective = model.objectiveOn(k - 1, w, j * n);
                double hi = Math.nextUp(optimise(lp, objective, Sense.MAXIMIZE, state.set) + bias[j]);
                double lo = Math.nextDown(optimise(lp, objective, Sense.MINIMIZE, state.set) + bias[j]);
                state.tighten(k, j, lo, hi);
            }
        }
    }

    /**
     * A rigorous bound on the optimum of the objective over the relaxation ∩ the set: an upper
     * bound for MAXIMIZE, a lower bound for MINIMIZE; ±∞ (no information) if no solve gave one;
     * −∞ for MAXIMIZE (+∞ for MINIMIZE) when the relaxation is proven empty, which empties the
     * interval and so marks the set, under its splits, empty.
     */
    private double optimise(IncrementalLp lp, double[] objective, Sense sense, InputSet set) {
        boolean max = sense == Sense.MAXIMIZE;
        double best = max ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        lp.setObjective(objective, 0, sense);
        double previous = Double.NaN;
        for (int round = 0; round <= settings.maxCutRounds(); round++) {
            LpResult r = lp.solve();
            if (r.status() == LpStatus.INFEASIBLE && InfeasibilityProof.check(solver, lp.snapshot()).proven()) {
                return max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (!r.status().isOptimal() || Double.isNaN(r.safeBound())) {
                return best;
            }
            best = max ? Math.min(best, r.safeBound()) : Math.max(best, r.safeBound());
            if (!(set instanceof L2Ball ball)
                    || Math.abs(previous - r.objective()) <= settings.cutTolerance() * (1 + Math.abs(r.objective()))
                    || !BallCuts.addCutIfOutside(lp, ball, r.primal())) {
                return best;
            }
            previous = r.objective();
        }
        return best;
    }
}
