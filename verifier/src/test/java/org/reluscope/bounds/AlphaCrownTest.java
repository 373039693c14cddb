package org.reluscope.bounds;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.lp.ortools.OrToolsEngine;
import org.reluscope.lp.ortools.OrToolsSolver;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.testing.ReachProbe;

/**
 * α-CROWN against independent oracles: its bounds contain everything sampling and gradient
 * ascent reach ({@link ReachProbe}), with and without splits (then only points satisfying the
 * splits count, and β is in play; its layer bounds under splits are checked in
 * {@link SplitSoundnessTest}); they nest inside CROWN's; and on one hidden layer over a
 * box, where optimal slopes are the triangle LP's dual, its bound on an objective never beats
 * the LP's optimum and closes most of the gap between CROWN and the LP.
 */
class AlphaCrownTest {
    private static final AlphaCrown ALPHA = new AlphaCrown(30, 0.1);
    private static final SymbolicPropagation CROWN = new SymbolicPropagation();

    @Test
    void containsWhatTheProbeReachesAndNestsInCrown() {
        Random random = new Random(31);
        for (int k = 0; k < 30; k++) {
            int in = 1 + random.nextInt(5);
            int depth = 1 + random.nextInt(3);
            int[] widths = new int[depth + 2];
            widths[0] = in;
            for (int l = 1; l <= depth; l++) {
                widths[l] = 3 + random.nextInt(12);
            }
            widths[depth + 1] = 1 + random.nextInt(3);
            Network net = RandomNetworks.relu(3000 + k, 0.3, widths);
            InputSet set = BoundsSoundnessTest.randomSet(random, in, k % 3);
            double[][] objectives = randomObjectives(random, 4, net.outputSize());
            ReachProbe.Result seen = ReachProbe.run(net, set, objectives, 3000, k);
            Bounds alpha = ALPHA.compute(net, set);
            Bounds crown = CROWN.compute(net, set);
            String where = "alpha-crown on " + net + " over " + set.getClass().getSimpleName() + " seed " + k;
            BoundsSoundnessTest.assertContains(alpha, seen, where);
            BoundsSoundnessTest.assertNested(alpha, crown, net);
            for (int r = 0; r < objectives.length; r++) {
                double ub = ALPHA.upperBound(net, set, objectives[r], BoundOptions.DEFAULT);
                double max = seen.objectiveMax()[r];
                assertTrue(ub >= max - BoundsSoundnessTest.tolerance(max), where + ": objective " + r + " reaches "
                        + max + " above the bound " + ub);
                double crownUb = CROWN.upperBound(net, set, objectives[r], BoundOptions.DEFAULT);
                assertTrue(ub <= crownUb, where + ": objective " + r + " bound " + ub + " looser than CROWN's "
                        + crownUb);
            }
        }
    }

    @Test
    void objectiveUnderSplitsBoundsThePointsThatSatisfyThem() {
        Random random = new Random(32);
        int kept = 0;
        for (int k = 0; k < 30; k++) {
            Network net = RandomNetworks.relu(600 + k, 0.3, 3, 12, 12, 2);
            InputSet set = k % 2 == 0 ? Box.linf(new double[] {0.2, -0.1, 0.4}, 0.6)
                    : new L2Ball(new double[] {0.2, -0.1, 0.4}, 0.8);
            Bounds plain = CROWN.compute(net, set);
            double[] anchor = set.sample(random);
            ReluSplits splits = SplitSoundnessTest.splitsAgreeingWith(net, plain, anchor, random, 4);
            BoundOptions options = new BoundOptions(splits, plain.layers(), 0);
            List<double[]> points = SplitSoundnessTest.pointsSatisfying(net, set, splits, anchor, random);
            kept += points.size();
            for (double[] c : randomObjectives(random, 3, net.outputSize())) {
                double ub = ALPHA.upperBound(net, set, c, options);
                assertTrue(ub <= CROWN.upperBound(net, set, c, options), "seed " + k + ": looser than CROWN");
                for (double[] x : points) {
                    double v = dot(c, net.evaluate(x));
                    assertTrue(v <= ub + BoundsSoundnessTest.tolerance(v), "seed " + k + ": a point satisfying the"
                            + " splits reaches " + v + " above the bound " + ub);
                }
            }
        }
        assertTrue(kept > 10_000, "enough points satisfied the splits: " + kept);
    }

    @Test
    void oneHiddenLayerOnABoxApproachesTheTriangleLp() {
        TriangleRelaxation lp = new TriangleRelaxation(new OrToolsSolver(OrToolsEngine.GLOP));
        Random random = new Random(33);
        double crownGap = 0;
        double alphaGap = 0;
        for (int k = 0; k < 20; k++) {
            int in = 2 + random.nextInt(6);
            Network net = RandomNetworks.relu(700 + k, 0.3, in, 10 + random.nextInt(20), 3);
            InputSet set = BoundsSoundnessTest.randomSet(random, in, 0);
            for (double[] c : randomObjectives(random, 3, net.outputSize())) {
                double exactLp = lp.upperBound(net, set, c, BoundOptions.DEFAULT);
                double alpha = ALPHA.upperBound(net, set, c, BoundOptions.DEFAULT);
                double crown = CROWN.upperBound(net, set, c, BoundOptions.DEFAULT);
                assertTrue(alpha >= exactLp - 1e-7 * (1 + Math.abs(exactLp)), "seed " + k + ": alpha " + alpha
                        + " below the LP optimum " + exactLp);
                crownGap += crown - exactLp;
                alphaGap += alpha - exactLp;
            }
        }
        assertTrue(crownGap > 0, "CROWN left a gap to close");
        assertTrue(alphaGap <= 0.2 * crownGap, "alpha left " + alphaGap + " of CROWN's gap " + crownGap);
    }

    private static double[][] randomObjectives(Random random, int count, int outputs) {
        double[][] c = new double[count][outputs];
        for (double[] row : c) {
            for (int j = 0; j < outputs; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return c;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
