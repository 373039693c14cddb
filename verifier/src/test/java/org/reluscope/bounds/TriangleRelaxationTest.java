package org.reluscope.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.lp.LpResult;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.Sense;
import org.reluscope.lp.ojalgo.OjAlgoSolver;
import org.reluscope.lp.ortools.OrToolsEngine;
import org.reluscope.lp.ortools.OrToolsSolver;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.testing.ReachProbe;

/**
 * The LP method against an independent oracle: one big LP of the whole network's triangle
 * relaxation (written separately, {@link TriangleOracle}) solved by the other back-end, plus
 * soundness against the sampling oracle and nesting inside CROWN, on boxes and L2 balls.
 */
class TriangleRelaxationTest {
    private static final LpSolver GLOP = new OrToolsSolver(OrToolsEngine.GLOP);
    private static final LpSolver OJALGO = new OjAlgoSolver();
    private final TriangleRelaxation lp = new TriangleRelaxation(GLOP);

    @Test
    void crossedRelusMatchTheHandComputedLpBound() {
        Bounds b = lp.compute(SmallNetworks.sumOfCrossedRelus(), new Box(new double[] {-1, -1}, new double[] {1, 1}));
        assertEquals(3, b.outputUpper(0), 1e-7);
        assertTrue(b.outputUpper(0) >= 3);
        assertEquals(0, b.outputLower(0), 1e-9);
    }

    @Test
    void splitsThatContradictEachOtherAreProvenEmptyByTheLp() {
        // z1 = x1 + x2 ≥ 0 and z2 = −x1 − x2 − 0.5 ≥ 0 cannot both hold; their intervals
        // [0, 2] and [0, 1.5] do not show it, and neither does CROWN on y = σ(z1)
        Network net = new Network(List.of(
                AffineLayer.of(new double[][] {{1, 1}, {-1, -1}}, new double[] {0, -0.5}, Activation.RELU),
                AffineLayer.of(new double[][] {{1, 0}}, new double[] {0}, Activation.IDENTITY)));
        Box box = new Box(new double[] {-1, -1}, new double[] {1, 1});
        BoundOptions both = BoundOptions.withSplits(
                ReluSplits.NONE.with(0, 0, ReluSplits.Phase.ACTIVE).with(0, 1, ReluSplits.Phase.ACTIVE));
        assertFalse(new SymbolicPropagation().compute(net, box, both).empty());
        assertTrue(lp.compute(net, box, both).empty());
        assertEquals(Double.NEGATIVE_INFINITY, lp.upperBound(net, box, new double[] {1}, both));
        BoundOptions one = BoundOptions.withSplits(ReluSplits.NONE.with(0, 0, ReluSplits.Phase.ACTIVE));
        assertFalse(lp.compute(net, box, one).empty());
    }

    @Test
    void outputBoundsEqualOneBigLpSolvedByTheOtherBackEnd() {
        Random random = new Random(31);
        int unstable = 0;
        for (int k = 0; k < 12; k++) {
            Network net = RandomNetworks.relu(700 + k, 0.3, 3, 8, 8, 3);
            Box box = Box.linf(new double[] {random.nextDouble() - 0.5, random.nextDouble() - 0.5, 0.2}, 0.4);
            Bounds b = lp.compute(net, box);
            unstable += b.unstableTotal();
            for (int j = 0; j < 3; j++) {
                double[] e = new double[3];
                e[j] = 1;
                assertEquals(oracle(net, box, b, e, Sense.MAXIMIZE), b.outputUpper(j), 1e-6, "max y" + j + ", seed " + k);
                assertEquals(oracle(net, box, b, e, Sense.MINIMIZE), b.outputLower(j), 1e-6, "min y" + j + ", seed " + k);
            }
            double[] margin = {1, -1, 0};
            double direct = lp.upperBound(net, box, margin, BoundOptions.DEFAULT);
            assertEquals(oracle(net, box, b, margin, Sense.MAXIMIZE), direct, 1e-6, "max y0 − y1, seed " + k);
        }
        assertTrue(unstable > 20, "the cases exercise the relaxation: " + unstable + " unstable neurons");
    }

    @Test
    void lpIsSoundAndNestsInsideCrownOnBoxesAndBalls() {
        Random random = new Random(32);
        double crownWidth = 0;
        double lpWidth = 0;
        for (int k = 0; k < 16; k++) {
            Network net = RandomNetworks.relu(800 + k, 0.3, 3, 12, 12, 2);
            double[] centre = {random.nextDouble() - 0.5, random.nextDouble() - 0.5, random.nextDouble() - 0.5};
            InputSet set = k % 2 == 0 ? Box.linf(centre, 0.5) : new L2Ball(centre, 0.6);
            double[][] margin = {{1, -1}};
            ReachProbe.Result seen = ReachProbe.run(net, set, margin, 3000, k);
            Bounds c = new SymbolicPropagation().compute(net, set);
            Bounds b = lp.compute(net, set);
            String where = "lp on seed " + k + " over a " + set.getClass().getSimpleName();
            BoundsSoundnessTest.assertContains(b, seen, where);
            BoundsSoundnessTest.assertNested(b, c, net);
            double ub = lp.upperBound(net, set, margin[0], BoundOptions.DEFAULT);
            assertTrue(ub >= seen.objectiveMax()[0] - BoundsSoundnessTest.tolerance(ub), where);
            assertTrue(ub <= new SymbolicPropagation().upperBound(net, set, margin[0], BoundOptions.DEFAULT) + 1e-9);
            crownWidth += c.meanOutputWidth();
            lpWidth += b.meanOutputWidth();
        }
        assertTrue(lpWidth < 0.98 * crownWidth, "the LP tightens CROWN: " + lpWidth + " vs " + crownWidth);
    }

    private static double oracle(Network net, Box box, Bounds b, double[] c, Sense sense) {
        LpResult r = OJALGO.solve(TriangleOracle.program(net, box, b, c, sense));
        assertTrue(r.status().isOptimal(), "oracle LP " + r.status());
        return r.objective();
    }
}
