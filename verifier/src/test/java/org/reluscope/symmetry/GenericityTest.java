package org.reluscope.symmetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;

class GenericityTest {
    private static final SymmetryOptions OPTIONS = SymmetryOptions.DEFAULT;

    private static Genericity of(Network net) {
        return Genericity.of(ShallowNetwork.of(net), OPTIONS);
    }

    /** Random networks, against a brute force over all non-empty subsets of a_h w_hᵀ. */
    @Test
    void randomNetworksAgreeWithBruteForce() {
        for (int seed = 0; seed < 20; seed++) {
            Network net = RandomNetworks.relu(seed, 1.0, 2, 2 + seed % 8, 1);
            boolean vanishing = smallestSubsetSum(ShallowUnits.of(net)) <= OPTIONS.tolerance();
            Genericity g = of(net);
            assertEquals(vanishing ? Genericity.Status.DEGENERATE : Genericity.Status.GENERIC, g.status(), g.reason());
        }
    }

    @Test
    void plantedVanishingSubsetIsFoundAndNamed() {
        Random random = new Random(4);
        ShallowUnits units = ShallowUnits.of(RandomNetworks.relu(9, 1.0, 3, 6, 2));
        // a_3 = 2 a_1, a_4 = a_1, w_4 = −w_1 − 2 w_3: then a_1 w_1ᵀ + a_3 w_3ᵀ + a_4 w_4ᵀ = 0
        double[] a1 = units.units.get(1).a();
        double[] w1 = units.units.get(1).w();
        double[] w3 = ShallowUnits.gaussian(3, random);
        double[] w4 = w1.clone();
        for (int j = 0; j < 3; j++) {
            w4[j] = -w1[j] - 2 * w3[j];
        }
        units.units.set(3, new ShallowUnits.Unit(w3, 0.3, ShallowUnits.times(2, a1)));
        units.units.set(4, new ShallowUnits.Unit(w4, -0.1, a1));
        Genericity g = of(units.network());
        assertEquals(Genericity.Status.DEGENERATE, g.status());
        assertTrue(g.reason().contains("1, 3, 4"), g.reason());
    }

    @Test
    void deadConstantAndProportionalUnitsAreDegenerate() {
        Random random = new Random(2);
        Network base = RandomNetworks.relu(1, 1.0, 3, 4, 1);
        ShallowUnits dead = ShallowUnits.of(base);
        dead.addDead(random);
        ShallowUnits constant = ShallowUnits.of(base);
        constant.addConstant(random);
        ShallowUnits parallel = ShallowUnits.of(base);
        parallel.split(2, 0.5, 3);
        ShallowUnits antiparallel = ShallowUnits.of(base);
        ShallowUnits.Unit u = antiparallel.units.get(0);
        antiparallel.add(ShallowUnits.times(-2, u.w()), -2 * u.c(), 1.0);
        assertEquals(Genericity.Status.GENERIC, of(base).status());
        for (ShallowUnits s : new ShallowUnits[] {dead, constant, parallel, antiparallel}) {
            assertEquals(Genericity.Status.DEGENERATE, of(s.network()).status());
        }
    }

    @Test
    void exhaustedBudgetIsUndecided() {
        Network net = RandomNetworks.relu(3, 1.0, 1, 40, 1);
        Genericity g = Genericity.of(ShallowNetwork.of(net), new SymmetryOptions(1e-9, 10));
        assertEquals(Genericity.Status.UNDECIDED, g.status());
    }

    private static double smallestSubsetSum(ShallowUnits units) {
        int k = units.units.size();
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 1; mask < 1 << k; mask++) {
            int n = units.units.get(0).w().length;
            double[] sum = new double[n];
            for (int h = 0; h < k; h++) {
                if ((mask >> h & 1) == 1) {
                    for (int j = 0; j < n; j++) {
                        sum[j] += units.units.get(h).a()[0] * units.units.get(h).w()[j];
                    }
                }
            }
            double norm = 0;
            for (double v : sum) {
                norm = Math.max(norm, Math.abs(v));
            }
            best = Math.min(best, norm);
        }
        return best;
    }
}
