package org.reluscope.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;

/**
 * Region enumeration against an independent oracle: the activation patterns of densely sampled
 * inputs. Sampling only finds regions (a lower bound), so: every sampled pattern must be
 * enumerated, and every enumerated region must carry an interior point inside the set whose
 * own pattern (evaluated through the network) is the region's — which proves that it exists.
 * (The regions sampling misses here have inscribed balls of radius 1e-4 to 5e-3 in a ball of
 * radius 0.6: a volume fraction near 1e-7, out of reach of 100,000 samples. The grid test
 * bounds what can be missed in 2-D.)
 */
class SamplingOracleTest {

    static Set<ActivationPattern> sampled(Network net, InputSet set, int count, long seed) {
        Random random = new Random(seed);
        Set<ActivationPattern> seen = new HashSet<>();
        for (int s = 0; s < count; s++) {
            seen.add(ActivationPattern.of(net, set.sample(random)));
        }
        return seen;
    }

    static void check(Network net, InputSet set, int samples) {
        Collected c = Collected.run(net, set);
        Map<ActivationPattern, Region> byPattern = new HashMap<>();
        for (Region r : c.regions) {
            assertTrue(byPattern.put(r.pattern(), r) == null, "pattern enumerated twice: " + r.pattern());
            double[] x = r.interior().orElseThrow();
            assertTrue(set.contains(x, 0), "interior point outside the set");
            assertEquals(r.pattern(), ActivationPattern.of(net, x), "interior point has another pattern");
            assertTrue(r.slack() > 0);
        }
        Set<ActivationPattern> seen = sampled(net, set, samples, 7);
        for (ActivationPattern p : seen) {
            assertNotNull(byPattern.get(p), "sampled pattern not enumerated: " + p.label());
        }
        assertEquals(c.summary.regions(), c.regions.size());
        assertTrue(c.summary.complete());
        System.out.printf("%s: %d regions, %d sampled, %d thin%n", set, c.regions.size(), seen.size(),
                c.summary.thinPieces());
    }

    @ParameterizedTest
    @ValueSource(longs = {2, 3, 4})
    void ballsAgreeWithSampling(long seed) {
        Network net = RandomNetworks.relu(seed, 0.3, 3, 8, 8, 2);
        check(net, new L2Ball(new double[] {0.1, -0.2, 0.3}, 0.6), 100_000);
    }

    @ParameterizedTest
    @ValueSource(longs = {2, 5})
    void boxesAgreeWithSampling(long seed) {
        Network net = RandomNetworks.relu(seed, 0.3, 3, 8, 8, 2);
        check(net, new Box(new double[] {-0.4, -0.6, -0.2}, new double[] {0.5, 0.3, 0.7}), 100_000);
    }

    @ParameterizedTest
    @ValueSource(longs = {11})
    void ballInsideABoxDomainAgreesWithSampling(long seed) {
        Network net = RandomNetworks.relu(seed, 0.3, 3, 8, 8, 2);
        Box domain = new Box(new double[] {-1, -0.4, -1}, new double[] {1, 1, 0.5});
        check(net, new L2Ball(new double[] {0.1, -0.2, 0.3}, 0.6, domain), 100_000);
    }
}
