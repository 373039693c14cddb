package org.reluscope.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reluscope.input.Box;
import org.reluscope.input.L2Ball;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;

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
}
