package org.reluscope.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.reluscope.input.Box;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.spec.LinearConstraints;

class WitnessCheckTest {
    private final Network net = RandomNetworks.relu(11, 3, 8, 8, 2);
    private final Box box = Box.linf(new double[] {0.1, -0.2, 0.3}, 0.25);
    private final double[] x = {0.2, -0.1, 0.15};
    private final double[] y = net.evaluate(x);

    @Test
    void acceptsAnInputThatViolatesAndReportsItsRecomputedOutput() {
        LinearConstraints unsafe = LinearConstraints.of(new double[] {1, -1}, y[0] - y[1] + 1e-3);
        Optional<Witness> w = WitnessCheck.check(net, box, unsafe, x);
        assertTrue(w.isPresent());
        assertArrayEquals(x, w.get().input());
        assertArrayEquals(y, w.get().output());
    }

    @Test
    void rejectsAPlantedWitnessWhoseOutputMissesTheUnsafeSet() {
        LinearConstraints unsafe = LinearConstraints.of(new double[] {1, -1}, y[0] - y[1] - 1e-3);
        assertFalse(WitnessCheck.check(net, box, unsafe, x).isPresent());
        LinearConstraints twoRows = new LinearConstraints(new double[][] {{1, -1}, {0, 1}},
                new double[] {y[0] - y[1] + 1e-3, y[1] - 1e-9});
        assertFalse(WitnessCheck.check(net, box, twoRows, x).isPresent(), "one row of two is not enough");
    }

    @Test
    void judgesAnOutsideCandidateAtItsProjectionNotAtItself() {
        // f(x) = x on [0, 1]; unsafe y ≥ 2: x = 3 violates but lies outside, its projection 1 does not
        Network identity = new Network(List.of(AffineLayer.of(new double[][] {{1}}, new double[] {0},
                Activation.IDENTITY)));
        Box unit = new Box(new double[] {0}, new double[] {1});
        LinearConstraints unsafe = LinearConstraints.of(new double[] {-1}, -2);
        assertFalse(WitnessCheck.check(identity, unit, unsafe, new double[] {3}).isPresent());
        assertFalse(WitnessCheck.check(identity, unit, unsafe, new double[] {Double.NaN}).isPresent());
        assertFalse(WitnessCheck.check(identity, unit, unsafe, new double[] {1, 1}).isPresent(), "wrong dimension");
    }
}
