package org.reluscope.symmetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.bounds.Bounds;
import org.reluscope.input.Box;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.testing.ReluMilp;

/**
 * {@link Equivalence#onDomain} against an independent exact answer: max ‖f₁ − f₂‖_∞ over the
 * box from the big-M MILP of the difference network ({@link ReluMilp}, SCIP, about 1e-6 accurate).
 * The witness search is cut down to the box's centre and the differential bounds are off, so
 * that the branch and bound has to find the differences, and prove equivalence, itself.
 */
class ExactDomainEquivalenceTest {
    private static final double TOL = 1e-9;
    private static final double MILP_SLACK = 1e-6;
    private static final DomainEquivalenceOptions CENTRE_ONLY = DomainEquivalenceOptions
            .of(TOL, Duration.ofSeconds(20), 1).withAscent(new DifferenceAscent(1, 0, 0, 1)).withoutDifferential();

    /** max over the box of ‖f₁(x) − f₂(x)‖_∞, by MILP. */
    static double milpMaxDifference(Network f1, Network f2, Box box) {
        Network d = NetworkDifference.of(f1, f2);
        double max = 0;
        for (int j = 0; j < d.outputSize(); j++) {
            for (int sign = -1; sign <= 1; sign += 2) {
                double[] c = new double[d.outputSize()];
                c[j] = sign;
                max = Math.max(max, -ReluMilp.minimum(d, box, c));
            }
        }
        return max;
    }

    /** The verdict agrees with the MILP optimum m: equivalent only if m ≈ 0, different only with a real witness. */
    private static void assertConsistent(Network f, Network g, Box box, EquivalenceVerdict v, double m) {
        if (v instanceof EquivalenceVerdict.Equivalent) {
            assertTrue(m <= TOL + MILP_SLACK, "proven equivalent but the MILP finds a difference of " + m);
        } else {
            DomainEquivalenceTest.assertRealWitness(f, g, box, v);
            double witnessed = ((EquivalenceVerdict.Different) v).difference();
            assertTrue(witnessed <= m + MILP_SLACK, "witness " + witnessed + " beyond the MILP maximum " + m);
        }
    }

    @Test
    void perturbationsAreDecidedAsTheMilpSays() {
        Random random = new Random(8);
        int different = 0;
        int equivalent = 0;
        int foundBySearch = 0;
        for (int seed = 0; seed < 6; seed++) {
            Network f = RandomNetworks.relu(seed, 0.5, 2, 6, 6, 2);
            double[] centre = {random.nextGaussian(), random.nextGaussian()};
            Box box = Box.linf(centre, 0.4);
            Network g = switch (seed % 3) {
                case 0 -> perturbWeight(f, random);
                case 1 -> silenceInactiveUnit(f, box);
                default -> addCornerUnit(f, centre[0] + 0.25);
            };
            EquivalenceVerdict v = Equivalence.onDomain(f, g, box, CENTRE_ONLY);
            assertTrue(!(v instanceof EquivalenceVerdict.Unknown), v::toString);
            double m = milpMaxDifference(f, g, box);
            assertConsistent(f, g, box, v, m);
            if (m > TOL + MILP_SLACK) {
                assertTrue(v instanceof EquivalenceVerdict.Different, "MILP difference " + m + " but " + v);
                different++;
                foundBySearch += Witnesses.difference(f, g, centre) <= TOL ? 1 : 0;
            } else {
                equivalent++;
            }
        }
        assertTrue(different >= 3 && equivalent >= 2 && foundBySearch >= 1, different + " different (" + foundBySearch
                + " where the centre agrees), " + equivalent + " equivalent");
    }

    /**
     * f with one more first-layer unit σ(x₀ − t) feeding every second-layer unit with weight 0.5:
     * the same function where x₀ ≤ t, so with t beyond the centre only the search can find where
     * they differ.
     */
    private static Network addCornerUnit(Network f, double t) {
        AffineLayer first = f.layer(0);
        double[][] rows = first.weightRows();
        double[][] more = Arrays.copyOf(rows, rows.length + 1);
        more[rows.length] = new double[] {1, 0};
        double[] bias = Arrays.copyOf(first.bias(), rows.length + 1);
        bias[rows.length] = -t;
        double[][] second = f.layer(1).weightRows();
        for (int i = 0; i < second.length; i++) {
            second[i] = Arrays.copyOf(second[i], rows.length + 1);
            second[i][rows.length] = 0.5;
        }
        return new Network(List.of(AffineLayer.of(more, bias, Activation.RELU),
                AffineLayer.of(second, f.layer(1).bias(), Activation.RELU), f.layer(2)));
    }

    /** f with 0.05 added to one weight of its second hidden layer. */
    private static Network perturbWeight(Network f, Random random) {
        double[] w = f.layer(1).weights().clone();
        w[random.nextInt(w.length)] += 0.05;
        AffineLayer changed = new AffineLayer(f.layer(1).outputSize(), f.layer(1).inputSize(), w, f.layer(1).bias(),
                Activation.RELU);
        return new Network(List.of(f.layer(0), changed, f.layer(2)));
    }

    /**
     * f with a first-layer unit that crown proves inactive on the box pushed further down (its
     * bias −1): a different network computing the same function there. Without such a unit, f itself.
     */
    private static Network silenceInactiveUnit(Network f, Box box) {
        Bounds b = SimplifierTest.CROWN.compute(f, box);
        double[] bias = f.layer(0).bias().clone();
        for (int i = 0; i < bias.length; i++) {
            if (b.layer(0).upper(i) <= 0) {
                bias[i] -= 1;
                break;
            }
        }
        AffineLayer changed = new AffineLayer(f.layer(0).outputSize(), f.layer(0).inputSize(), f.layer(0).weights(),
                bias, Activation.RELU);
        return new Network(List.of(changed, f.layer(1), f.layer(2)));
    }

    /**
     * Every case proven {@code equivalent}, as the MILP confirms. Seed 1 needs the second LP
     * solver: GLOP leaves one of its leaf LPs undecided, CLP settles it.
     */
    @Test
    void simplifiedDeepNetworksAreProvenEquivalent() {
        Random random = new Random(5);
        int proven = 0;
        for (int seed = 0; seed < 3; seed++) {
            Network f = RandomNetworks.relu(seed, 0.5, 2, 6, 6, 6, 2);
            Box box = Box.linf(new double[] {random.nextGaussian(), random.nextGaussian()}, 0.3);
            Simplification s = Simplifier.simplify(f, box, SimplifierTest.CROWN, 1e-12);
            assertTrue(s.unitsAfter() <= s.unitsBefore());
            assertTrue(SimplifierTest.worstRelativeGap(f, s.network(), box, 100_000, seed) < 1e-12);
            EquivalenceVerdict v = Equivalence.onDomain(f, s.network(), box, CENTRE_ONLY);
            assertFalse(v instanceof EquivalenceVerdict.Different, v::toString);
            if (v instanceof EquivalenceVerdict.Equivalent) {
                assertConsistent(f, s.network(), box, v, milpMaxDifference(f, s.network(), box));
                proven++;
            }
        }
        assertEquals(3, proven, "proven equivalent");
    }

    @Test
    void outputsCrownAlreadySettlesAreNotSearched() {
        Network f = RandomNetworks.relu(3, 0.5, 2, 5, 2);
        Box far = Box.linf(new double[] {0, 0}, 1e-3);
        EquivalenceVerdict v = Equivalence.onDomain(f, f, far, CENTRE_ONLY);
        assertTrue(v instanceof EquivalenceVerdict.Equivalent e && e.method().startsWith("crown"), v::toString);
        assertEquals(0, milpMaxDifference(f, f, far), MILP_SLACK);
    }
}
