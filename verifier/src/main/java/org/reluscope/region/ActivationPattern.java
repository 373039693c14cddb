package org.reluscope.region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.reluscope.bounds.ReluSplits;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;

/**
 * An activation pattern: for every ReLU layer of a network (in order), which neurons are
 * active, D_l = diag(1[z_l &gt; 0]) in MISSION.md's notation. A neuron with z = 0 counts as
 * inactive; on a region's boundary either phase gives the same value σ(0) = 0.
 *
 * <p>Immutable; ordered layer-major with inactive before active, which is the order of
 * {@code --sorted} output.
 *
 * @param active one array per ReLU layer; copied, and the accessor returns copies
 */
public record ActivationPattern(boolean[][] active) implements Comparable<ActivationPattern> {

    public ActivationPattern {
        boolean[][] copy = new boolean[active.length][];
        for (int l = 0; l < active.length; l++) {
            copy[l] = active[l].clone();
        }
        active = copy;
    }

    /** The pattern of the network at input x (z &gt; 0 is active). Not modified: x. */
    public static ActivationPattern of(Network network, double[] x) {
        double[][] z = network.preActivations(x);
        List<boolean[]> layers = new ArrayList<>();
        for (int l = 0; l < z.length; l++) {
            if (network.layer(l).activation() == Activation.RELU) {
                boolean[] bits = new boolean[z[l].length];
                for (int i = 0; i < bits.length; i++) {
                    bits[i] = z[l][i] > 0;
                }
                layers.add(bits);
            }
        }
        return new ActivationPattern(layers.toArray(new boolean[0][]));
    }

    /** The indices of the network's ReLU layers, in order: pattern layer k is network layer reluLayers[k]. */
    public static int[] reluLayers(Network network) {
        int[] idx = new int[network.layerCount()];
        int k = 0;
        List<AffineLayer> layers = network.layers();
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l).activation() == Activation.RELU) {
                idx[k++] = l;
            }
        }
        return Arrays.copyOf(idx, k);
    }

    /**
     * Every neuron fixed to its phase here, as branch-and-bound splits of {@code network}: the
     * inputs satisfying them are exactly this region.
     *
     * @throws IllegalArgumentException if the pattern does not fit the network's ReLU layers
     */
    public ReluSplits toSplits(Network network) {
        int[] relu = reluLayers(network);
        if (relu.length != active.length) {
            throw new IllegalArgumentException("pattern has " + active.length + " layers but the network has "
                    + relu.length + " ReLU layers");
        }
        List<ReluSplits.Split> splits = new ArrayList<>();
        for (int k = 0; k < active.length; k++) {
            if (active[k].length != network.layer(relu[k]).outputSize()) {
                throw new IllegalArgumentException("pattern layer " + k + " has " + active[k].length
                        + " neurons but network layer " + relu[k] + " has " + network.layer(relu[k]).outputSize());
            }
            for (int i = 0; i < active[k].length; i++) {
                splits.add(new ReluSplits.Split(relu[k], i,
                        active[k][i] ? ReluSplits.Phase.ACTIVE : ReluSplits.Phase.INACTIVE));
            }
        }
        return new ReluSplits(splits);
    }

    @Override
    public boolean[][] active() {
        boolean[][] copy = new boolean[active.length][];
        for (int l = 0; l < active.length; l++) {
            copy[l] = active[l].clone();
        }
        return copy;
    }

    /** The number of ReLU layers. */
    public int layerCount() {
        return active.length;
    }

    /** The width of ReLU layer k. */
    public int width(int k) {
        return active[k].length;
    }

    public boolean isActive(int k, int i) {
        return active[k][i];
    }

    /** |S_k|, the number of active neurons of ReLU layer k. */
    public int activeCount(int k) {
        int n = 0;
        for (boolean b : active[k]) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** The bits as 0/1 rows, as the JSON lines print them. */
    public int[][] bits() {
        int[][] b = new int[active.length][];
        for (int k = 0; k < active.length; k++) {
            b[k] = new int[active[k].length];
            for (int i = 0; i < b[k].length; i++) {
                b[k][i] = active[k][i] ? 1 : 0;
            }
        }
        return b;
    }

    /** The label "0110|101": one digit per neuron, layers separated by '|'. */
    public String label() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < active.length; k++) {
            if (k > 0) {
                sb.append('|');
            }
            for (boolean b : active[k]) {
                sb.append(b ? '1' : '0');
            }
        }
        return sb.toString();
    }

    @Override
    public int compareTo(ActivationPattern o) {
        int layers = Math.min(active.length, o.active.length);
        for (int k = 0; k < layers; k++) {
            int c = Arrays.compare(active[k], o.active[k]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(active.length, o.active.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActivationPattern p && Arrays.deepEquals(p.active, active);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(active);
    }

    @Override
    public String toString() {
        return "ActivationPattern[" + label() + "]";
    }
}
