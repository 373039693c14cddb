package org.reluscope.region;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.input.Box;
import org.reluscope.lp.LinearProgram;
import org.reluscope.lp.LpResult;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.LpSolvers;
import org.reluscope.lp.Sense;

/**
 * {@link PieceBox}: the outer box must contain the piece. Oracles: hand-computed boxes, and on
 * random pieces the LP bounding box (GLOP's min and max of each coordinate, which the outer box
 * must contain) and the sampled points of the piece. Bounds are moved outward by about 1e-12.
 */
class PieceBoxTest {
    private static final double ROOT_HALF = Math.sqrt(0.5);

    @Test
    void handComputedBoxes() {
        Box unit = new Box(new double[] {0, 0}, new double[] {1, 1});
        // x + y ≤ 0.5 (as a unit row) leaves [0, 0.5]² of the square
        Box corner = PieceBox.of(unit, List.of(new HalfSpace(new double[] {ROOT_HALF, ROOT_HALF}, 0.5 * ROOT_HALF)));
        assertArrayEquals(new double[] {0.5, 0.5}, corner.upper(), 1e-11);
        assertArrayEquals(new double[] {0, 0}, corner.lower(), 0);
        assertTrue(corner.upper(0) >= 0.5 && corner.upper(1) >= 0.5, "rounded outward");
        // y ≥ x + 0.5, then x ≥ 0.2: x ∈ [0.2, 0.5], y ∈ [0.7, 1] after the second pass
        Box wedge = PieceBox.of(unit, List.of(new HalfSpace(new double[] {ROOT_HALF, -ROOT_HALF}, -0.5 * ROOT_HALF),
                new HalfSpace(new double[] {-1, 0}, -0.2)));
        assertArrayEquals(new double[] {0.2, 0.7}, wedge.lower(), 1e-11);
        assertArrayEquals(new double[] {0.5, 1}, wedge.upper(), 1e-11);
        // x ≤ −0.1 misses the square
        assertNull(PieceBox.of(unit, List.of(new HalfSpace(new double[] {1, 0}, -0.1))));
    }

    @Test
    void containsTheLpBoundingBoxAndTheSampledPoints() {
        Random random = new Random(17);
        LpSolver glop = LpSolvers.create("glop");
        int pieces = 0;
        for (int trial = 0; trial < 60; trial++) {
            int n = 2 + trial % 4;
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int j = 0; j < n; j++) {
                lo[j] = random.nextGaussian();
                hi[j] = lo[j] + 0.1 + random.nextDouble();
            }
            Box box = new Box(lo, hi);
            List<HalfSpace> rows = new ArrayList<>();
            for (int k = 0; k < 2 + random.nextInt(4); k++) {
                double[] a = new double[n];
                double norm = 0;
                for (int j = 0; j < n; j++) {
                    a[j] = random.nextGaussian();
                    norm += a[j] * a[j];
                }
                double b = 0;
                double[] c = box.center();
                for (int j = 0; j < n; j++) {
                    a[j] /= Math.sqrt(norm);
                    b += a[j] * c[j];
                }
                rows.add(new HalfSpace(a, b + 0.3 * random.nextGaussian()));
            }
            Box outer = PieceBox.of(box, rows);
            double[][] lp = lpBox(glop, box, rows);
            if (lp == null) {
                continue;
            }
            pieces++;
            assertTrue(outer != null, "trial " + trial + ": a non-empty piece was declared empty");
            for (int j = 0; j < n; j++) {
                assertTrue(outer.lower(j) <= lp[0][j] + 1e-9 && outer.upper(j) >= lp[1][j] - 1e-9,
                        "trial " + trial + " coordinate " + j);
            }
            for (int s = 0; s < 2000; s++) {
                double[] x = new double[n];
                for (int j = 0; j < n; j++) {
                    x[j] = lo[j] + random.nextDouble() * (hi[j] - lo[j]);
                }
                boolean inside = rows.stream().allMatch(h -> h.slack(x) >= 0);
                for (int j = 0; j < n && inside; j++) {
                    assertTrue(outer.lower(j) <= x[j] && x[j] <= outer.upper(j), "trial " + trial + ": sample outside");
                }
            }
        }
        assertTrue(pieces >= 30, pieces + " non-empty pieces");
    }

    /** {min, max} of each coordinate over box ∩ rows by LP, or null when GLOP finds it empty. */
    private static double[][] lpBox(LpSolver solver, Box box, List<HalfSpace> rows) {
        int n = box.dimension();
        double[][] range = new double[2][n];
        for (int j = 0; j < n; j++) {
            for (Sense sense : Sense.values()) {
                LinearProgram.Builder b = LinearProgram.builder();
                for (int k = 0; k < n; k++) {
                    b.addVariable(box.lower(k), box.upper(k));
                }
                rows.forEach(h -> b.addLessOrEqual(h.a(), h.b()));
                double[] e = new double[n];
                e[j] = 1;
                LpResult r = solver.solve(b.objective(e, sense).build());
                if (!r.status().isOptimal()) {
                    return null;
                }
                range[sense == Sense.MINIMIZE ? 0 : 1][j] = r.objective();
            }
        }
        return range;
    }
}
