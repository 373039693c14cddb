package org.reluscope.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reluscope.bounds.ReluSplits.Phase;
import org.reluscope.input.Box;
import org.reluscope.input.L2Ball;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;

class SymbolicPropagationTest {
    private static final Box UNIT = new Box(new double[] {-1, -1}, new double[] {1, 1});
    private final SymbolicPropagation crown = new SymbolicPropagation();

    @Test
    void crossedRelusMatchTheHandComputedChordBound() {
        Bounds b = crown.compute(SmallNetworks.sumOfCrossedRelus(), UNIT);
        assertEquals(3, b.outputUpper(0), 1e-12);
        assertTrue(b.outputUpper(0) >= 3, "rounded outward");
        assertEquals(0, b.outputLower(0), 1e-12);
        assertTrue(b.outputLower(0) <= 0);
        assertEquals(2, b.layer(0).unstable());
        assertEquals(3, crown.upperBound(SmallNetworks.sumOfCrossedRelus(), UNIT, new double[] {1},
                BoundOptions.DEFAULT), 1e-12);
    }

    @Test
    void splitsMakeNeuronsStableAndClampTheirBounds() {
        Network net = SmallNetworks.sumOfCrossedRelus();
        ReluSplits activeInactive = ReluSplits.NONE.with(0, 0, Phase.ACTIVE).with(0, 1, Phase.INACTIVE);
        Bounds b = crown.compute(net, UNIT, BoundOptions.withSplits(activeInactive));
        // y = z1 = x1 + x2 on the part of the box where x1 + x2 ≥ 0: at most 2, at least 0
        assertEquals(2, b.outputUpper(0), 1e-12);
        assertEquals(0, b.outputLower(0), 1e-12);
        assertEquals(0, b.layer(0).lower(0));
        assertEquals(0, b.layer(0).upper(1));
        assertEquals(0, b.layer(0).unstable());

        ReluSplits bothInactive = ReluSplits.NONE.with(0, 0, Phase.INACTIVE).with(0, 1, Phase.INACTIVE);
        Bounds zero = crown.compute(net, UNIT, BoundOptions.withSplits(bothInactive));
        assertEquals(0, zero.outputUpper(0), 1e-300);
        assertEquals(0, zero.outputLower(0), 1e-300);
        assertTrue(zero.outputLower(0) <= 0 && zero.outputUpper(0) >= 0);
    }

    @Test
    void contradictorySplitsProveTheSetEmpty() {
        // z = x1 + 5 ∈ [4, 6] can never be ≤ 0
        Network net = new Network(List.of(
                AffineLayer.of(new double[][] {{1, 0}}, new double[] {5}, Activation.RELU),
                AffineLayer.of(new double[][] {{1}}, new double[] {0}, Activation.IDENTITY)));
        BoundOptions inactive = BoundOptions.withSplits(ReluSplits.NONE.with(0, 0, Phase.INACTIVE));
        Bounds b = crown.compute(net, UNIT, inactive);
        assertTrue(b.empty());
        assertEquals(Double.NEGATIVE_INFINITY, crown.upperBound(net, UNIT, new double[] {1}, inactive));
        assertTrue(new IntervalPropagation().compute(net, UNIT, inactive).empty());
    }

    @Test
    void trustedKnownBoundsAreUsedWithoutRecomputation() {
        // pretend both neurons were proven to lie in [1, 2]: then back-substitution gives
        // y = z1 + z2 = 2 x1 ≤ 2 and interval arithmetic gives y ≥ 1 + 1
        LayerBounds active = new LayerBounds(new double[] {1, 1}, new double[] {2, 2}, 0);
        Bounds b = crown.compute(SmallNetworks.sumOfCrossedRelus(), UNIT,
                new BoundOptions(ReluSplits.NONE, List.of(active), 1));
        assertEquals(1, b.layer(0).lower(0));
        assertEquals(2, b.outputUpper(0), 1e-12);
        assertEquals(2, b.outputLower(0), 1e-12);
    }

    @Test
    void untrustedKnownBoundsOnlyNarrow() {
        Network net = RandomNetworks.relu(3, 4, 12, 12, 3);
        Box box = Box.linf(new double[] {0.1, -0.2, 0.3, 0}, 0.5);
        Bounds plain = crown.compute(net, box);
        List<LayerBounds> loose = List.of(widen(plain.layer(0)), widen(plain.layer(1)));
        Bounds again = crown.compute(net, box, new BoundOptions(ReluSplits.NONE, loose, 0));
        assertEquals(plain, again);
        List<LayerBounds> tight = List.of(plain.layer(0), shrink(plain.layer(1)));
        Bounds narrowed = crown.compute(net, box, new BoundOptions(ReluSplits.NONE, tight, 0));
        for (int i = 0; i < 12; i++) {
            assertTrue(narrowed.layer(1).upper(i) <= shrink(plain.layer(1)).upper(i));
        }
    }

    @Test
    void oneLayerBoundOverABallIsTheClosedForm() {
        double[] w = {0.5, -2, 1.25};
        double[] x0 = {0.3, 0.1, -0.7};
        double r = 0.2;
        double centre = w[0] * x0[0] + w[1] * x0[1] + w[2] * x0[2];
        double norm = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
        L2Ball ball = new L2Ball(x0, r);

        Network affine = new Network(List.of(AffineLayer.of(new double[][] {w}, new double[] {1.5}, Activation.IDENTITY)));
        Bounds b = crown.compute(affine, ball);
        assertEquals(centre + 1.5 + r * norm, b.outputUpper(0), 1e-12);
        assertEquals(centre + 1.5 - r * norm, b.outputLower(0), 1e-12);

        Network active = SmallNetworks.activeNeuron(w);
        Bounds c = crown.compute(active, ball);
        assertEquals(centre + 10 + r * norm, c.outputUpper(0), 1e-12);
        assertEquals(centre + 10 - r * norm, c.outputLower(0), 1e-12);
        assertEquals(centre + 10 + r * norm, crown.upperBound(active, ball, new double[] {1}, BoundOptions.DEFAULT),
                1e-12);
    }

    @Test
    void roundingOfTheBiasSumIsAccountedFor() {
        // the exact output on x = 0 is 1 + 2⁻⁵², but 1 + 2⁻⁵³ + 2⁻⁵³ rounds to 1 in double
        double tiny = 0x1.0p-53;
        Network net = new Network(List.of(
                AffineLayer.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new double[] {1, tiny, tiny},
                        Activation.RELU),
                AffineLayer.of(new double[][] {{1, 1, 1}}, new double[] {0}, Activation.IDENTITY)));
        Box origin = new Box(new double[3], new double[3]);
        double exact = 1 + 2 * tiny;
        assertTrue(crown.compute(net, origin).outputUpper(0) >= exact);
        assertTrue(crown.upperBound(net, origin, new double[] {1}, BoundOptions.DEFAULT) >= exact);
        assertTrue(crown.lowerBound(net, origin, new double[] {-1}, BoundOptions.DEFAULT) <= -exact);
    }

    @Test
    void aReusedWorkspaceGivesTheSameBoundsAsAFreshOne() {
        Network big = RandomNetworks.relu(7, 6, 40, 40, 5);
        Network small = RandomNetworks.relu(8, 3, 7, 2);
        Box bigBox = Box.linf(new double[6], 0.3);
        Box smallBox = Box.linf(new double[3], 0.8);
        double[] c = {1, -1};
        for (int round = 0; round < 3; round++) {
            assertEquals(new SymbolicPropagation().compute(big, bigBox), crown.compute(big, bigBox));
            assertEquals(new SymbolicPropagation().compute(small, smallBox), crown.compute(small, smallBox));
            assertEquals(new SymbolicPropagation().upperBound(small, smallBox, c, BoundOptions.DEFAULT),
                    crown.upperBound(small, smallBox, c, BoundOptions.DEFAULT));
        }
    }

    @Test
    void objectivesOverAReluOutputLayerAreBoundedThroughItsRelaxation() {
        // y = σ(x1 + x2), σ(x1 − x2) over [−1, 1]²: y0 + y1 ≤ 3 as for the crossed ReLUs
        Network reluOut = new Network(List.of(
                AffineLayer.of(new double[][] {{1, 1}, {1, -1}}, new double[] {0, 0}, Activation.RELU)));
        Bounds b = crown.compute(reluOut, UNIT);
        assertEquals(0, b.outputLower(0));
        assertEquals(2, b.outputUpper(0), 1e-12);
        assertEquals(3, crown.upperBound(reluOut, UNIT, new double[] {1, 1}, BoundOptions.DEFAULT), 1e-12);
        assertEquals(3, crown.upperBound(reluOut, UNIT, new double[] {1, 1}, BoundOptions.reusing(b, ReluSplits.NONE)),
                1e-12);
    }

    @Test
    void misfitsAreRejectedWithTheirShapes() {
        Network net = SmallNetworks.sumOfCrossedRelus();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> crown.compute(net, Box.linf(new double[3], 1)));
        assertTrue(e.getMessage().contains("dimension 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> crown.upperBound(net, UNIT, new double[] {1, 1}, BoundOptions.DEFAULT));
        assertThrows(IllegalArgumentException.class,
                () -> crown.compute(net, UNIT, BoundOptions.withSplits(ReluSplits.NONE.with(1, 0, Phase.ACTIVE))));
        assertThrows(IllegalArgumentException.class,
                () -> crown.compute(net, UNIT, BoundOptions.withSplits(ReluSplits.NONE.with(0, 5, Phase.ACTIVE))));
    }

    private static LayerBounds widen(LayerBounds b) {
        double[] lo = b.lower();
        double[] hi = b.upper();
        for (int i = 0; i < lo.length; i++) {
            lo[i] -= 1;
            hi[i] += 1;
        }
        return new LayerBounds(lo, hi, 0);
    }

    private static LayerBounds shrink(LayerBounds b) {
        double[] lo = b.lower();
        double[] hi = b.upper();
        for (int i = 0; i < lo.length; i++) {
            double mid = 0.5 * (lo[i] + hi[i]);
            lo[i] = 0.5 * (lo[i] + mid);
            hi[i] = 0.5 * (hi[i] + mid);
        }
        return new LayerBounds(lo, hi, 0);
    }
}
