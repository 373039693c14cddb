package org.reluscope.bounds;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.reluscope.net.Activation;
import org.reluscope.net.Network;

/**
 * Fixed phases of some ReLU neurons, as branch-and-bound creates them: splitting neuron
 * (l, i) restricts the input set to { x : z_{l,i}(x) ≥ 0 } ({@link Phase#ACTIVE}, where
 * σ(z) = z) or to { x : z_{l,i}(x) ≤ 0 } ({@link Phase#INACTIVE}, where σ(z) = 0). Bounds
 * computed under splits hold on the restricted set: the split neuron is treated as stable and
 * its interval clamped to [max(l, 0), u] or [l, min(u, 0)].
 *
 * <p>Immutable; {@link #with} returns a new set (branch-and-bound keeps one per node).
 *
 * @param splits the fixed neurons, each at most once
 */
public record ReluSplits(List<Split> splits) {

    /** No neuron fixed. */
    public static final ReluSplits NONE = new ReluSplits(List.of());

    /** The sign a split fixes. */
    public enum Phase {
        /** z ≥ 0, σ(z) = z. */
        ACTIVE,
        /** z ≤ 0, σ(z) = 0. */
        INACTIVE
    }

    /** Neuron {@code neuron} of layer {@code layer} (0-based, as in {@link Network#layer}) fixed to {@code phase}. */
    public record Split(int layer, int neuron, Phase phase) {
        public Split {
            if (layer < 0 || neuron < 0) {
                throw new IllegalArgumentException("split (" + layer + ", " + neuron + ") has a negative index");
            }
            if (phase == null) {
                throw new IllegalArgumentException("split (" + layer + ", " + neuron + ") has no phase");
            }
        }
    }

    /** @throws IllegalArgumentException if a neuron is listed twice */
    public ReluSplits {
        splits = List.copyOf(splits);
        Set<Long> seen = new HashSet<>();
        for (Split s : splits) {
            if (!seen.add(((long) s.layer << 32) | s.neuron)) {
                throw new IllegalArgumentException("neuron (" + s.layer + ", " + s.neuron + ") is split twice");
            }
        }
    }

    /** These splits plus neuron (layer, neuron) fixed to {@code phase}. */
    public ReluSplits with(int layer, int neuron, Phase phase) {
        List<Split> more = new ArrayList<>(splits);
        more.add(new Split(layer, neuron, phase));
        return new ReluSplits(more);
    }

    public boolean isEmpty() {
        return splits.isEmpty();
    }

    public int size() {
        return splits.size();
    }

    /**
     * The splits as one array per layer: +1 active, −1 inactive, 0 free.
     *
     * @throws IllegalArgumentException if a split names a neuron the network lacks or one
     *                                  that is not a ReLU
     */
    public byte[][] dense(Network network) {
        byte[][] phase = new byte[network.layerCount()][];
        for (int l = 0; l < phase.length; l++) {
            phase[l] = new byte[network.layer(l).outputSize()];
        }
        for (Split s : splits) {
            if (s.layer >= phase.length || s.neuron >= phase[s.layer].length) {
                throw new IllegalArgumentException("split (" + s.layer + ", " + s.neuron + ") is outside the network "
                        + network);
            }
            if (network.layer(s.layer).activation() != Activation.RELU) {
                throw new IllegalArgumentException("split (" + s.layer + ", " + s.neuron + ") is on an affine layer");
            }
            phase[s.layer][s.neuron] = (byte) (s.phase == Phase.ACTIVE ? 1 : -1);
        }
        return phase;
    }
}
