package org.reluscope.lp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.reluscope.lp.ortools.OrToolsEngine;
import org.reluscope.lp.ortools.OrToolsSolver;

/**
 * The contract of a {@link DistanceSolver}. Oracles: closed forms (projection onto a box is
 * clamping; onto a half-space a·x ≤ b it is c − max(0, a·c − b)/‖a‖² a), the variational
 * inequality that characterises the nearest point of a convex set (x* ∈ P and
 * (c − x*)·(x − x*) ≤ 0 for all x ∈ P, checked with a GLOP LP: max over P of (c − x*)·x), and
 * for the ball decision, points of P sampled as LP vertices.
 */
public abstract class DistanceSolverContract {

    protected abstract DistanceSolver createSolver();

    private static void assertSafe(DistanceResult r, double exact, String what) {
        assertTrue(r.safeLowerBound() <= exact, what + ": bound " + r.safeLowerBound() + " above " + exact);
        assertTrue(exact - r.safeLowerBound() <= 1e-8 * (1 + exact), what + ": bound " + r.safeLowerBound() + " far below " + exact);
    }

    @Test
    void projectionOntoABoxIsClamping() {
        DistanceSolver solver = createSolver();
        Random random = new Random(31);
        for (int t = 0; t < 20; t++) {
            int n = 1 + random.nextInt(8);
            LinearProgram.Builder b = LinearProgram.builder();
            double[] centre = new double[n];
            double[] clamped = new double[n];
            double d2 = 0;
            boolean asRows = random.nextBoolean();
            for (int j = 0; j < n; j++) {
                double lo = random.nextGaussian();
                double hi = lo + random.nextDouble() * 2;
                centre[j] = 2 * random.nextGaussian();
                clamped[j] = Math.max(lo, Math.min(hi, centre[j]));
                d2 += (clamped[j] - centre[j]) * (clamped[j] - centre[j]);
                if (asRows) {
                    b.addVariable(-100, 100);
                } else {
                    b.addVariable(lo, hi);
                }
                if (asRows) {
                    double[] e = new double[j + 1];
                    e[j] = 1;
                    b.addDenseRow(e, lo, hi);
                }
            }
            DistanceResult r = solver.nearest(b.build(), centre);
            assertEquals(LpStatus.OPTIMAL, r.status());
            assertArrayEquals(clamped, r.nearestPoint(), 1e-7, "box " + t);
            assertEquals(d2, r.squaredDistance(), 1e-7 * (1 + d2), "box " + t);
            assertSafe(r, d2, "box " + t);
        }
    }

    @Test
    void projectionOntoAHalfSpace() {
        DistanceSolver solver = createSolver();
        Random random = new Random(32);
        for (int t = 0; t < 20; t++) {
            int n = 1 + random.nextInt(8);
            double[] a = new double[n];
            double[] centre = new double[n];
            double ac = 0;
            double aa = 0;
            for (int j = 0; j < n; j++) {
                a[j] = random.nextGaussian();
                centre[j] = random.nextGaussian();
                ac += a[j] * centre[j];
                aa += a[j] * a[j];
            }
            double rhs = ac + random.nextGaussian();
            double step = Math.max(0, ac - rhs) / aa;
            double[] expected = new double[n];
            for (int j = 0; j < n; j++) {
                expected[j] = centre[j] - step * a[j];
            }
            LinearProgram.Builder b = LinearProgram.builder();
            for (int j = 0; j < n; j++) {
                b.addVariable(-100, 100);
            }
            b.addLessOrEqual(a, rhs);
            DistanceResult r = solver.nearest(b.build(), centre);
            assertEquals(LpStatus.OPTIMAL, r.status());
            assertArrayEquals(expected, r.nearestPoint(), 1e-7, "half-space " + t);
            double d2 = step * step * aa;
            assertEquals(d2, r.squaredDistance(), 1e-7 * (1 + d2));
            assertSafe(r, d2, "half-space " + t);
        }
    }

    @Test
    void nearestPointSatisfiesTheVariationalInequalityAndDecidesBallsCorrectly() {
        DistanceSolver solver = createSolver();
        LpSolver glop = new OrToolsSolver(OrToolsEngine.GLOP);
        Random random = new Random(33);
        for (int t = 0; t < 40; t++) {
            int n = 2 + random.nextInt(6);
            LinearProgram polytope = RandomLps.generate(random, n, 2 + random.nextInt(3 * n), RandomLps.Kind.FEASIBLE).lp();
            double[] centre = new double[n];
            for (int j = 0; j < n; j++) {
                centre[j] = 1.5 * random.nextGaussian();
            }
            DistanceResult r = solver.nearest(polytope, centre);
            String what = "polytope " + t;
            assertEquals(LpStatus.OPTIMAL, r.status(), what);
            double[] x = r.nearestPoint();
            assertTrue(polytope.infeasibility(x) <= 1e-8, what + ": x* outside P");
            double[] direction = new double[n];
            double atX = 0;
            for (int j = 0; j < n; j++) {
                direction[j] = centre[j] - x[j];
                atX += direction[j] * x[j];
            }
            LpResult vi = glop.solve(polytope.toBuilder().objective(direction, Sense.MAXIMIZE).build());
            assertTrue(vi.objective() <= atX + 1e-7 * (1 + Math.abs(atX)), what + ": some x ∈ P is nearer");
            assertTrue(r.safeLowerBound() <= r.squaredDistance() + 1e-12, what);
            assertTrue(r.squaredDistance() - r.safeLowerBound() <= 1e-7 * (1 + r.squaredDistance()), what + " gap");
            assertBallDecisions(polytope, centre, r, glop, random, what);
        }
    }

    /** Radii just inside and outside the distance: x* witnesses "meets"; no sampled vertex of P lies in a missed ball. */
    private static void assertBallDecisions(LinearProgram polytope, double[] centre, DistanceResult r, LpSolver glop,
                                            Random random, String what) {
        double d = Math.sqrt(r.squaredDistance());
        double outside = d * 1.001 + 1e-6;
        double inside = d * 0.999 - 1e-6;
        assertTrue(r.meets(outside), what);
        assertFalse(r.provablyMisses(outside), what + ": x* is a point of P in the ball");
        if (inside > 0) {
            assertTrue(r.provablyMisses(inside), what + ": a ball a bit smaller than the distance is missed");
            for (int s = 0; s < 10; s++) {
                double[] c = new double[centre.length];
                for (int j = 0; j < c.length; j++) {
                    c[j] = random.nextGaussian();
                }
                double[] v = glop.solve(polytope.toBuilder().objective(c, Sense.MINIMIZE).build()).primal();
                double dist2 = 0;
                for (int j = 0; j < c.length; j++) {
                    dist2 += (v[j] - centre[j]) * (v[j] - centre[j]);
                }
                assertTrue(dist2 > inside * inside, what + ": a vertex of P lies in the missed ball");
            }
        }
    }

    @Test
    void emptyPolytope() {
        LinearProgram.Builder b = LinearProgram.builder();
        b.addVariables(new double[] {0, 0}, new double[] {1, 1});
        b.addGreaterOrEqual(new double[] {1, 1}, 3);
        DistanceResult r = createSolver().nearest(b.build(), new double[] {0, 0});
        assertEquals(LpStatus.INFEASIBLE, r.status());
        assertEquals(Double.POSITIVE_INFINITY, r.squaredDistance());
        assertFalse(r.provablyMisses(0.5), "an unproven empty polytope is never reported as missed");
    }

    @Test
    void rejectsCentreOfWrongLength() {
        LinearProgram.Builder b = LinearProgram.builder();
        b.addVariable(0, 1);
        LinearProgram segment = b.build();
        assertThrows(IllegalArgumentException.class, () -> createSolver().nearest(segment, new double[] {1, 2}));
    }
}
