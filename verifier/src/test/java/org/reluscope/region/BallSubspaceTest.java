package org.reluscope.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reluscope.bounds.ReluSplits;
import org.reluscope.input.Box;
import org.reluscope.input.L2Ball;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.LpSolvers;
import org.reluscope.lp.Sense;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;

/**
 * Balls in many dimensions, where region enumeration works in the span of each piece's rows
 * ({@link BallSubspace}). Oracles: the full-dimensional path on the same set for the regions
 * (the plain ball and the ball inside a domain box too far away to touch it are the same set,
 * but only the first is reduced: a domain box makes the box faces constraints), sampling, and
 * the MILP tangent-cut loop for the bounds.
 */
class BallSubspaceTest {
    private static final LpSolver SCIP = LpSolvers.create("scip");

    private static Network network(long seed, int inputs) {
        return RandomNetworks.relu(seed, 0.3, inputs, 10, 8, 2);
    }

    private static L2Ball ball(Network net, long seed, double r) {
        Random random = new Random(seed);
        double[] x0 = new double[net.inputSize()];
        for (int j = 0; j < x0.length; j++) {
            x0[j] = 0.2 * random.nextGaussian();
        }
        return new L2Ball(x0, r);
    }

    /** The same ball inside a domain box at distance ≥ 10 r from it. */
    private static L2Ball withFarDomain(L2Ball ball) {
        double[] lo = ball.center();
        double[] hi = ball.center();
        for (int j = 0; j < lo.length; j++) {
            lo[j] -= 11 * ball.radius();
            hi[j] += 11 * ball.radius();
        }
        return new L2Ball(ball.center(), ball.radius(), new Box(lo, hi));
    }

    @Test
    void reducedAndFullDimensionalEnumerationsAgree() {
        for (long seed = 1; seed <= 2; seed++) {
            Network net = network(seed, 10);
            L2Ball plain = ball(net, seed, 0.3);
            Collected reduced = Collected.run(net, plain);
            Collected full = Collected.run(net, withFarDomain(plain));
            assertTrue(reduced.regions.size() >= 10, "a non-trivial case: " + reduced.regions.size());
            assertEquals(full.regions.size(), reduced.regions.size(), "seed " + seed);
            for (int k = 0; k < full.regions.size(); k++) {
                assertEquals(full.regions.get(k).pattern(), reduced.regions.get(k).pattern());
            }
            Random random = new Random(seed);
            Set<ActivationPattern> found = new HashSet<>();
            reduced.regions.forEach(r -> found.add(r.pattern()));
            for (int s = 0; s < 2000; s++) {
                double[] x = plain.sample(random);
                assertTrue(found.contains(ActivationPattern.of(net, x)), "a sampled pattern was missed");
            }
        }
    }

    /**
     * Exact bounds in the reduced space lie in the bracket of the MILP tangent-cut loop
     * ({@link MilpReference#overBall}: a value attained in the ball, and a relaxed optimum) and
     * are never looser than the full-dimensional path's (whose objective cut loop stops after
     * its rounds in 10 dimensions, a few 1e-4 above the optimum here).
     */
    @Test
    void reducedExactBoundsLieInTheMilpBracket() {
        ExactBounds exact = new ExactBounds(LpSolvers.create("glop"));
        Network net = network(4, 10);
        L2Ball plain = ball(net, 4, 0.25);
        double[] c = {1, -1};
        ExactBounds.Result reduced = exact.bound(net, plain, new double[][] {c}, ReluSplits.NONE);
        ExactBounds.Result full = exact.bound(net, withFarDomain(plain), new double[][] {c}, ReluSplits.NONE);
        double tol = 1e-9 * (1 + Math.abs(reduced.upper()[0]));
        MilpReference.Bracket max = MilpReference.overBall(net, plain, c, Sense.MAXIMIZE, SCIP, 1e-9, 30);
        assertTrue(reduced.upper()[0] >= max.attained() - tol && reduced.upper()[0] <= max.relaxed() + tol,
                reduced.upper()[0] + " outside " + max);
        assertTrue(reduced.upper()[0] <= full.upper()[0] + tol);
        MilpReference.Bracket min = MilpReference.overBall(net, plain, c, Sense.MINIMIZE, SCIP, 1e-9, 30);
        assertTrue(reduced.lower()[0] <= min.attained() + tol && reduced.lower()[0] >= min.relaxed() - tol,
                reduced.lower()[0] + " outside " + min);
        assertTrue(reduced.lower()[0] >= full.lower()[0] - tol);
    }
}
