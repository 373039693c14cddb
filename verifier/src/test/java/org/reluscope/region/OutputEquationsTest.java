package org.reluscope.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reluscope.algebra.AffinePiece;
import org.reluscope.algebra.LinearProduct;
import org.reluscope.algebra.OutputConstraints;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;

/**
 * The equations of the union of the regions' affine hulls, checked against sampled outputs of
 * the network itself: every generator vanishes on every reachable output (relative residual
 * below 1e-9), and a random output point off the hulls violates some generator. Networks with
 * a bottleneck narrower than the output (rank-deficient everywhere) and with more outputs than
 * inputs, on boxes and balls.
 */
class OutputEquationsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void generatorsVanishOnSampledOutputsAndNotOffTheHulls(int seed) {
        Network net = switch (seed) {
            case 1 -> RandomNetworks.relu(seed, 0.3, 3, 6, 1, 5, 3);   // bottleneck of width 1
            case 2 -> RandomNetworks.relu(seed, 0.3, 3, 5, 2, 4, 4);   // bottleneck of width 2, 4 outputs
            default -> RandomNetworks.relu(seed, 0.3, 2, 3, 4);         // 4 outputs from 2 inputs
        };
        int n = net.inputSize();
        double[] center = new double[n];
        InputSet set = seed % 2 == 0 ? new L2Ball(center, 0.8) : Box.linf(center, 0.6);
        List<Region> regions = Collections.synchronizedList(new ArrayList<>());
        RegionSummary summary = new RegionEnumerator(RegionOptions.defaults().withSorted(true))
                .enumerate(net, set, regions::add);
        assertTrue(summary.complete());
        List<AffinePiece> pieces = regions.stream().map(Region::toAffinePiece).toList();
        OutputConstraints.Result result = OutputConstraints.analyse(pieces, OutputConstraints.Options.DEFAULT, null);

        int maxRank = regions.stream().mapToInt(Region::rank).max().orElseThrow();
        assertEquals(maxRank, result.dimension());
        assertTrue(maxRank < net.outputSize(), "these networks cannot fill their output space");
        assertFalse(result.generators().isEmpty());

        Random random = new Random(seed);
        for (int s = 0; s < 10_000; s++) {
            double[] y = net.evaluate(set.sample(random));
            for (LinearProduct g : result.generators()) {
                assertTrue(g.relativeResidual(y) < 1e-9, () -> g + " at " + java.util.Arrays.toString(y));
            }
        }
        double[] off = new double[net.outputSize()];
        for (int j = 0; j < off.length; j++) {
            off[j] = random.nextGaussian();
        }
        double worst = 0;
        for (LinearProduct g : result.generators()) {
            worst = Math.max(worst, g.relativeResidual(off));
        }
        assertTrue(worst > 1e-3, "a random output point satisfies every generator: " + worst);
    }
}
