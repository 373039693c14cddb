package org.reluscope.verify.bab;

import java.util.List;

import org.reluscope.bounds.BoundOptions;
import org.reluscope.bounds.LayerBounds;
import org.reluscope.bounds.ReluSplits;

/**
 * A node of the branch-and-bound tree: the input set restricted to the ReLU phases
 * {@code splits}, with its parent's pre-activation bounds, which stay sound under more splits
 * and so seed the node's own bounds.
 *
 * @param splits        the phases fixed on the path from the root
 * @param parentLayers  the parent's pre-activation bounds of every layer (at the root: the set's own)
 * @param trustedLayers how many leading layers of {@code parentLayers} cannot change: those up
 *                      to the layer of the newest split, since the bounds of a layer depend
 *                      only on the layers before it (and the split itself is clamped anyway)
 */
record BabNode(ReluSplits splits, List<LayerBounds> parentLayers, int trustedLayers) {

    /** The root: no splits, and the set's bounds, final for every layer. */
    static BabNode root(List<LayerBounds> layers) {
        return new BabNode(ReluSplits.NONE, layers, layers.size());
    }

    BabNode {
        parentLayers = List.copyOf(parentLayers);
    }

    /** The child with neuron (layer, neuron) fixed to {@code phase}, under this node's bounds. */
    BabNode child(List<LayerBounds> layers, int layer, int neuron, ReluSplits.Phase phase) {
        return new BabNode(splits.with(layer, neuron, phase), layers, layer + 1);
    }

    BoundOptions boundOptions() {
        return new BoundOptions(splits, parentLayers, trustedLayers);
    }
}
