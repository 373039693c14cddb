package org.reluscope.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.input.Box;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;

/**
 * {@link Neighborhood}'s region counts against the 1-D formula: with one input and one hidden
 * layer, unit k switches at x = −b_k / w_k, so the regions meeting an interval are 1 + the
 * distinct breakpoints strictly inside it. Balls of both norms are intervals, cut to the
 * domain when there is one.
 */
class NeighborhoodCountTest {

    @Test
    void oneInputCountIsOnePlusTheBreakpointsInsideBallAndDomain() {
        Random random = new Random(5);
        Box domain = new Box(new double[] {-0.5}, new double[] {0.8});
        for (int trial = 0; trial < 200; trial++) {
            int units = 1 + random.nextInt(6);
            double[][] w = new double[units][1];
            double[] b = new double[units];
            double[][] out = new double[1][units];
            TreeSet<Double> breakpoints = new TreeSet<>();
            for (int k = 0; k < units; k++) {
                w[k][0] = (random.nextBoolean() ? 1 : -1) * (0.2 + random.nextDouble());
                b[k] = random.nextGaussian() * 0.5;
                out[0][k] = random.nextGaussian();
                breakpoints.add(-b[k] / w[k][0]);
            }
            Network net = new Network(List.of(AffineLayer.of(w, b, Activation.RELU),
                    AffineLayer.of(out, new double[] {0}, Activation.IDENTITY)));
            boolean clipped = trial % 2 == 1;
            double x = clipped ? -0.5 + 1.3 * random.nextDouble() : random.nextGaussian() * 0.5;
            double r = 0.02 + random.nextDouble();
            DistanceNorm norm = trial % 3 == 0 ? DistanceNorm.L2 : DistanceNorm.LINF;
            double lo = clipped ? Math.max(x - r, domain.lower(0)) : x - r;
            double hi = clipped ? Math.min(x + r, domain.upper(0)) : x + r;
            long expected = 1 + breakpoints.subSet(lo, false, hi, false).size();
            NeighborhoodOptions options = new NeighborhoodOptions(norm, r, clipped ? domain : null,
                    new SymbolicPropagation(), 10_000, 30, 0, 0);
            RegionCount count = new Neighborhood(net, options, null).regions(new double[] {x});
            String where = "trial " + trial + ": x = " + x + ", r = " + r + ", " + norm + (clipped ? ", clipped" : "")
                    + ", breakpoints " + breakpoints;
            assertTrue(count.exact(), where);
            assertEquals(expected, count.value().longValueExact(), where);
            assertTrue(count.bound().admits(expected), where);
        }
    }
}
