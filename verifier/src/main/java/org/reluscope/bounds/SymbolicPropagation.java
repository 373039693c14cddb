package org.reluscope.bounds;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.reluscope.input.InputSet;
import org.reluscope.net.Activation;
import org.reluscope.net.Network;

/**
 * Symbolic bounds by back-substitution (CROWN / DeepPoly): each bound is a linear function of
 * the input, obtained by substituting linear relaxations of the ReLUs backwards from the
 * objective to x, and concretised over the set by its support function
 * (box: Σ max(a_i l_i, a_i u_i); L2 ball: a·x0 + r‖a‖₂; ball ∩ box: the smaller).
 *
 * <p>Layer by layer ({@link LayerSweep}), the pre-activation bounds of every still-unstable
 * neuron of layer k are computed by back-substituting ±(W_k)_i through layers k−1, …, 0 with
 * the tightest bounds found so far for those layers (intersected with interval propagation
 * and the caller's known bounds). Unstable ReLUs use the chord λ(z − l), λ = u/(u − l), above
 * and the adaptive slope 0 or 1 below ({@link ReluRelaxation}); split neurons are stable.
 * {@link #upperBound} back-substitutes the objective c itself, which keeps the correlation
 * between outputs (much tighter than combining output intervals). Floating-point soundness
 * is argued in {@link BackSubstitution}.
 *
 * <p>Thread-safe: each thread gets its own reusable workspace, so repeated calls (as in
 * branch-and-bound) allocate little.
 */
public final class SymbolicPropagation implements OutputBounder {
    private final ThreadLocal<BackSubstitution> workspace = ThreadLocal.withInitial(BackSubstitution::new);

    @Override
    public String name() {
        return "crown";
    }

    @Override
    public Bounds compute(Network network, InputSet set, BoundOptions options) {
        return LayerSweep.run(network, set, options, network.layerCount(), this::refine).toBounds(name());
    }

    @Override
    public double upperBound(Network network, InputSet set, double[] c, BoundOptions options) {
        LayerSweep.checkObjective(c, network.outputSize());
        PartialBounds state = LayerSweep.run(network, set, options, layersNeededFor(network), this::refine);
        if (state.empty) {
            return Double.NEGATIVE_INFINITY;
        }
        return objectiveUpperBound(state, c);
    }

    /**
     * The layers whose bounds a bound on c·f(x) needs: all but an affine output layer, whose
     * map is substituted exactly.
     */
    static int layersNeededFor(Network network) {
        int last = network.layerCount() - 1;
        return network.layer(last).activation() == Activation.IDENTITY ? last : last + 1;
    }

    /**
     * The linear functions behind {@link #upperBound}, one per objective c_r, computed in one
     * pass: c_r·f(x) ≤ h_r·x + d_r for every x of the set consistent with the splits, for the
     * exact real network (d_r absorbs the rounding of the substitution); empty when that set is
     * proven empty. The minimiser of h_r·x over a box is a vertex, which makes a good candidate
     * input for searches. Not modified: objectives.
     */
    public Optional<List<LinearBound>> linearUpperBounds(Network network, InputSet set, double[][] objectives,
                                                         BoundOptions options) {
        return linearUpperBounds(network, set, objectives, options, null);
    }

    /**
     * {@link #linearUpperBounds(Network, InputSet, double[][], BoundOptions)} with the lower line of
     * each unstable neuron (l, j) of the substitution fixed to σ(z) ≥ z where
     * {@code slopeOne[l][j]}, else σ(z) ≥ 0, instead of the adaptive choice: equally sound, and
     * tightest at inputs whose pre-activations have those signs. Null: adaptive. Not modified: slopeOne.
     */
    public Optional<List<LinearBound>> linearUpperBounds(Network network, InputSet set, double[][] objectives,
                                                         BoundOptions options, boolean[][] slopeOne) {
        for (double[] c : objectives) {
            LayerSweep.checkObjective(c, network.outputSize());
        }
        PartialBounds state = LayerSweep.run(network, set, options, layersNeededFor(network), this::refine);
        if (state.empty) {
            return Optional.empty();
        }
        BackSubstitution ws = workspace.get();
        ws.fixLowerSlopes(slopeOne);
        try {
            substituteObjectives(state, objectives);
        } finally {
            ws.fixLowerSlopes(null);
        }
        List<LinearBound> bounds = new ArrayList<>(objectives.length);
        for (int r = 0; r < objectives.length; r++) {
            bounds.add(ws.linearBound(r));
        }
        return Optional.of(bounds);
    }

    /** Back-substitutes c from the outputs, given final bounds of the layers it needs. Not modified: c. */
    double objectiveUpperBound(PartialBounds state, double[] c) {
        BackSubstitution ws = substituteObjectives(state, new double[][] {c});
        double[] out = new double[1];
        ws.concretise(state.set, out);
        return out[0];
    }

    private BackSubstitution substituteObjectives(PartialBounds state, double[][] objectives) {
        BackSubstitution ws = workspace.get();
        ws.startFromObjectives(objectives);
        for (int l = state.network.layerCount() - 1; l >= 0; l--) {
            ws.throughLayer(state, l);
        }
        return ws;
    }

    /** Narrows the listed neurons of layer k (k ≥ 1) by back-substitution. */
    void refine(PartialBounds state, int k, int[] neurons, int count) {
        BackSubstitution ws = workspace.get();
        ws.startFromLayer(state.network, k, neurons, count);
        for (int l = k - 1; l >= 0; l--) {
            ws.throughLayer(state, l);
        }
        double[] out = new double[ws.rows()];
        ws.concretise(state.set, out);
        for (int q = 0; q < count; q++) {
            state.tighten(k, neurons[q], -out[2 * q + 1], out[2 * q]);
        }
    }
}
