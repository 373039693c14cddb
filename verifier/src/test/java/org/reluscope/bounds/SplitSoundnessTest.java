package org.reluscope.bounds;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.bounds.ReluSplits.Phase;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;

/**
 * Bounds under ReLU splits hold on the part of the set that satisfies the splits: sampled
 * points with the split neurons in the fixed phases stay inside. Given the parent's bounds as
 * known bounds (as branch-and-bound passes them), a child's bounds are never looser, and
 * α,β-CROWN's nest inside CROWN's.
 */
class SplitSoundnessTest {
    private static final List<OutputBounder> METHODS = List.of(new IntervalPropagation(), new SymbolicPropagation(),
            new AlphaCrown(30, 0.1));

    @Test
    void sampledPointsConsistentWithTheSplitsStayInside() {
        Random random = new Random(21);
        int kept = 0;
        for (int k = 0; k < 30; k++) {
            Network net = RandomNetworks.relu(500 + k, 0.3, 3, 10, 10, 10, 2);
            InputSet set = k % 2 == 0 ? Box.linf(new double[] {0.2, -0.1, 0.4}, 0.6)
                    : new L2Ball(new double[] {0.2, -0.1, 0.4}, 0.8);
            Bounds plain = new SymbolicPropagation().compute(net, set);
            double[] anchor = set.sample(random);
            ReluSplits splits = splitsAgreeingWith(net, plain, anchor, random, 4);
            BoundOptions options = new BoundOptions(splits, plain.layers(), 0);
            List<double[]> points = pointsSatisfying(net, set, splits, anchor, random);
            kept += points.size();
            Bounds previous = null;
            for (OutputBounder method : METHODS) {
                Bounds b = method.compute(net, set, options);
                assertFalse(b.empty(), "the anchor satisfies the splits");
                for (double[] x : points) {
                    assertInside(b, net.preActivations(x), method.name() + " seed " + k);
                }
                if (previous != null) {
                    BoundsSoundnessTest.assertNested(b, previous, net);
                }
                previous = b;
            }
            BoundsSoundnessTest.assertNested(previous, plain, net);
        }
        assertTrue(kept > 10_000, "enough points satisfied the splits: " + kept);
    }

    /** Up to {@code count} unstable neurons fixed to the phase they have at {@code x}. */
    static ReluSplits splitsAgreeingWith(Network net, Bounds b, double[] x, Random random, int count) {
        double[][] z = net.preActivations(x);
        ReluSplits splits = ReluSplits.NONE;
        for (int attempt = 0; attempt < 100 && splits.size() < count; attempt++) {
            int l = random.nextInt(net.layerCount() - 1);
            int i = random.nextInt(net.layer(l).outputSize());
            boolean taken = splits.splits().stream().anyMatch(s -> s.layer() == l && s.neuron() == i);
            if (b.layer(l).isUnstable(i) && !taken) {
                splits = splits.with(l, i, z[l][i] >= 0 ? Phase.ACTIVE : Phase.INACTIVE);
            }
        }
        return splits;
    }

    /** The anchor and those of 3,000 samples of the set that satisfy the splits. */
    static List<double[]> pointsSatisfying(Network net, InputSet set, ReluSplits splits, double[] anchor,
                                           Random random) {
        List<double[]> points = new ArrayList<>();
        points.add(anchor);
        for (int s = 0; s < 3000; s++) {
            double[] x = set.sample(random);
            if (satisfies(net, splits, x)) {
                points.add(x);
            }
        }
        return points;
    }

    static boolean satisfies(Network net, ReluSplits splits, double[] x) {
        double[][] z = net.preActivations(x);
        for (ReluSplits.Split s : splits.splits()) {
            double v = z[s.layer()][s.neuron()];
            if (s.phase() == Phase.ACTIVE ? v < 0 : v > 0) {
                return false;
            }
        }
        return true;
    }

    private static void assertInside(Bounds b, double[][] z, String where) {
        for (int l = 0; l < z.length; l++) {
            for (int i = 0; i < z[l].length; i++) {
                double tol = BoundsSoundnessTest.tolerance(z[l][i]);
                assertTrue(z[l][i] >= b.layer(l).lower(i) - tol && z[l][i] <= b.layer(l).upper(i) + tol,
                        where + ": neuron (" + l + ", " + i + ") = " + z[l][i] + " outside [" + b.layer(l).lower(i)
                                + ", " + b.layer(l).upper(i) + "]");
            }
        }
    }
}
