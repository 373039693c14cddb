package org.reluscope.region;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.input.Box;
import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpSolvers;
import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.spec.VnnLibParser;
import org.reluscope.testing.SharedBenchmarks;

/**
 * --timeout on the mnistfc network (784 inputs), whose box LPs take tens of milliseconds
 * each: every LP is limited to the time left, so the run ends within a small margin of its
 * budget, marked incomplete, and exact bounds cut short stay sound (they contain sampled
 * outputs and lie inside CROWN's).
 */
class TimeoutTest {
    private static final double BUDGET = 0.5;
    /** JVM/OR-Tools hiccups on a loaded machine, and the last LP's own overshoot. */
    private static final double MARGIN = 1.5;

    private static Network mnist() {
        return NetworkFiles.read(SharedBenchmarks.require("mnistfc/mnist-net_256x2.onnx"));
    }

    private static Box box(double eps) {
        Box spec = (Box) VnnLibParser.parse(SharedBenchmarks.require("mnistfc/vnnlib/prop_0_0.03.vnnlib"))
                .inputSets().get(0);
        return Box.linf(spec.center(), eps);
    }

    @Test
    void enumerationStopsOnTime() {
        RegionOptions options = RegionOptions.defaults().withTimeout(BUDGET);
        RegionSummary s = new RegionEnumerator(options).enumerate(mnist(), box(0.01), region -> { });
        assertFalse(s.complete());
        assertTrue(s.seconds() < BUDGET + MARGIN, "took " + s.seconds() + " s");
    }

    @Test
    void exactBoundsCutShortStaySound() {
        Network net = mnist();
        Box box = box(0.01);
        ExactBounds exact = new ExactBounds(LpSolvers.create("glop"), LpSolvers.distance(LpOptions.DEFAULT),
                RegionOptions.defaults().withTimeout(BUDGET));
        long t0 = System.nanoTime();
        Bounds b = exact.compute(net, box);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        assertTrue(ExactBounds.PARTIAL.equals(b.method()), b.method());
        Bounds crown = new SymbolicPropagation().compute(net, box);
        Random random = new Random(1);
        for (int s = 0; s < 500; s++) {
            double[] y = net.evaluate(box.sample(random));
            for (int j = 0; j < y.length; j++) {
                assertTrue(y[j] >= b.outputLower(j) && y[j] <= b.outputUpper(j));
            }
        }
        for (int j = 0; j < net.outputSize(); j++) {
            assertTrue(b.outputLower(j) >= crown.outputLower(j) && b.outputUpper(j) <= crown.outputUpper(j));
        }
        // CROWN on the unexplored pieces comes on top of the budget: one pass per piece
        assertTrue(seconds < BUDGET + 2 * MARGIN, "took " + seconds + " s");
    }
}
