package org.reluscope.region;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.TriangleRelaxation;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.lp.LpSolvers;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.testing.ReachProbe;

/**
 * The top of the bound hierarchy: exact ⊆ lp on every output, and exact still contains every
 * value a sampling and gradient-ascent probe reaches — on boxes, balls and ball ∩ box. Where the
 * LP relaxation is itself exact the two agree up to exact's own safety widening of
 * 1e-9·(1 + |v|), so the nesting is checked with twice that slack. (Intermediate layers are not
 * compared: exact reports crown's there.)
 */
class ExactNestingTest {

    @Test
    void exactNestsInsideLpAndContainsTheProbe() {
        Random random = new Random(21);
        ExactBounds exact = new ExactBounds(LpSolvers.create(LpSolvers.DEFAULT_LP));
        TriangleRelaxation lp = new TriangleRelaxation(LpSolvers.create(LpSolvers.DEFAULT_LP));
        for (int k = 0; k < 24; k++) {
            int in = 1 + random.nextInt(3);
            Network net = RandomNetworks.relu(3000 + k, 0.3, in, 2 + random.nextInt(6), 2 + random.nextInt(6),
                    1 + random.nextInt(3));
            InputSet set = set(random, in, k % 3);
            Bounds e = exact.compute(net, set);
            Bounds l = lp.compute(net, set);
            ReachProbe.Result seen = ReachProbe.run(net, set, new double[0][], 2_000, k);
            int last = net.layerCount() - 1;
            for (int j = 0; j < net.outputSize(); j++) {
                String where = "output " + j + " of " + net + " on " + set;
                double lowSlack = 2e-9 * (1 + Math.abs(l.outputLower(j)));
                double highSlack = 2e-9 * (1 + Math.abs(l.outputUpper(j)));
                assertTrue(e.outputLower(j) >= l.outputLower(j) - lowSlack && e.outputUpper(j) <= l.outputUpper(j) + highSlack,
                        where + ": exact " + e.outputLower(j) + ".." + e.outputUpper(j) + " ⊄ lp "
                                + l.outputLower(j) + ".." + l.outputUpper(j));
                double tol = 1e-9 * (1 + Math.abs(seen.zMax()[last][j]));
                assertTrue(e.outputLower(j) <= seen.zMin()[last][j] + tol && e.outputUpper(j) >= seen.zMax()[last][j] - tol,
                        where + ": the probe reached " + seen.zMin()[last][j] + ".." + seen.zMax()[last][j]);
            }
        }
    }

    private static InputSet set(Random random, int n, int kind) {
        double[] centre = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            centre[i] = 2 * random.nextDouble() - 1;
            double r = 0.05 + random.nextDouble();
            lo[i] = centre[i] - r;
            hi[i] = centre[i] + r;
        }
        double r = 0.1 + random.nextDouble();
        return switch (kind) {
            case 0 -> new Box(lo, hi);
            case 1 -> new L2Ball(centre, r);
            default -> new L2Ball(centre, r, new Box(lo, hi));
        };
    }
}
