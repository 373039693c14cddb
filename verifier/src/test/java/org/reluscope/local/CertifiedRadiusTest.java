package org.reluscope.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.input.InputSet;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.verify.Verifier;
import org.reluscope.verify.VerifierOptions;

/** The certified radius against sampling: no sampled point of the certified ball changes the label. */
class CertifiedRadiusTest {

    @Test
    void certifiedBallsKeepTheirLabelAndRefutationsAreReal() {
        Verifier verifier = new Verifier(VerifierOptions.DEFAULT.withTimeout(Duration.ofSeconds(5)).withThreads(1));
        Random random = new Random(9);
        int certifiedSomewhere = 0;
        for (int trial = 0; trial < 8; trial++) {
            Network net = RandomNetworks.relu(400 + trial, 0.3, 3, 8, 8, 3);
            DistanceNorm norm = trial % 2 == 0 ? DistanceNorm.L2 : DistanceNorm.LINF;
            CertifiedRadius radius = new CertifiedRadius(verifier, net, norm, null);
            double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            int label = Neighborhood.argmax(net.evaluate(x));
            Certification c = radius.certify(x, label, 0.05, 1.0, 8);
            assertTrue(c.certifiedRadius() <= c.refutedRadius(), c.toString());
            if (c.certifiedRadius() > 0) {
                certifiedSomewhere++;
                InputSet ball = Balls.around(x, norm, c.certifiedRadius(), null);
                for (int s = 0; s < 3000; s++) {
                    assertEquals(label, Neighborhood.argmax(net.evaluate(ball.sample(random))), "trial " + trial + " " + c);
                }
            }
        }
        assertTrue(certifiedSomewhere >= 4, "only " + certifiedSomewhere + " of 8 points certified at any radius");
    }
}
