package org.reluscope.symmetry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.numeric.Vectors;

class CanonicalFormTest {
    private static final double TOL = 1e-9;
    private static final double R2 = Math.sqrt(2);

    static Network shallow(double[][] a1, double[] b1, double[][] a2, double[] b2) {
        return new Network(List.of(AffineLayer.of(a1, b1, Activation.RELU), AffineLayer.of(a2, b2, Activation.IDENTITY)));
    }

    static Network thetaA() {
        return shallow(new double[][] {{1, 0}, {0, 1}, {1, 1}}, new double[] {0, 0, -1},
                new double[][] {{1, -2, 3}}, new double[] {0.5});
    }

    static Network thetaB() {
        return shallow(new double[][] {{2, 2}, {0.5, 0}, {0, 4}}, new double[] {-2, 0, 0},
                new double[][] {{1.5, 2, -0.5}}, new double[] {0.5});
    }

    /** Hand computation: θ_B's units are θ_A's scaled by 2√2, 1/2 and 4 (output weights inversely). */
    @Test
    void workedExampleHasTheStatedFormForBothParameters() {
        for (Network net : List.of(thetaA(), thetaB())) {
            CanonicalForm f = CanonicalForm.of(net, TOL);
            assertEquals(3, f.hyperplaneCount());
            // lexicographic in u: (0,1) < (1/√2,1/√2) < (1,0)
            assertUnit(f.unit(0), new double[] {0, 1}, 0, -2);
            assertUnit(f.unit(1), new double[] {1 / R2, 1 / R2}, -1 / R2, 3 * R2);
            assertUnit(f.unit(2), new double[] {1, 0}, 0, 1);
            assertArrayEquals(new double[] {0, 0}, f.linear()[0], 1e-12);
            assertArrayEquals(new double[] {0.5}, f.offset(), 1e-12);
        }
        assertTrue(CanonicalForm.of(thetaA(), TOL).agreesWith(CanonicalForm.of(thetaB(), TOL), TOL));
    }

    /** σ(x) − σ(x − 1) and σ(−x) − σ(1 − x) + 1: the second's hidden rows are negative multiples of the first's. */
    @Test
    void clampWrittenWithFlippedUnitsHasTheSameForm() {
        Network a = shallow(new double[][] {{1}, {1}}, new double[] {0, -1}, new double[][] {{1, -1}}, new double[] {0});
        Network b = shallow(new double[][] {{-1}, {-1}}, new double[] {0, 1}, new double[][] {{1, -1}}, new double[] {1});
        for (int h = 0; h < 2; h++) {
            assertTrue(a.layer(0).weight(h, 0) * b.layer(0).weight(h, 0) < 0, "not a positive rescaling");
        }
        CanonicalForm fa = CanonicalForm.of(a, TOL);
        CanonicalForm fb = CanonicalForm.of(b, TOL);
        assertEquals(2, fa.hyperplaneCount());
        assertUnit(fa.unit(0), new double[] {1}, -1, -1);
        assertUnit(fa.unit(1), new double[] {1}, 0, 1);
        assertEquals(0, fa.linear(0, 0), 1e-12);
        assertEquals(0, fa.offset()[0], 1e-12);
        assertTrue(fa.agreesWith(fb, TOL));
        assertTrue(Equivalence.onRn(a, b, SymmetryOptions.DEFAULT) instanceof EquivalenceVerdict.Equivalent);
    }

    @Test
    void antiparallelPairBecomesALinearTerm() {
        Network net = shallow(new double[][] {{1, 0}, {-1, 0}}, new double[] {0, 0}, new double[][] {{1, -1}},
                new double[] {0});
        CanonicalForm f = CanonicalForm.of(net, TOL);
        assertEquals(0, f.hyperplaneCount());
        assertArrayEquals(new double[] {1, 0}, f.linear()[0], 0);
        assertArrayEquals(new double[] {0}, f.offset(), 0);
    }

    @Test
    void deadAndConstantUnitsDisappear() {
        // 2σ(x1 + 1) + 0·σ(x2) + 3·σ(0·x + 2) − 1
        Network net = shallow(new double[][] {{1, 0}, {0, 1}, {0, 0}}, new double[] {1, 0, 2},
                new double[][] {{2, 0, 3}}, new double[] {-1});
        CanonicalForm f = CanonicalForm.of(net, TOL);
        assertEquals(1, f.hyperplaneCount());
        assertUnit(f.unit(0), new double[] {1, 0}, 1, 2);
        assertEquals(5, f.offset()[0], 1e-15);
    }

    /** The canonical form is a formula for f: it must evaluate to the network's outputs. */
    @Test
    void formEvaluatesToTheNetworkFunction() {
        Random random = new Random(11);
        for (int seed = 0; seed < 20; seed++) {
            ShallowUnits units = ShallowUnits.of(RandomNetworks.relu(seed, 1.0, 3, 6, 2));
            units.flipWithAntiparallelPairs(seed % 6, random);
            units.split(1, 0.3, 2.5);
            units.addConstant(random);
            Network net = units.network();
            CanonicalForm f = CanonicalForm.of(net, TOL);
            for (int k = 0; k < 50; k++) {
                double[] x = ShallowUnits.gaussian(3, random);
                assertArrayEquals(net.evaluate(x), f.evaluate(x), 1e-9);
            }
            for (int k = 0; k < f.hyperplaneCount(); k++) {
                assertEquals(1, Vectors.norm2(f.unit(k).u()), 1e-12);
                assertTrue(firstNonZero(f.unit(k).u()) > 0, "oriented");
                if (k > 0) {
                    assertTrue(CanonicalUnit.compareHyperplanes(f.unit(k - 1), f.unit(k)) < 0, "sorted");
                }
            }
        }
    }

    @Test
    void everySymmetryMoveKeepsTheFormAndEquivalenceHolds() {
        Random random = new Random(5);
        for (int seed = 0; seed < 30; seed++) {
            Network original = RandomNetworks.relu(seed, 1.0, 4, 7, 2);
            ShallowUnits moved = ShallowUnits.of(original);
            moved.split(seed % 7, random.nextDouble(), 0.2 + random.nextDouble() * 5);
            moved.flipWithAntiparallelPairs((seed + 3) % 7, random);
            moved.addDead(random);
            moved.addConstant(random);
            moved.rescale(random);
            moved.permute(random);
            Network other = moved.network();
            assertTrue(CanonicalForm.of(original, TOL).agreesWith(CanonicalForm.of(other, TOL), 1e-8));
            EquivalenceVerdict v = Equivalence.onRn(original, other, SymmetryOptions.DEFAULT.withTolerance(1e-8));
            assertTrue(v instanceof EquivalenceVerdict.Equivalent, v::toString);
        }
    }

    @Test
    void perturbingOneWeightIsDetectedWithARealWitness() {
        Random random = new Random(8);
        for (int seed = 0; seed < 30; seed++) {
            Network original = RandomNetworks.relu(seed, 1.0, 3, 5, 2);
            ShallowUnits perturbed = ShallowUnits.of(original);
            perturbed.permute(random);
            perturbed.rescale(random);
            ShallowUnits.Unit u = perturbed.units.get(seed % 5);
            double[] target = seed % 3 == 0 ? u.a() : u.w();
            target[random.nextInt(target.length)] += 1e-3 * (random.nextBoolean() ? 1 : -1);
            Network other = perturbed.network();
            assertFalse(CanonicalForm.of(original, TOL).agreesWith(CanonicalForm.of(other, TOL), TOL));
            EquivalenceVerdict v = Equivalence.onRn(original, other, SymmetryOptions.DEFAULT);
            assertTrue(v instanceof EquivalenceVerdict.Different, v::toString);
            double[] x = ((EquivalenceVerdict.Different) v).witness();
            double[] y1 = original.evaluate(x);
            double[] y2 = other.evaluate(x);
            double gap = Math.max(Math.abs(y1[0] - y2[0]), Math.abs(y1[1] - y2[1]));
            assertTrue(gap > TOL, "outputs at the witness differ by " + gap);
        }
    }

    @Test
    void changingOnlyTheOutputBiasIsDetected() {
        Network a = thetaA();
        Network b = shallow(new double[][] {{1, 0}, {0, 1}, {1, 1}}, new double[] {0, 0, -1},
                new double[][] {{1, -2, 3}}, new double[] {0.5 + 1e-6});
        assertTrue(Equivalence.onRn(a, b, SymmetryOptions.DEFAULT) instanceof EquivalenceVerdict.Different);
    }

    private static double firstNonZero(double[] u) {
        for (double v : u) {
            if (Math.abs(v) > TOL) {
                return v;
            }
        }
        return 0;
    }

    private static void assertUnit(CanonicalUnit unit, double[] u, double beta, double alpha) {
        assertArrayEquals(u, unit.u(), 1e-12);
        assertEquals(beta, unit.beta(), 1e-12);
        assertEquals(alpha, unit.alpha(0), 1e-12);
    }
}
