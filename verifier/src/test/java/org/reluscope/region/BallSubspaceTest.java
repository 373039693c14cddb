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
import org.reluscope.lp.LpSolvers;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;

/**
 * Balls in many dimensions, where region enumeration works in the span of each piece's rows
 * ({@link BallSubspace}). The oracle is the full-dimensional path on the same set: the plain
 * ball and the ball inside a domain box too far away to touch it are the same set, but only
 * the first is reduced (a domain box makes the box faces constraints).
 */
class BallSubspaceTest {

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

    @Test
    void reducedExactBoundsEqualTheFullDimensionalOnes() {
        ExactBounds exact = new ExactBounds(LpSolvers.create("glop"));
        Network net = network(4, 10);
        L2Ball plain = ball(net, 4, 0.25);
        double[][] c = {{1, -1}};
        ExactBounds.Result reduced = exact.bound(net, plain, c, ReluSplits.NONE);
        ExactBounds.Result full = exact.bound(net, withFarDomain(plain), c, ReluSplits.NONE);
        double tol = 1e-6 * (1 + Math.abs(full.upper()[0]));
        assertEquals(full.upper()[0], reduced.upper()[0], tol, "upper");
        assertEquals(full.lower()[0], reduced.lower()[0], tol, "lower");
        Random random = new Random(4);
        for (int s = 0; s < 2000; s++) {
            double[] y = net.evaluate(plain.sample(random));
            double v = y[0] - y[1];
            assertTrue(v <= reduced.upper()[0] && v >= reduced.lower()[0]);
        }
    }
}
