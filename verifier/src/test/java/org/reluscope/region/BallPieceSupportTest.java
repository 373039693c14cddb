package org.reluscope.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.bounds.ReluSplits;
import org.reluscope.input.Box;
import org.reluscope.input.L2Ball;
import org.reluscope.lp.LinearProgram;
import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpSolvers;
import org.reluscope.lp.SafeObjectiveBound;
import org.reluscope.lp.Sense;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.numeric.Vectors;

/**
 * Balls (∩ boxes) through column generation ({@link BallPieceSupport}), against the cold path
 * (every half decided by the slack LP with tangent cuts and the distance QP,
 * {@code withWarmStarts(false)}): the same regions, and exact bounds never looser than the
 * cold path's and never below sampled values. In 2–3 dimensions sampling checks the regions
 * themselves ({@link SamplingOracleTest}). Results do not depend on the thread count.
 */
class BallPieceSupportTest {

    /** A ball ∩ [0, 1]ⁿ like an image's: a third of the centre's pixels 0.02 from the face, so the faces cut it deeply. */
    static L2Ball imageBall(int n, long seed, double r) {
        Random random = new Random(seed);
        double[] x0 = new double[n];
        for (int j = 0; j < n; j++) {
            x0[j] = j % 3 == 0 ? 0.02 : 0.2 + 0.6 * random.nextDouble();
        }
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(hi, 1);
        return new L2Ball(x0, r, new Box(lo, hi));
    }

    private static List<ActivationPattern> patterns(Collected c) {
        List<ActivationPattern> list = new ArrayList<>();
        c.regions.forEach(r -> list.add(r.pattern()));
        return list;
    }

    @Test
    void ballInBoxRegionsEqualTheColdPath() {
        int[] inputs = {12, 25, 30};
        double[] radii = {0.25, 0.2, 0.3};
        for (int k = 0; k < inputs.length; k++) {
            long seed = 40 + k;
            Network net = RandomNetworks.relu(seed, 0.3, inputs[k], 10, 8, 2);
            L2Ball set = imageBall(inputs[k], seed, radii[k]);
            RegionOptions options = RegionOptions.defaults().withSorted(true);
            Collected warm = Collected.run(net, set, options.withThreads(2));
            Collected cold = Collected.run(net, set, options.withWarmStarts(false));
            Collected single = Collected.run(net, set, options.withThreads(1));
            assertTrue(warm.summary.complete() && cold.summary.complete());
            assertTrue(warm.regions.size() >= 8, "a non-trivial case: " + warm.regions.size());
            assertEquals(patterns(cold), patterns(warm), inputs[k] + " inputs");
            assertEquals(patterns(single), patterns(warm));
            for (int q = 0; q < warm.regions.size(); q++) {
                // a task's pool of columns depends only on its pieces, not on the threads
                assertTrue(Arrays.equals(single.regions.get(q).interiorPoint(), warm.regions.get(q).interiorPoint()));
            }
            for (Region r : warm.regions) {
                double[] x = r.interior().orElseThrow();
                assertTrue(set.contains(x, 0), "interior point outside the set");
                assertEquals(r.pattern(), ActivationPattern.of(net, x), "interior point has another pattern");
            }
            System.out.printf("%d inputs: %d regions, %d LPs warm, %d cold%n", inputs[k], warm.regions.size(),
                    warm.summary.lps(), cold.summary.lps());
        }
    }

    @Test
    void ballsInTwoAndThreeDimensionsAgreeWithSampling() {
        Network flat = RandomNetworks.relu(8, 0.3, 2, 10, 8, 2);
        SamplingOracleTest.check(flat, new L2Ball(new double[] {0.1, 0.05}, 0.7,
                new Box(new double[] {-0.3, -1}, new double[] {1, 0.3})), 100_000);
        Network deep = RandomNetworks.relu(9, 0.3, 3, 8, 8, 2);
        SamplingOracleTest.check(deep, imageBall(3, 9, 0.5), 100_000);
    }

    /**
     * Exact bounds of random objectives over ball ∩ box: never below a sampled value, and never
     * above the cold path's bound (the cut loop's LP with the ball's own support) by more than
     * 1e-9 relative.
     */
    @Test
    void exactBoundsAreNeverLooserThanTheColdPath() {
        ExactBounds warm = new ExactBounds(LpSolvers.create("glop"));
        ExactBounds cold = new ExactBounds(LpSolvers.create("glop"), LpSolvers.distance(LpOptions.DEFAULT),
                RegionOptions.defaults().withWarmStarts(false));
        for (long seed = 1; seed <= 4; seed++) {
            int n = seed % 2 == 0 ? 4 : 10;
            Network net = RandomNetworks.relu(seed, 0.3, n, 8, 6, 2);
            L2Ball set = imageBall(n, seed, 0.3);
            double[][] c = {{1, -1}};
            ExactBounds.Result w = warm.bound(net, set, c, ReluSplits.NONE);
            ExactBounds.Result k = cold.bound(net, set, c, ReluSplits.NONE);
            assertTrue(w.complete() && k.complete());
            assertTrue(w.upper()[0] <= k.upper()[0] + 1e-9 * (1 + Math.abs(k.upper()[0])),
                    "seed " + seed + ": upper " + w.upper()[0] + " > cold " + k.upper()[0]);
            assertTrue(w.lower()[0] >= k.lower()[0] - 1e-9 * (1 + Math.abs(k.lower()[0])),
                    "seed " + seed + ": lower " + w.lower()[0] + " < cold " + k.lower()[0]);
            Random random = new Random(seed);
            for (int s = 0; s < 5000; s++) {
                double v = Vectors.dot(c[0], net.evaluate(set.sample(random)));
                assertTrue(v <= w.upper()[0] && v >= w.lower()[0], "seed " + seed + ": sample " + v);
            }
            System.out.printf("seed %d: warm [%.12g, %.12g], cold [%.12g, %.12g]%n", seed, w.lower()[0],
                    w.upper()[0], k.lower()[0], k.upper()[0]);
        }
    }

    /**
     * The closed-form maximiser over ball ∩ box: it lies in the set, no sample beats it, and the
     * rigorous bound from its multiplier split equals its value — so it is the maximum.
     */
    @Test
    void maximiserIsOptimalOverBallAndBox() {
        Random random = new Random(3);
        for (int t = 0; t < 40; t++) {
            int n = 2 + random.nextInt(30);
            L2Ball set = imageBall(n, t, 0.05 + random.nextDouble());
            SetGeometry geometry = new SetGeometry(set, RegionOptions.DEFAULT_INTERIOR_TOLERANCE);
            double[] w = new double[n];
            for (int j = 0; j < n; j++) {
                w[j] = random.nextInt(4) == 0 ? 0 : random.nextGaussian();
            }
            BallMaximiser m = BallMaximiser.of(geometry, w);
            double value = Vectors.dot(w, m.point());
            assertTrue(set.contains(m.point(), 1e-12), "maximiser outside the set");
            LinearProgram.Builder b = LinearProgram.builder();
            for (int j = 0; j < n; j++) {
                b.addVariable(geometry.bounds.lower(j), geometry.bounds.upper(j));
            }
            LinearProgram lp = b.objective(w, Sense.MAXIMIZE).build();
            double bound = SafeObjectiveBound.overBall(lp, new double[0], m.boundShare(), set.center(), set.radius());
            assertEquals(value, bound, 1e-9 * (1 + Math.abs(value)), "trial " + t);
            assertTrue(bound >= value);
            for (int s = 0; s < 200; s++) {
                assertTrue(Vectors.dot(w, set.sample(random)) <= bound);
            }
        }
    }
}
