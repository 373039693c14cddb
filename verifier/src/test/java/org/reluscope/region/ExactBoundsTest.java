package org.reluscope.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.ReluSplits;
import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.LpSolvers;
import org.reluscope.lp.Sense;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.numeric.Vectors;

/** Exact bounds against SCIP on the big-M MILP ({@link MilpReference}), against samples, and inside CROWN. */
class ExactBoundsTest {
    private static final double TOL = 1e-6;
    private static final int BALLS = 50;
    private static final LpSolver SCIP = LpSolvers.create("scip");
    private final ExactBounds exact = new ExactBounds(LpSolvers.create("glop"));

    /** Seeded random networks: 2–10 inputs, 2–4 hidden layers of 4–16 units, 2–3 outputs. */
    static Network network(long seed) {
        Random r = new Random(seed);
        int hidden = 2 + r.nextInt(3);
        int[] widths = new int[hidden + 2];
        widths[0] = 2 + r.nextInt(9);
        for (int l = 1; l <= hidden; l++) {
            widths[l] = 4 + r.nextInt(13);
        }
        widths[hidden + 1] = 2 + r.nextInt(2);
        return RandomNetworks.relu(seed, 0.3, widths);
    }

    static Box box(Network net, long seed) {
        Random r = new Random(seed * 31 + 7);
        double[] c = new double[net.inputSize()];
        for (int i = 0; i < c.length; i++) {
            c[i] = r.nextGaussian() * 0.3;
        }
        return Box.linf(c, (0.05 + 0.1 * r.nextDouble()) / Math.sqrt(c.length));
    }

    /** A random objective c·y (Gaussian c). */
    static double[] objective(Network net, long seed) {
        Random r = new Random(seed * 131 + 1);
        double[] c = new double[net.outputSize()];
        for (int j = 0; j < c.length; j++) {
            c[j] = r.nextGaussian();
        }
        return c;
    }

    @Test
    void equalsTheMilpOptimumOnBoxes() {
        for (long seed = 1; seed <= 50; seed++) {
            Network net = network(seed);
            Box box = box(net, seed);
            double[] c = objective(net, seed);
            ExactBounds.Result r = exact.bound(net, box, new double[][] {c}, ReluSplits.NONE);
            assertTrue(r.complete());
            // one MILP per network keeps the test fast: the upper bound on even seeds, the lower on odd ones
            Sense sense = seed % 2 == 0 ? Sense.MAXIMIZE : Sense.MINIMIZE;
            double milp = MilpReference.optimum(net, box, new double[0][], new double[0], c, sense, SCIP);
            double bound = sense == Sense.MAXIMIZE ? r.upper()[0] : r.lower()[0];
            assertEquals(milp, bound, TOL * (1 + Math.abs(milp)), "seed " + seed);
            assertSamplesInside(net, box, c, r, seed);
        }
    }

    /**
     * Balls and balls ∩ box on the same seeded networks against the MILP tangent-cut loop
     * ({@link MilpReference#overBall}): the loop runs until its relaxed optimum and the value
     * attained at its input projected onto the ball agree to 1e-7 — then the exact bound must
     * equal both within 1e-6. A loop that does not get there in its rounds only brackets the
     * optimum, and the exact bound must lie in the bracket (counted, not hidden). Networks with at most 5 inputs: above
     * that, the objective LPs' cut loops in ball ∩ box make a test run take minutes.
     */
    @Test
    void equalsTheMilpCutLoopOptimumOnBalls() {
        int converged = 0;
        int balls = 0;
        for (long seed = 1; balls < BALLS; seed++) {
            Network net = network(seed);
            if (net.inputSize() > 5) {
                continue;
            }
            balls++;
            Box box = box(net, seed);
            double r = 0.5 * box.width(0);
            L2Ball ball = seed % 2 == 0 ? new L2Ball(box.center(), r)
                    : new L2Ball(box.center(), r, Box.linf(box.center(), 0.7 * r));
            double[] c = objective(net, seed);
            ExactBounds.Result e = exact.bound(net, ball, new double[][] {c}, ReluSplits.NONE);
            assertTrue(e.complete());
            Sense sense = seed % 4 < 2 ? Sense.MAXIMIZE : Sense.MINIMIZE;
            MilpReference.Bracket milp = MilpReference.overBall(net, ball, c, sense, SCIP, 1e-7, 40);
            double bound = sense == Sense.MAXIMIZE ? e.upper()[0] : e.lower()[0];
            double tol = TOL * (1 + Math.abs(milp.attained()));
            double low = Math.min(milp.attained(), milp.relaxed()) - tol;
            double high = Math.max(milp.attained(), milp.relaxed()) + tol;
            assertTrue(bound >= low && bound <= high, "seed " + seed + ": " + bound + " outside " + milp);
            if (milp.width() <= tol) {
                converged++;
                assertEquals(milp.attained(), bound, tol, "seed " + seed);
            }
            assertSamplesInside(net, ball, c, e, seed);
        }
        assertTrue(converged >= BALLS * 3 / 4, "cut loop converged on only " + converged + " of " + BALLS + " balls");
    }

    @Test
    void outputBoundsEqualTheMilpOptima() {
        Network net = network(2);
        Box box = box(net, 2);
        Bounds b = exact.compute(net, box);
        assertEquals(ExactBounds.NAME, b.method());
        for (int j = 0; j < net.outputSize(); j++) {
            double[] e = new double[net.outputSize()];
            e[j] = 1;
            double max = MilpReference.optimum(net, box, new double[0][], new double[0], e, Sense.MAXIMIZE, SCIP);
            double min = MilpReference.optimum(net, box, new double[0][], new double[0], e, Sense.MINIMIZE, SCIP);
            assertEquals(max, b.outputUpper(j), TOL * (1 + Math.abs(max)), "output " + j);
            assertEquals(min, b.outputLower(j), TOL * (1 + Math.abs(min)), "output " + j);
        }
        assertSamplesInside(net, box, b, 2);
    }

    @Test
    void marginBoundEqualsTheMilpOptimum() {
        Network net = network(77);
        Box box = box(net, 77);
        double[] c = new double[net.outputSize()];
        c[0] = 1;
        c[1] = -1;
        double milp = MilpReference.optimum(net, box, new double[0][], new double[0], c, Sense.MAXIMIZE, SCIP);
        double upper = exact.upperBound(net, box, c, org.reluscope.bounds.BoundOptions.DEFAULT);
        assertEquals(milp, upper, TOL * (1 + Math.abs(milp)));
        assertTrue(upper <= new SymbolicPropagation().upperBound(net, box, c, org.reluscope.bounds.BoundOptions.DEFAULT));
    }

    /**
     * A 2-D ball lies between the inscribed and the circumscribed regular 180-gon, so its exact
     * bounds lie between the MILP optima over the two polygons (a bracket of relative width
     * 1 − cos(π/180) ≈ 1.5e-4 of the radius).
     */
    @Test
    void ballsLieBetweenTheMilpOptimaOfInnerAndOuterPolygons() {
        int sides = 180;
        for (long seed = 1; seed <= 3; seed++) {
            Network net = RandomNetworks.relu(seed, 0.3, 2, 8, 6, 2);
            double[] x0 = {0.05 * seed - 0.15, -0.05};
            double r = 0.4;
            L2Ball ball = new L2Ball(x0, r);
            double[] c = objective(net, seed);
            ExactBounds.Result b = exact.bound(net, ball, new double[][] {c}, ReluSplits.NONE);
            double[][] a = new double[sides][];
            double[] inner = new double[sides];
            double[] outer = new double[sides];
            for (int k = 0; k < sides; k++) {
                double t = 2 * Math.PI * k / sides;
                a[k] = new double[] {Math.cos(t), Math.sin(t)};
                inner[k] = a[k][0] * x0[0] + a[k][1] * x0[1] + r * Math.cos(Math.PI / sides);
                outer[k] = a[k][0] * x0[0] + a[k][1] * x0[1] + r;
            }
            Box box = ball.boundingBox();
            double lowMax = MilpReference.optimum(net, box, a, inner, c, Sense.MAXIMIZE, SCIP);
            double highMax = MilpReference.optimum(net, box, a, outer, c, Sense.MAXIMIZE, SCIP);
            double lowMin = MilpReference.optimum(net, box, a, outer, c, Sense.MINIMIZE, SCIP);
            double highMin = MilpReference.optimum(net, box, a, inner, c, Sense.MINIMIZE, SCIP);
            double upper = b.upper()[0];
            double lower = b.lower()[0];
            assertTrue(upper >= lowMax - TOL && upper <= highMax + TOL,
                    "seed " + seed + ": upper " + upper + " not in [" + lowMax + ", " + highMax + "]");
            assertTrue(lower >= lowMin - TOL && lower <= highMin + TOL,
                    "seed " + seed + ": lower " + lower + " not in [" + lowMin + ", " + highMin + "]");
        }
    }

    @Test
    void partialRunsStaySound() {
        Network net = RandomNetworks.relu(5, 0.3, 3, 10, 8, 3);
        Box box = Box.linf(new double[] {0.1, 0, -0.1}, 0.3);
        ExactBounds limited = new ExactBounds(LpSolvers.create("glop"), LpSolvers.distance(
                org.reluscope.lp.LpOptions.DEFAULT), RegionOptions.defaults().withMaxRegions(3));
        Bounds partial = limited.compute(net, box);
        Bounds full = exact.compute(net, box);
        assertEquals(ExactBounds.PARTIAL, partial.method());
        Bounds crown = new SymbolicPropagation().compute(net, box);
        for (int j = 0; j < net.outputSize(); j++) {
            double slack = TOL * (1 + Math.abs(full.outputUpper(j)));
            assertTrue(partial.outputUpper(j) >= full.outputUpper(j) - slack && partial.outputUpper(j) <= crown.outputUpper(j));
            slack = TOL * (1 + Math.abs(full.outputLower(j)));
            assertTrue(partial.outputLower(j) <= full.outputLower(j) + slack && partial.outputLower(j) >= crown.outputLower(j));
        }
        assertSamplesInside(net, box, partial, 5);
        assertTrue(partial.meanOutputWidth() > full.meanOutputWidth(), "three regions cannot give the exact bounds here");
    }

    private static void assertSamplesInside(Network net, InputSet set, double[] c, ExactBounds.Result e, long seed) {
        Random random = new Random(seed);
        for (int s = 0; s < 2000; s++) {
            double v = Vectors.dot(c, net.evaluate(set.sample(random)));
            assertTrue(v <= e.upper()[0] && v >= e.lower()[0], "seed " + seed + ": sample " + v);
        }
    }

    static void assertSamplesInside(Network net, InputSet set, Bounds b, long seed) {
        Random random = new Random(seed);
        for (int s = 0; s < 2000; s++) {
            double[] y = net.evaluate(set.sample(random));
            for (int j = 0; j < y.length; j++) {
                assertTrue(y[j] <= b.outputUpper(j) && y[j] >= b.outputLower(j),
                        "sample output " + j + " = " + y[j] + " outside [" + b.outputLower(j) + ", " + b.outputUpper(j) + "]");
            }
        }
    }
}
