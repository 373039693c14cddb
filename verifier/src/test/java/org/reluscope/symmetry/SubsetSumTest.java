package org.reluscope.symmetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.numeric.Vectors;

class SubsetSumTest {
    private static final double TOL = 1e-9;

    /** Planted and random targets in dimensions below and above the number of vectors, against enumeration. */
    @Test
    void agreesWithEnumeration() {
        Random random = new Random(17);
        int found = 0;
        for (int trial = 0; trial < 300; trial++) {
            int d = 1 + random.nextInt(3);
            int k = 1 + random.nextInt(11);
            double[][] v = new double[k][];
            for (int j = 0; j < k; j++) {
                v[j] = ShallowUnits.gaussian(d, random);
            }
            double[] target = new double[d];
            if (trial % 2 == 0) {
                for (int j = 0; j < k; j++) {
                    if (random.nextBoolean()) {
                        Vectors.axpy(1, v[j], target);
                    }
                }
            } else {
                target = ShallowUnits.gaussian(d, random);
            }
            boolean nonEmpty = trial % 5 == 0;
            SubsetSum.Result r = SubsetSum.search(v, target, TOL, nonEmpty, null, 1L << 20);
            boolean exists = enumerate(v, target, nonEmpty);
            assertEquals(exists ? SubsetSum.Outcome.FOUND : SubsetSum.Outcome.NONE, r.outcome(), "trial " + trial);
            if (exists) {
                found++;
                double[] sum = new double[d];
                for (int j = 0; j < k; j++) {
                    if (r.subset()[j]) {
                        Vectors.axpy(1, v[j], sum);
                    }
                }
                assertTrue(Vectors.within(sum, target, TOL));
            }
        }
        assertTrue(found > 100);
    }

    @Test
    void tinyBudgetIsReported() {
        Random random = new Random(1);
        double[][] v = new double[30][];
        for (int j = 0; j < v.length; j++) {
            v[j] = ShallowUnits.gaussian(1, random);
        }
        assertEquals(SubsetSum.Outcome.BUDGET_EXHAUSTED, SubsetSum.search(v, new double[] {0.123456789},
                TOL, false, null, 5).outcome());
    }

    private static boolean enumerate(double[][] v, double[] target, boolean nonEmpty) {
        for (int mask = nonEmpty ? 1 : 0; mask < 1 << v.length; mask++) {
            double[] sum = new double[target.length];
            for (int j = 0; j < v.length; j++) {
                if ((mask >> j & 1) == 1) {
                    Vectors.axpy(1, v[j], sum);
                }
            }
            if (Vectors.within(sum, target, TOL)) {
                return true;
            }
        }
        return false;
    }
}
