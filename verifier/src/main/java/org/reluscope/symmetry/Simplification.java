package org.reluscope.symmetry;

import java.util.List;
import java.util.Objects;

import org.reluscope.net.Network;

/**
 * A network simplified on a domain, with the per-layer account of what was removed.
 *
 * @param network the simplified network: the same function as the original on the domain
 * @param layers  one entry per hidden layer of the original network
 * @param bounds  the name of the bound method that proved the units' phases
 */
public record Simplification(Network network, List<LayerChange> layers, String bounds) {
    public Simplification {
        Objects.requireNonNull(network);
        layers = List.copyOf(layers);
        Objects.requireNonNull(bounds);
    }

    /** ReLU units before. */
    public int unitsBefore() {
        return layers.stream().mapToInt(LayerChange::before).sum();
    }

    /** ReLU units after. */
    public int unitsAfter() {
        return network.reluCount();
    }
}
