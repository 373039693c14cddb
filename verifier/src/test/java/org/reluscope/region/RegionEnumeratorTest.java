package org.reluscope.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;

class RegionEnumeratorTest {

    /** Hidden units x1, x2, x1 + x2 − 1 (the worked check of issue 9), output their sum. */
    static Network threeLines() {
        return new Network(List.of(
                AffineLayer.of(new double[][] {{1, 0}, {0, 1}, {1, 1}}, new double[] {0, 0, -1}, Activation.RELU),
                AffineLayer.of(new double[][] {{1, 1, 1}}, new double[] {0}, Activation.IDENTITY)));
    }

    @Test
    void threeLinesInBallsAroundTheOrigin() {
        // radius 0.5: the line x1 + x2 = 1 is at distance 1/√2 > 0.5, so only the 4 quadrants
        assertEquals(4, Collected.run(threeLines(), new L2Ball(new double[] {0, 0}, 0.5)).summary.regions());
        // radius 1.2: the line cuts the quadrants x1 > 0 (both sides) ... 7 regions in all
        assertEquals(7, Collected.run(threeLines(), new L2Ball(new double[] {0, 0}, 1.2)).summary.regions());
    }

    @Test
    void oneInputCountIsOnePlusBreakpoints() {
        // units x − 0.2, −x + 0.5, 2x + 0.6 (breakpoint −0.3), x − 2 (outside [−1, 1])
        Network net = new Network(List.of(
                AffineLayer.of(new double[][] {{1}, {-1}, {2}, {1}}, new double[] {-0.2, 0.5, 0.6, -2}, Activation.RELU),
                AffineLayer.of(new double[][] {{1, 1, 1, 1}}, new double[] {0}, Activation.IDENTITY)));
        Collected c = Collected.run(net, new Box(new double[] {-1}, new double[] {1}));
        assertEquals(4, c.summary.regions());
        assertTrue(c.summary.complete());
    }

    /** Sampled points lie in exactly one region (up to 1e-9), and J x + c there is the network's output. */
    @Test
    void regionsPartitionTheSetAndCarryTheNetworksMaps() {
        Network net = RandomNetworks.relu(4, 0.3, 3, 8, 8, 3);
        InputSet[] sets = {new L2Ball(new double[] {0.1, -0.2, 0.3}, 0.6),
                new Box(new double[] {-0.4, -0.6, -0.2}, new double[] {0.5, 0.3, 0.7})};
        for (InputSet set : sets) {
            Collected c = Collected.run(net, set);
            Random random = new Random(3);
            for (int s = 0; s < 3000; s++) {
                double[] x = set.sample(random);
                int inside = 0;
                for (Region r : c.regions) {
                    if (r.polytope().violation(x) <= 1e-9) {
                        inside++;
                        double[] y = r.map().apply(x);
                        double[] f = net.evaluate(x);
                        for (int j = 0; j < y.length; j++) {
                            assertEquals(f[j], y[j], 1e-9 * (1 + Math.abs(f[j])));
                        }
                        assertEquals(ActivationPattern.of(net, x), r.pattern());
                    }
                }
                assertEquals(1, inside, "point in " + inside + " regions");
            }
            assertEquals(c.summary.regions(), c.summary.ranks().values().stream().mapToLong(Long::longValue).sum());
            assertTrue(c.summary.distinctMaps() <= c.summary.regions());
        }
    }

    @Test
    void threadCountDoesNotChangeTheRegions() {
        Network net = RandomNetworks.relu(8, 0.3, 4, 10, 10, 2);
        InputSet[] sets = {new L2Ball(new double[] {0, 0.1, -0.1, 0.2}, 0.5), Box.linf(new double[] {0, 0.1, -0.1, 0.2}, 0.3)};
        for (InputSet set : sets) {
            RegionOptions sorted = RegionOptions.defaults().withSorted(true);
            Collected one = Collected.run(net, set, sorted.withThreads(1));
            Collected two = Collected.run(net, set, sorted.withThreads(2));
            assertEquals(one.regions.size(), two.regions.size());
            for (int k = 0; k < one.regions.size(); k++) {
                Region a = one.regions.get(k);
                Region b = two.regions.get(k);
                assertEquals(a.pattern(), b.pattern());
                assertEquals(a.map(), b.map());
                assertEquals(a.depth(), b.depth());
                assertTrue(java.util.Arrays.deepEquals(a.polytope().a(), b.polytope().a()));
                // the interior points come from the LPs: a task's warm session must see the same sequence
                assertTrue(java.util.Arrays.equals(a.interiorPoint(), b.interiorPoint()));
            }
            assertEquals(one.summary.distinctMaps(), two.summary.distinctMaps());
            assertEquals(one.summary.perDepth(), two.summary.perDepth());
            assertTrue(one.regions.size() > 20, "a non-trivial case: " + one.regions.size());
        }
    }

    /** Merged regions: the output ignores the third unit, so the two halves of its line share one map. */
    @Test
    void distinctMapsMergeRegionsWithTheSameMap() {
        Network net = new Network(List.of(
                AffineLayer.of(new double[][] {{1, 0}, {0, 1}, {1, 1}}, new double[] {0, 0, -1}, Activation.RELU),
                AffineLayer.of(new double[][] {{1, 1, 0}}, new double[] {0}, Activation.IDENTITY)));
        RegionSummary s = Collected.run(net, new L2Ball(new double[] {0, 0}, 1.2)).summary;
        assertEquals(7, s.regions());
        assertEquals(4, s.distinctMaps());
        assertEquals(java.util.Map.of(0, 1L, 1, 6L), s.ranks());
    }
}
