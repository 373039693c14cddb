package org.reluscope.symmetry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;

class DomainEquivalenceTest {
    private static final double TOL = 1e-9;
    static final DomainEquivalenceOptions OPTIONS = DomainEquivalenceOptions.of(TOL, Duration.ofSeconds(20), 1);

    static Network clamp() {
        return CanonicalFormTest.shallow(new double[][] {{1}, {1}}, new double[] {0, -1}, new double[][] {{1, -1}},
                new double[] {0});
    }

    static Network identity() {
        return new Network(List.of(AffineLayer.of(new double[][] {{1}}, new double[] {0}, Activation.IDENTITY)));
    }

    static void assertRealWitness(Network f1, Network f2, InputSet domain, EquivalenceVerdict v) {
        assertTrue(v instanceof EquivalenceVerdict.Different, v::toString);
        double[] x = ((EquivalenceVerdict.Different) v).witness();
        assertTrue(domain.contains(x, 0), "witness in the domain");
        assertTrue(Witnesses.difference(f1, f2, x) > TOL);
    }

    @Test
    void clampDiffersFromIdentityOnlyOutsideTheUnitInterval() {
        Box wide = new Box(new double[] {-1}, new double[] {2});
        EquivalenceVerdict v = Equivalence.onDomain(clamp(), identity(), wide, OPTIONS);
        assertRealWitness(clamp(), identity(), wide, v);
        double x = ((EquivalenceVerdict.Different) v).witness()[0];
        assertTrue(x < 0 || x > 1);
    }

    @Test
    void perturbedDeepNetworksAreFoundDifferentInsideTheDomain() {
        Random random = new Random(6);
        int visible = 0;
        for (int seed = 0; seed < 10; seed++) {
            Network f = RandomNetworks.relu(seed, 0.5, 3, 10, 10, 2);
            double[] w = f.layer(1).weights().clone();
            w[random.nextInt(w.length)] += 0.05;
            AffineLayer changed = new AffineLayer(10, 10, w, f.layer(1).bias(), Activation.RELU);
            Network g = new Network(List.of(f.layer(0), changed, f.layer(2)));
            InputSet domain = seed % 2 == 0 ? Box.linf(ShallowUnits.gaussian(3, random), 1)
                    : new L2Ball(ShallowUnits.gaussian(3, random), 1);
            if (SimplifierTest.worstRelativeGap(f, g, domain, 2000, seed) > 1e-6) {
                assertRealWitness(f, g, domain, Equivalence.onDomain(f, g, domain, OPTIONS));
                visible++;
            }
        }
        assertTrue(visible >= 5, "perturbations visible on the domain: " + visible);
    }

    /** Units inactive on a tiny box: crown bounds show both networks are the same constant there. */
    @Test
    void boundsProveEquivalenceWhenBothAreConstantOnTheDomain() {
        Network f = CanonicalFormTest.shallow(new double[][] {{1, 1}, {-1, 2}}, new double[] {-10, -10},
                new double[][] {{3, 4}}, new double[] {0.25});
        Network g = CanonicalFormTest.shallow(new double[][] {{2, 0}}, new double[] {-30}, new double[][] {{-1}},
                new double[] {0.25});
        Box domain = Box.linf(new double[] {0, 0}, 1);
        EquivalenceVerdict v = Equivalence.onDomain(f, g, domain, OPTIONS);
        assertTrue(v instanceof EquivalenceVerdict.Equivalent, v::toString);
        assertTrue(Equivalence.onRn(f, g, SymmetryOptions.DEFAULT) instanceof EquivalenceVerdict.Different);
    }
}
