package org.reluscope.symmetry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;

class MinimalWidthTest {
    private static final double TOL = 1e-9;

    private static MinimalWidth width(Network net) {
        return MinimalWidth.of(CanonicalForm.of(net, TOL), SymmetryOptions.DEFAULT);
    }

    /** σ(−x) is one unit, although its canonical form is σ(x) − x: flipping absorbs G = −1. */
    @Test
    void flippedUnitAbsorbsTheLinearPart() {
        Network net = new ShallowUnits(new double[] {0}).add(new double[] {-1}, 0, 1).network();
        CanonicalForm f = CanonicalForm.of(net, TOL);
        assertEquals(-1, f.linear(0, 0), 0);
        MinimalWidth w = width(net);
        assertEquals(1, w.width());
        assertTrue(w.proven());
        assertTrue(w.flipped()[0]);
    }

    /** σ(x) + x: one unit tends to a constant on one side, so 2; 2σ(x) − σ(−x) shows 2 suffice. */
    @Test
    void splitUnitSuppliesAMultipleOfItsNormal() {
        Network net = new ShallowUnits(new double[] {0}).add(new double[] {1}, 0, 2).add(new double[] {-1}, 0, -1)
                .network();
        MinimalWidth w = width(net);
        assertEquals(1, w.hyperplanes());
        assertEquals(2, w.width());
        assertTrue(w.proven());
        assertEquals(0, w.split());
    }

    /**
     * σ(x₁) + σ(x₂) + x₁ + x₂: flips give G ∈ {(1,1), (2,1), (1,2), (2,2)}, never 0; splitting
     * unit 1 leaves (0, 1) or (0, 2) in the x₂ direction, and symmetrically: so K + 2 = 4.
     */
    @Test
    void linearPartThatNeitherFlipsNorSplitsAbsorbNeedsAPair() {
        Network net = new ShallowUnits(new double[] {0}).add(new double[] {1, 0}, 0, 1).add(new double[] {0, 1}, 0, 1)
                .add(new double[] {1, 1}, 0, 1).add(new double[] {-1, -1}, 0, -1).network();
        MinimalWidth w = width(net);
        assertEquals(2, w.hyperplanes());
        assertEquals(4, w.width());
        assertTrue(w.proven());
    }

    @Test
    void vectorOutputIdentityNeedsTwoPairs() {
        Network net = new ShallowUnits(new double[] {0, 0}).add(new double[] {1, 0}, 0, 1, 0)
                .add(new double[] {-1, 0}, 0, -1, 0).add(new double[] {0, 1}, 0, 0, 1).add(new double[] {0, -1}, 0, 0, -1)
                .network();
        MinimalWidth w = width(net);
        assertEquals(0, w.hyperplanes());
        assertEquals(4, w.width());
        assertTrue(w.proven());
        assertMinimalNetworkComputesTheFunction(net, w, new Random(1));
    }

    @Test
    void vectorOutputFlipsAbsorbAMatrix() {
        Network net = new ShallowUnits(new double[] {0, 0}).add(new double[] {-1, 0}, 0, 1, 0)
                .add(new double[] {0, -2}, 1, 0, 3).network();
        MinimalWidth w = width(net);
        assertEquals(2, w.width());
        assertTrue(w.proven());
    }

    /**
     * A random 5-50-1 network has 50 hyperplanes and its own flips produce G: width 50, proven
     * (2^45 free flip choices, so only the hint from the network's orientations makes it quick).
     */
    @Test
    void wideNetworkIsMinimalThroughItsOwnFlips() {
        Network net = RandomNetworks.relu(1, 1.0, 5, 50, 1);
        ShallowAnalysis analysis = ShallowAnalysis.of(net, SymmetryOptions.DEFAULT);
        assertEquals(50, analysis.minimalWidth().width());
        assertTrue(analysis.minimalWidth().proven());
        assertMinimalNetworkComputesTheFunction(net, analysis.minimalWidth(), new Random(2));
    }

    /** Random canonical units with a planted linear part, against a brute force over every (split, flip) choice. */
    @Test
    void ruleAgreesWithBruteForceOverAllRealisations() {
        Random random = new Random(3);
        int[] seen = new int[3];
        for (int trial = 0; trial < 150; trial++) {
            int n = 2 + random.nextInt(2);
            int k = 1 + random.nextInt(5);
            ShallowUnits units = new ShallowUnits(new double[] {random.nextGaussian()});
            double[][] u = new double[k][];
            double[] alpha = new double[k];
            double[] g = new double[n];
            for (int h = 0; h < k; h++) {
                u[h] = normalised(ShallowUnits.gaussian(n, random));
                alpha[h] = random.nextGaussian();
                units.add(u[h], random.nextGaussian(), alpha[h]);
            }
            int kind = trial % 3;
            if (kind < 2) {
                for (int h = 0; h < k; h++) {
                    if (random.nextBoolean()) {
                        axpy(-alpha[h], u[h], g);
                    }
                }
                if (kind == 1) {
                    axpy(random.nextGaussian(), u[random.nextInt(k)], g);
                }
            } else {
                g = ShallowUnits.gaussian(n, random);
            }
            units.add(g, 0, 1).add(ShallowUnits.times(-1, g), 0, -1);
            Network net = units.network();
            MinimalWidth w = width(net);
            int expected = k + bruteForceExtra(u, alpha, g);
            assertEquals(expected, w.width(), "trial " + trial);
            assertTrue(w.proven());
            seen[expected - k]++;
            assertMinimalNetworkComputesTheFunction(net, w, random);
        }
        for (int extra = 0; extra < 3; extra++) {
            assertTrue(seen[extra] > 10, "every case K + " + extra + " occurs: " + Arrays.toString(seen));
        }
    }

    /** min over disjoint T (split) and S (flipped) of |T| + 2·[G + Σ_S α u ∉ span{u_t : t ∈ T}]. */
    private static int bruteForceExtra(double[][] u, double[] alpha, double[] g) {
        int k = u.length;
        int best = 2;
        for (int t = 0; t < 1 << k; t++) {
            for (int s = 0; s < 1 << k; s++) {
                if ((s & t) != 0 || Integer.bitCount(t) >= best) {
                    continue;
                }
                double[] r = g.clone();
                for (int h = 0; h < k; h++) {
                    if ((s >> h & 1) == 1) {
                        axpy(alpha[h], u[h], r);
                    }
                }
                if (distanceToSpan(r, u, t) < 1e-7) {
                    best = Integer.bitCount(t);
                }
            }
        }
        return best;
    }

    private static double distanceToSpan(double[] r, double[][] u, int mask) {
        List<double[]> basis = new ArrayList<>();
        for (int h = 0; h < u.length; h++) {
            if ((mask >> h & 1) == 1) {
                double[] q = u[h].clone();
                for (double[] b : basis) {
                    axpy(-dot(b, q), b, q);
                }
                if (Math.sqrt(dot(q, q)) > 1e-9) {
                    basis.add(normalised(q));
                }
            }
        }
        double[] res = r.clone();
        for (double[] b : basis) {
            axpy(-dot(b, res), b, res);
        }
        return Math.sqrt(dot(res, res));
    }

    static void assertMinimalNetworkComputesTheFunction(Network net, MinimalWidth w, Random random) {
        CanonicalForm form = CanonicalForm.of(net, TOL);
        Network minimal = MinimalNetwork.build(form, w, TOL);
        int width = minimal.layerCount() == 1 ? 0 : minimal.layer(0).outputSize();
        assertEquals(w.width(), width);
        for (int k = 0; k < 30; k++) {
            double[] x = ShallowUnits.gaussian(net.inputSize(), random);
            assertArrayEquals(net.evaluate(x), minimal.evaluate(x), 1e-9);
        }
        assertTrue(CanonicalForm.of(minimal, TOL).agreesWith(form, 1e-8));
    }

    private static double[] normalised(double[] v) {
        return ShallowUnits.times(1 / Math.sqrt(dot(v, v)), v);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private static void axpy(double s, double[] x, double[] y) {
        for (int j = 0; j < x.length; j++) {
            y[j] += s * x[j];
        }
    }
}
