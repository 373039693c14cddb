package org.reluscope.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class RankSumTestTest {

    @Test
    void erfcMatchesTabulatedValues() {
        assertEquals(0.157299207050285, Erfc.erfc(1), 2e-8);
        assertEquals(0.479500122186953, Erfc.erfc(0.5), 6e-8);
        assertEquals(0.004677734981047266, Erfc.erfc(2), 6e-10);
        assertEquals(2 - 0.157299207050285, Erfc.erfc(-1), 2e-8);
        assertEquals(0.975, Erfc.normalCdf(1.959963984540054), 1e-7);
    }

    /** U counts the pairs with aᵢ &gt; bⱼ, ties counting ½, on random samples with many ties. */
    @Test
    void uCountsPairs() {
        Random random = new Random(1);
        for (int trial = 0; trial < 50; trial++) {
            double[] a = sample(random, 1 + random.nextInt(15), 0);
            double[] b = sample(random, 1 + random.nextInt(15), 0);
            double pairs = 0;
            for (double x : a) {
                for (double y : b) {
                    pairs += x > y ? 1 : x == y ? 0.5 : 0;
                }
            }
            assertEquals(pairs, RankSumTest.of(a, b).u(), 1e-9);
        }
    }

    /** The normal approximation is within 0.02 of the exact permutation p-value for 10 + 10 values. */
    @Test
    void pValueCloseToExactPermutationTest() {
        Random random = new Random(2);
        for (int trial = 0; trial < 6; trial++) {
            double[] a = sample(random, 10, trial * 0.4);
            double[] b = sample(random, 10, 0);
            RankSumTest.Result r = RankSumTest.of(a, b);
            assertEquals(exactPValue(a, b), r.pValue(), 0.02, "trial " + trial);
            assertTrue(trial == 0 || r.z() > 0 || r.pValue() > 0.05);
        }
    }

    @Test
    void degenerateSamples() {
        assertEquals(1, RankSumTest.of(new double[] {}, new double[] {1, 2}).pValue());
        assertEquals(1, RankSumTest.of(new double[] {3, 3}, new double[] {3, 3, 3}).pValue());
        RankSumTest.Result infinite = RankSumTest.of(new double[] {Double.POSITIVE_INFINITY, 5, 6, 7, 8, 9, 10, 11},
                new double[] {1, 2, 3, 4, 0, -1, -2, Double.NEGATIVE_INFINITY});
        assertEquals(64, infinite.u());
        assertTrue(infinite.pValue() < 0.001);
    }

    @Test
    void summaryMeanAndMedian() {
        SampleSummary s = SampleSummary.of(new double[] {4, 1, 3, 2});
        assertEquals(2.5, s.mean());
        assertEquals(2.5, s.median());
        assertEquals(3, SampleSummary.of(new double[] {5, 3, 1}).median());
        assertEquals(Double.POSITIVE_INFINITY, SampleSummary.of(new double[] {1, Double.POSITIVE_INFINITY}).mean());
    }

    /** Values on a coarse grid (to create ties), shifted. */
    private static double[] sample(Random random, int size, double shift) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = Math.round(random.nextGaussian() * 4) / 4.0 + shift;
        }
        return v;
    }

    /** P(|U − mn/2| ≥ observed) over every split of the pooled values into groups of the original sizes. */
    private static double exactPValue(double[] a, double[] b) {
        double[] pooled = new double[a.length + b.length];
        System.arraycopy(a, 0, pooled, 0, a.length);
        System.arraycopy(b, 0, pooled, a.length, b.length);
        double centre = a.length * (double) b.length / 2;
        double observed = Math.abs(RankSumTest.of(a, b).u() - centre);
        double[][] wins = new double[pooled.length][pooled.length];
        for (int i = 0; i < pooled.length; i++) {
            for (int j = 0; j < pooled.length; j++) {
                wins[i][j] = pooled[i] > pooled[j] ? 1 : pooled[i] == pooled[j] ? 0.5 : 0;
            }
        }
        long extreme = 0;
        long total = 0;
        for (int mask = 0; mask < 1 << pooled.length; mask++) {
            if (Integer.bitCount(mask) != a.length) {
                continue;
            }
            double u = 0;
            for (int i = 0; i < pooled.length; i++) {
                if ((mask >> i & 1) == 0) {
                    continue;
                }
                for (int j = 0; j < pooled.length; j++) {
                    if ((mask >> j & 1) == 0) {
                        u += wins[i][j];
                    }
                }
            }
            total++;
            if (Math.abs(u - centre) >= observed - 1e-9) {
                extreme++;
            }
        }
        return extreme / (double) total;
    }
}
