package org.reluscope.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.IntervalPropagation;
import org.reluscope.bounds.LayerBounds;
import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.region.RegionEnumerator;
import org.reluscope.region.RegionOptions;
import org.reluscope.region.RegionSummary;

class RegionCountBoundTest {
    private static final SymbolicPropagation CROWN = new SymbolicPropagation();

    @Test
    void workedCheckThreeLinesAroundTheOrigin() {
        Network net = LocalNetworks.threeLines();
        double[] origin = {0, 0};
        L2Ball small = new L2Ball(origin, 0.5);
        L2Ball large = new L2Ball(origin, 1.2);
        assertEquals(BigInteger.valueOf(4), RegionCountBound.of(net, small, CROWN).upperBound());
        assertEquals(BigInteger.valueOf(7), RegionCountBound.of(net, large, CROWN).upperBound());
        assertEquals(4, SampledPatterns.count(net, small, 20_000, 1));
        assertEquals(7, SampledPatterns.count(net, large, 20_000, 1));
        assertEquals(4, exactCount(net, small));
        assertEquals(7, exactCount(net, large));
    }

    /** One input, u unstable neurons: u points cut a line into u + 1 pieces. */
    @Test
    void oneInputGivesUnstablePlusOne() {
        Network net = new Network(List.of(
                AffineLayer.of(new double[][] {{1}, {2}, {-1}, {0.5}}, new double[] {-0.5, 0.2, 0.1, 3}, Activation.RELU),
                AffineLayer.of(new double[][] {{1, 1, 1, 1}}, new double[] {0}, Activation.IDENTITY)));
        Box box = new Box(new double[] {-1}, new double[] {1});
        RegionBound bound = RegionCountBound.of(net, box, CROWN);
        assertEquals(BigInteger.valueOf(4), bound.upperBound());
        assertEquals(List.of(3), Arrays.stream(bound.unstable()).boxed().toList());
        assertEquals(List.of(1), Arrays.stream(bound.neverNegative()).boxed().toList());
        assertEquals(4, SampledPatterns.count(net, box, 20_000, 2));
    }

    /** With every neuron unstable the bound is Serra et al.'s Theorem 1, summed here over the j vectors directly. */
    @Test
    void allUnstableEqualsSerraBound() {
        int[][] architectures = {{2, 3, 3}, {3, 4, 2, 5}, {1, 3, 3, 3}, {4, 6, 6}, {2, 5, 1, 5}, {3, 2, 7, 4}};
        for (int[] hidden : architectures) {
            int[] widths = Arrays.copyOf(hidden, hidden.length + 1);
            widths[hidden.length] = 1;
            Network net = RandomNetworks.relu(7, widths);
            List<LayerBounds> layers = new ArrayList<>();
            for (int l = 1; l < widths.length; l++) {
                double[] lo = new double[widths[l]];
                double[] hi = new double[widths[l]];
                Arrays.fill(lo, -1);
                Arrays.fill(hi, 1);
                layers.add(LayerBounds.of(lo, hi, net.layer(l - 1).activation()));
            }
            BigInteger bound = RegionCountBound.of(net, Bounds.of("test", net, layers)).upperBound();
            assertEquals(serra(hidden, 1, hidden[0]), bound, Arrays.toString(hidden));
        }
    }

    /** Σ over (j_1 … j_L), 0 ≤ j_l ≤ min(n_0, n_1 − j_1, …, n_{l−1} − j_{l−1}, n_l), of Π C(n_l, j_l). */
    private static BigInteger serra(int[] widths, int l, int cap) {
        if (l == widths.length) {
            return BigInteger.ONE;
        }
        BigInteger sum = BigInteger.ZERO;
        for (int j = 0; j <= Math.min(cap, widths[l]); j++) {
            sum = sum.add(choose(widths[l], j).multiply(serra(widths, l + 1, Math.min(cap, widths[l] - j))));
        }
        return sum;
    }

    private static BigInteger choose(int n, int k) {
        BigInteger c = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return c;
    }

    private static final RegionEnumerator ENUMERATOR = new RegionEnumerator(RegionOptions.defaults().withThreads(1));

    private static long exactCount(Network net, InputSet set) {
        RegionSummary summary = ENUMERATOR.enumerate(net, set, region -> { });
        assertTrue(summary.complete());
        return summary.regions();
    }

    /**
     * 300 random (network, set) pairs at three radii, 200 L∞ boxes and 100 L2 balls: the bound
     * grows with the radius and is never below the sampled count, sampled count ≤ exact count
     * ≤ bound, and the exact count grows with the radius.
     */
    @Test
    void neverBelowExactCountAndGrowsWithRadius() {
        Random random = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(3);
            int depth = 1 + random.nextInt(2);
            int[] widths = new int[depth + 2];
            widths[0] = n;
            for (int l = 1; l <= depth; l++) {
                widths[l] = 2 + random.nextInt(4);
            }
            widths[depth + 1] = 2;
            Network net = RandomNetworks.relu(trial, 0.5, widths);
            double[] center = new double[n];
            for (int j = 0; j < n; j++) {
                center[j] = random.nextGaussian() * 0.5;
            }
            double radius = 0.05 + random.nextDouble();
            boolean ball = trial % 3 == 0;
            BigInteger previous = BigInteger.ZERO;
            long previousExact = 0;
            for (double scale : new double[] {0.5, 1, 2}) {
                InputSet set = ball ? new L2Ball(center, radius * scale) : Box.linf(center, radius * scale);
                RegionBound bound = RegionCountBound.of(net, set, CROWN);
                int sampled = SampledPatterns.count(net, set, 2000, trial);
                String where = "trial " + trial + " " + net + " " + set;
                assertTrue(bound.admits(sampled), where + ": bound " + bound.upperBound() + " < sampled " + sampled);
                assertTrue(bound.upperBound().compareTo(previous) >= 0, where + ": bound shrank with the radius");
                assertTrue(RegionCountBound.of(net, set, new IntervalPropagation()).upperBound()
                        .compareTo(bound.upperBound()) >= 0, where + ": interval classification beat crown");
                previous = bound.upperBound();
                long exact = exactCount(net, set);
                assertTrue(sampled <= exact, where + ": sampled " + sampled + " > exact " + exact);
                assertTrue(bound.admits(exact), where + ": bound " + bound.upperBound() + " < exact " + exact);
                assertTrue(exact >= previousExact, where + ": exact count shrank with the radius");
                previousExact = exact;
            }
        }
    }

    @Test
    void hugeBoundsStayExact() {
        Network net = RandomNetworks.relu(3, 20, 64, 64, 2);
        RegionBound bound = RegionCountBound.of(net, new L2Ball(new double[20], 100), CROWN);
        assertTrue(bound.log10() > 18, "expected more regions than a long holds, got 10^" + bound.log10());
        assertEquals(bound.upperBound().toString().length() - 1, (int) Math.floor(bound.log10()));
    }
}
