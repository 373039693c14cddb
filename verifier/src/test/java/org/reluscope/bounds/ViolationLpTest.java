package org.reluscope.bounds;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.input.Box;
import org.reluscope.lp.LpSolvers;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;

/**
 * The warm violation LP of branch-and-bound nodes is a sound lower bound of
 * max_i (a_i·f(x) − b_i) over every sampled input that satisfies the node's splits, and, on a
 * node whose splits fix every ReLU left open, it is exact: its minimiser's true value matches
 * the bound.
 */
class ViolationLpTest {
    private final ViolationLp lp = new ViolationLp(LpSolvers.create(LpSolvers.DEFAULT_LP));
    private final SymbolicPropagation crown = new SymbolicPropagation();

    @Test
    void boundsEverySampledInputOfTheNodeAndIsExactOnFixedPatterns() {
        Random random = new Random(4);
        for (int k = 0; k < 20; k++) {
            Network net = RandomNetworks.relu(60 + k, 0.3, 3, 10, 10, 3);
            Box box = Box.linf(new double[] {0.3, -0.2, 0.1}, 0.4);
            double[][] a = new double[1 + k % 2][3];
            double[] b = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < 3; j++) {
                    a[i][j] = random.nextGaussian();
                }
                b[i] = random.nextGaussian();
            }
            Bounds root = crown.compute(net, box);
            double[] anchor = box.sample(random);
            try (ViolationLp.Session session = lp.open(net, box, root, a, b)) {
                ReluSplits splits = SplitSoundnessTest.splitsAgreeingWith(net, root, anchor, random, 3);
                Bounds node = crown.compute(net, box, new BoundOptions(splits, root.layers(), 0));
                double bound = session.minimise(node).lowerBound();
                for (int s = 0; s < 2000; s++) {
                    double[] x = box.sample(random);
                    if (SplitSoundnessTest.satisfies(net, splits, x)) {
                        double v = violation(net.evaluate(x), a, b);
                        assertTrue(bound <= v + 1e-9, "seed " + k + ": bound " + bound + " above " + v);
                    }
                }
                ReluSplits all = patternOf(net, root, anchor);
                ViolationLp.Result exact = session.minimise(
                        crown.compute(net, box, new BoundOptions(all, root.layers(), 0)));
                assertTrue(exact.exact(), "seed " + k + ": the pattern leaves a ReLU open");
                double atMinimiser = violation(net.evaluate(box.project(exact.minimiser())), a, b);
                assertTrue(exact.lowerBound() <= violation(net.evaluate(anchor), a, b) + 1e-9);
                assertTrue(Math.abs(atMinimiser - exact.lowerBound()) < 1e-6 * (1 + Math.abs(atMinimiser)),
                        "seed " + k + ": exact LP " + exact.lowerBound() + " but its minimiser gives " + atMinimiser);
            }
        }
    }

    /** Every ReLU unstable on the root fixed to its phase at x. */
    private static ReluSplits patternOf(Network net, Bounds root, double[] x) {
        double[][] z = net.preActivations(x);
        ReluSplits splits = ReluSplits.NONE;
        for (int l = 0; l < net.layerCount() - 1; l++) {
            for (int i = 0; i < z[l].length; i++) {
                if (root.layer(l).isUnstable(i)) {
                    splits = splits.with(l, i, z[l][i] >= 0 ? ReluSplits.Phase.ACTIVE : ReluSplits.Phase.INACTIVE);
                }
            }
        }
        return splits;
    }

    private static double violation(double[] y, double[][] a, double[] b) {
        double worst = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            double s = -b[i];
            for (int j = 0; j < y.length; j++) {
                s += a[i][j] * y[j];
            }
            worst = Math.max(worst, s);
        }
        return worst;
    }
}
