package org.reluscope.bounds;

import java.util.List;
import java.util.Objects;

import org.reluscope.net.Network;

/**
 * What a caller already knows when it asks for bounds — the way branch-and-bound reuses work
 * between a node and its children.
 *
 * <ul>
 *   <li>{@code splits}: ReLU phases fixed by branching; bounds then hold on the input set
 *       restricted to those phases.</li>
 *   <li>{@code known}: sound pre-activation bounds for the first {@code known.size()} layers
 *       (e.g. the parent node's, which stay valid on a sub-box or under more splits). Every
 *       method intersects what it computes with them, so results are never looser.</li>
 *   <li>{@code trustedLayers}: the first that many layers of {@code known} are taken as they
 *       are, without recomputation (their bounds cannot improve, e.g. the layers before the
 *       first split of a node whose input set is the parent's).</li>
 * </ul>
 * The caller warrants that {@code known} is sound for the input set and splits it passes.
 *
 * @param splits        fixed ReLU phases, {@link ReluSplits#NONE} for none
 * @param known         pre-activation bounds of the first layers, possibly empty
 * @param trustedLayers how many leading layers of {@code known} to use without recomputing
 */
public record BoundOptions(ReluSplits splits, List<LayerBounds> known, int trustedLayers) {

    /** No splits, nothing known. */
    public static final BoundOptions DEFAULT = new BoundOptions(ReluSplits.NONE, List.of(), 0);

    public BoundOptions {
        Objects.requireNonNull(splits);
        known = List.copyOf(known);
        if (trustedLayers < 0 || trustedLayers > known.size()) {
            throw new IllegalArgumentException("trusted layers " + trustedLayers + " but " + known.size()
                    + " layers are known");
        }
    }

    /** Only splits. */
    public static BoundOptions withSplits(ReluSplits splits) {
        return new BoundOptions(splits, List.of(), 0);
    }

    /**
     * Reuses all layers of {@code bounds} but the last as trusted (the typical query of many
     * objectives c·y over one node: only the final back-substitution is left to do).
     */
    public static BoundOptions reusing(Bounds bounds, ReluSplits splits) {
        List<LayerBounds> hidden = bounds.layers().subList(0, bounds.layers().size() - 1);
        return new BoundOptions(splits, hidden, hidden.size());
    }

    /**
     * These options with {@code looser}'s bounds (computed under them, e.g. CROWN's) as known
     * bounds, so that a tighter method's sweep only narrows them: its bounds then nest inside
     * neuron by neuron even where a layer keeps back-substitution bounds, which are not
     * monotone in the intermediate bounds (an adaptive lower slope may flip). {@code looser}
     * already used these options' known bounds, so nothing is lost.
     */
    public BoundOptions onTopOf(Bounds looser) {
        return new BoundOptions(splits, looser.layers(), trustedLayers);
    }

    /** The same options with other splits. */
    public BoundOptions withSplitsReplaced(ReluSplits newSplits) {
        return new BoundOptions(newSplits, known, trustedLayers);
    }

    /**
     * @throws IllegalArgumentException if {@code known} does not fit {@code network} (the
     *                                  splits are checked by {@link ReluSplits#dense})
     */
    void check(Network network) {
        if (known.size() > network.layerCount()) {
            throw new IllegalArgumentException(known.size() + " known layers but the network has "
                    + network.layerCount());
        }
        for (int l = 0; l < known.size(); l++) {
            if (known.get(l).size() != network.layer(l).outputSize()) {
                throw new IllegalArgumentException("known bounds of layer " + l + " have " + known.get(l).size()
                        + " neurons but the layer has " + network.layer(l).outputSize());
            }
        }
    }
}
