package org.reluscope.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reluscope.input.Box;
import org.reluscope.input.L2Ball;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;

class IntervalPropagationTest {
    private final IntervalPropagation ibp = new IntervalPropagation();

    @Test
    void crossedRelusGetTheHandComputedIntervals() {
        Bounds b = ibp.compute(SmallNetworks.sumOfCrossedRelus(),
                new Box(new double[] {-1, -1}, new double[] {1, 1}));
        assertEquals(-2, b.layer(0).lower(0), 1e-12);
        assertEquals(2, b.layer(0).upper(1), 1e-12);
        assertEquals(0, b.outputLower(0), 1e-12);
        assertEquals(4, b.outputUpper(0), 1e-12);
        assertTrue(b.outputUpper(0) >= 4 && b.outputLower(0) <= 0, "rounded outward");
        assertEquals(2, b.unstableTotal());
        // c·y from the intervals: 2y over [0, 4]
        assertEquals(8, ibp.upperBound(SmallNetworks.sumOfCrossedRelus(),
                new Box(new double[] {-1, -1}, new double[] {1, 1}), new double[] {2}, BoundOptions.DEFAULT), 1e-12);
    }

    @Test
    void firstLayerIsExactOverABall() {
        // z = 3 x1 − 4 x2 + 1 over the ball of radius 2 around (1, 1): 0 ± 2·5
        Network net = new Network(List.of(AffineLayer.of(new double[][] {{3, -4}}, new double[] {1}, Activation.RELU)));
        Bounds b = ibp.compute(net, new L2Ball(new double[] {1, 1}, 2));
        assertEquals(-10, b.layer(0).lower(0), 1e-12);
        assertEquals(10, b.layer(0).upper(0), 1e-12);
        assertEquals(0, b.outputLower(0));
        assertEquals(10, b.outputUpper(0), 1e-12);
        assertEquals(1, b.layer(0).unstable());
    }

    @Test
    void stableNeuronsAreCountedAsStable() {
        Network net = new Network(List.of(
                AffineLayer.of(new double[][] {{1, 0}, {0, 1}, {1, 1}}, new double[] {5, -5, 0}, Activation.RELU),
                AffineLayer.of(new double[][] {{1, 1, 1}}, new double[] {0}, Activation.IDENTITY)));
        Bounds b = ibp.compute(net, new Box(new double[] {-1, -1}, new double[] {1, 1}));
        assertEquals(1, b.layer(0).unstable());
        assertEquals(0, b.layer(1).unstable());
        // y = (x1 + 5) + 0 + σ(x1 + x2) ∈ [4, 6 + 2]
        assertEquals(4, b.outputLower(0), 1e-12);
        assertEquals(8, b.outputUpper(0), 1e-12);
    }
}
