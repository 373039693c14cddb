package org.reluscope.bounds;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.input.Box;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.testing.ReluMilp;

/**
 * CROWN's linear bounds with lower slopes fixed by the caller (slope 1 or 0 per neuron, as the
 * input-split search takes them from the activation pattern of a candidate point; here all 1,
 * all 0 and random patterns) against
 * SCIP's exact maximum of c·f over the box: every choice must stay above it, and the choice
 * must matter (some fixed slopes give a different bound from the adaptive ones, some a
 * tighter one).
 */
class FixedLowerSlopesTest {
    private static final double MILP_TOLERANCE = 1e-5;
    private final SymbolicPropagation crown = new SymbolicPropagation();

    @Test
    void everySlopeChoiceBoundsTheExactMaximum() {
        Random random = new Random(5);
        int differ = 0;
        int tighter = 0;
        for (int n = 0; n < 6; n++) {
            Network net = RandomNetworks.relu(300 + n, 3, 12, 12, 4);
            Box box = Box.linf(new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()}, 0.4);
            Bounds bounds = crown.compute(net, box);
            BoundOptions reuse = BoundOptions.reusing(bounds, ReluSplits.NONE);
            double[] c = new double[4];
            double[] negated = new double[4];
            for (int j = 0; j < 4; j++) {
                c[j] = random.nextGaussian();
                negated[j] = -c[j];
            }
            double exactMax = -ReluMilp.minimum(net, box, negated);
            double adaptive = upper(net, box, c, reuse, null);
            assertTrue(adaptive >= exactMax - MILP_TOLERANCE, "adaptive " + adaptive + " < max " + exactMax);
            for (int trial = 0; trial < 8; trial++) {
                boolean[][] slopeOne = slopes(net, random, trial);
                double fixed = upper(net, box, c, reuse, slopeOne);
                assertTrue(fixed >= exactMax - MILP_TOLERANCE,
                        "network " + n + ", trial " + trial + ": bound " + fixed + " < exact maximum " + exactMax);
                differ += fixed != adaptive ? 1 : 0;
                tighter += fixed < adaptive ? 1 : 0;
            }
        }
        assertTrue(differ >= 10 && tighter >= 1, differ + " bounds differ from the adaptive ones, " + tighter + " tighter");
    }

    private double upper(Network net, Box box, double[] c, BoundOptions reuse, boolean[][] slopeOne) {
        return crown.linearUpperBounds(net, box, new double[][] {c}, reuse, slopeOne).orElseThrow().get(0).maxOver(box);
    }

    /** All slopes 1 (trial 0), all 0 (trial 1), else random. */
    private static boolean[][] slopes(Network net, Random random, int trial) {
        boolean[][] slopes = new boolean[net.layerCount()][];
        for (int l = 0; l < slopes.length; l++) {
            slopes[l] = new boolean[net.layer(l).outputSize()];
            for (int j = 0; j < slopes[l].length; j++) {
                slopes[l][j] = trial == 0 || trial > 1 && random.nextBoolean();
            }
        }
        return slopes;
    }
}
