package org.reluscope.local;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.reluscope.input.InputSet;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;

/**
 * The sampling oracle for region counts: the distinct activation patterns of random points
 * of a set. A point whose pre-activations are all non-zero is interior to a full-dimensional
 * region, so the count of such patterns is a lower bound on the number of regions meeting
 * the set, independent of any enumerator or bound.
 */
final class SampledPatterns {
    private SampledPatterns() {
    }

    /** The number of distinct patterns among {@code samples} random points of the set. */
    static int count(Network net, InputSet set, int samples, long seed) {
        Random random = new Random(seed);
        Set<String> seen = new HashSet<>();
        for (int s = 0; s < samples; s++) {
            String key = key(net, set.sample(random));
            if (key != null) {
                seen.add(key);
            }
        }
        return seen.size();
    }

    /** The pattern of x as a string of 0/1 per ReLU neuron, or {@code null} when some pre-activation is 0. */
    static String key(Network net, double[] x) {
        double[][] z = net.preActivations(x);
        StringBuilder sb = new StringBuilder();
        List<AffineLayer> layers = net.layers();
        for (int l = 0; l < z.length; l++) {
            if (layers.get(l).activation() != Activation.RELU) {
                continue;
            }
            for (double v : z[l]) {
                if (v == 0) {
                    return null;
                }
                sb.append(v > 0 ? '1' : '0');
            }
        }
        return sb.toString();
    }
}
