package org.reluscope.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.reluscope.input.Box;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.spec.LinearConstraints;

class FalsifierTest {
    /**
     * y = t(x0) + t(x1) with the tent t(z) = σ(z − 0.6) − 2σ(z − 0.61) (peak 0.01 at 0.61, zero
     * below 0.6), on [−1, 1]²: y ≥ 0.019 needs both coordinates within 0.0005 of the peak, about
     * 6e-8 of the box, and the gradient vanishes wherever a coordinate is below 0.6 — the shape
     * of ACAS Xu 1_9 prop_7, where sampling and a few descents find nothing.
     */
    private static final Network TENTS = new Network(List.of(
            AffineLayer.of(new double[][] {{1, 0}, {1, 0}, {0, 1}, {0, 1}}, new double[] {-0.6, -0.61, -0.6, -0.61},
                    Activation.RELU),
            AffineLayer.of(new double[][] {{1, -2, 1, -2}}, new double[] {0}, Activation.IDENTITY)));
    private static final Box BOX = Box.linf(new double[] {0, 0}, 1);
    private static final LinearConstraints UNSAFE = LinearConstraints.of(new double[] {-1}, -0.019);

    @Test
    void restartsFindAWitnessTheFirstPassMisses() {
        Falsifier falsifier = new Falsifier(TENTS, 1);
        assertTrue(falsifier.falsify(BOX, List.of(UNSAFE), Deadline.NONE).isEmpty(),
                "the first pass was expected to miss (else this test shows nothing)");
        Optional<Witness> w = falsifier.restart(BOX, List.of(UNSAFE), Deadline.in(Duration.ofSeconds(20)));
        assertTrue(w.isPresent(), "no witness in 20 s of restarts");
        double[] x = w.get().input();
        assertTrue(BOX.contains(x, 0) && TENTS.evaluate(x)[0] >= 0.019, "witness really violates");
    }
}
