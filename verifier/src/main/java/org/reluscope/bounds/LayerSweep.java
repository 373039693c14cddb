package org.reluscope.bounds;

import org.reluscope.input.InputSet;
import org.reluscope.net.Activation;
import org.reluscope.net.Network;

/**
 * The layer-by-layer skeleton every relaxation-based method shares. For l = 0, 1, …:
 * <ol>
 *   <li>an interval for z_l: the exact range of W_0 x + b_0 over the set for the first layer
 *       ({@link InputSet#support}), interval arithmetic on [σ(l_{l−1}), σ(u_{l−1})] after it;</li>
 *   <li>intersected with the caller's known bounds, then clamped by the splits;</li>
 *   <li>refined by the method (symbolic back-substitution, LP) for the neurons whose bounds
 *       still matter: every neuron of an affine or of the last layer, the unstable neurons of
 *       a hidden ReLU layer (a stable neuron's relaxation is exact whatever its bounds, so
 *       its interval bounds are kept — which also means a sub-problem can report a looser
 *       interval for a neuron that its splits made stable; pass the parent's bounds as known
 *       bounds to keep refinement monotone);</li>
 *   <li>clamped again; an empty interval proves that no input satisfies the splits.</li>
 * </ol>
 * Each step only narrows, so a method's bounds are never looser than interval propagation's.
 */
final class LayerSweep {

    /** A method's refinement of some neurons of one layer, given final bounds of the layers before it. */
    @FunctionalInterface
    interface Refiner {
        /** Narrows the bounds of {@code neurons[0..count)} of layer {@code layer} in {@code state}. */
        void refine(PartialBounds state, int layer, int[] neurons, int count);
    }

    private LayerSweep() {
    }

    /**
     * Bounds for the first {@code layers} layers.
     *
     * @param refiner the method's refinement, or {@code null} for plain interval propagation
     * @throws IllegalArgumentException if the set or the options do not fit the network
     */
    static PartialBounds run(Network network, InputSet set, BoundOptions options, int layers, Refiner refiner) {
        if (set.dimension() != network.inputSize()) {
            throw new IllegalArgumentException("input set has dimension " + set.dimension() + " but the network takes "
                    + network.inputSize() + " inputs");
        }
        options.check(network);
        PartialBounds state = new PartialBounds(network, set, options.splits());
        for (int l = 0; l < layers; l++) {
            boolean trusted = l < options.trustedLayers();
            if (trusted) {
                copyKnown(state, l, options.known().get(l));
            } else {
                IntervalPropagation.layer(state, l);
                if (l < options.known().size()) {
                    intersectKnown(state, l, options.known().get(l));
                }
            }
            state.clampSplitsAndCheck(l);
            if (!trusted && refiner != null && l > 0 && !state.empty) {
                int[] neurons = new int[state.lower[l].length];
                int count = targets(state, l, neurons);
                if (count > 0) {
                    refiner.refine(state, l, neurons, count);
                    state.clampSplitsAndCheck(l);
                }
            }
            if (state.empty) {
                return state;
            }
            state.done = l + 1;
        }
        return state;
    }

    /**
     * A method that tightens CROWN: CROWN's bounds first (an empty set stays empty), then a
     * sweep with {@code refiner} on top of them ({@link BoundOptions#onTopOf}), so that the
     * method's bounds nest inside CROWN's neuron by neuron.
     */
    static Bounds onTopOfCrown(SymbolicPropagation crown, String method, Network network, InputSet set,
                               BoundOptions options, Refiner refiner) {
        Bounds plain = crown.compute(network, set, options);
        if (plain.empty()) {
            return Bounds.emptySet(method, network);
        }
        return run(network, set, options.onTopOf(plain), network.layerCount(), refiner).toBounds(method);
    }

    /** @throws IllegalArgumentException unless c has one entry per output */
    static void checkObjective(double[] c, int outputs) {
        if (c.length != outputs) {
            throw new IllegalArgumentException("objective has " + c.length + " entries but the network has " + outputs
                    + " outputs");
        }
    }

    /** Whether every neuron of layer l is refined (affine or output layer), not just the unstable ones. */
    static boolean refinesAll(PartialBounds state, int l) {
        return state.activation(l) == Activation.IDENTITY || l == state.network.layerCount() - 1;
    }

    private static int targets(PartialBounds state, int l, int[] neurons) {
        boolean all = refinesAll(state, l);
        int count = 0;
        for (int i = 0; i < neurons.length; i++) {
            if (all || state.isUnstable(l, i)) {
                neurons[count++] = i;
            }
        }
        return count;
    }

    private static void copyKnown(PartialBounds state, int l, LayerBounds known) {
        for (int i = 0; i < known.size(); i++) {
            state.lower[l][i] = known.lower(i);
            state.upper[l][i] = known.upper(i);
        }
    }

    private static void intersectKnown(PartialBounds state, int l, LayerBounds known) {
        for (int i = 0; i < known.size(); i++) {
            state.tighten(l, i, known.lower(i), known.upper(i));
        }
    }
}
