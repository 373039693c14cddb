package org.reluscope.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.reluscope.input.Box;
import org.reluscope.lp.LinearProgram;
import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpResult;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.LpSolvers;
import org.reluscope.lp.LpStatus;
import org.reluscope.lp.Sense;

/**
 * The warm support session must answer as a cold LP over exactly the piece's rows, whatever
 * order the pieces come in: extending the rows it holds (rows appended), jumping to a sibling
 * branch or back to a shorter prefix (re-opened). Oracle: ojAlgo, a second back-end, solving
 * each program from scratch.
 */
class LpPieceSupportTest {
    private static final LpSolver OJALGO = LpSolvers.create("ojalgo");

    @Test
    void answersAsColdLpsAlongBranchingRowChains() {
        Random random = new Random(5);
        double[] lo = {-1, 0.5, -2, 0, 3};
        double[] hi = {1, 0.5, 1, 2, 4};
        Box box = new Box(lo, hi);
        SetGeometry geometry = new SetGeometry(box, RegionOptions.DEFAULT_INTERIOR_TOLERANCE);
        AtomicInteger solves = new AtomicInteger();
        PieceLp lps = new PieceLp(geometry, LpSolvers.create(LpSolvers.DEFAULT_LP),
                LpSolvers.distance(LpOptions.DEFAULT), solves::incrementAndGet, Long.MAX_VALUE);
        int infeasible = 0;
        int checked = 0;
        try (LpPieceSupport support = new LpPieceSupport(geometry, lps)) {
            for (int trunk = 0; trunk < 6; trunk++) {
                Piece.Rows common = null;
                for (int k = 0; k < 3; k++) {
                    common = Piece.Rows.add(common, row(random, geometry, box));
                }
                for (int branch = 0; branch < 3; branch++) {
                    Piece.Rows rows = common;
                    for (int k = 0; k < 5; k++) {
                        rows = Piece.Rows.add(rows, row(random, geometry, box));
                        double[] g = new double[5];
                        for (int j = 0; j < g.length; j++) {
                            g[j] = random.nextGaussian();
                        }
                        double g0 = random.nextGaussian();
                        LpResult warm = support.solve(k == 2 ? common : rows, g, g0);
                        LpResult cold = OJALGO.solve(program(box, Piece.Rows.list(k == 2 ? common : rows), g, g0));
                        assertEquals(cold.status(), warm.status());
                        if (cold.status() == LpStatus.INFEASIBLE) {
                            infeasible++;
                            continue;
                        }
                        assertEquals(cold.objective(), warm.objective(), 1e-7 * (1 + Math.abs(cold.objective())));
                        assertTrue(warm.safeBound() >= cold.objective() - 1e-9);
                        checked++;
                    }
                }
            }
        }
        assertEquals(90, solves.get());
        assertTrue(checked >= 30 && infeasible >= 5, checked + " optimal, " + infeasible + " infeasible");
    }

    /** A unit row (over the free coordinates) whose hyperplane passes near the box centre. */
    private static HalfSpace row(Random random, SetGeometry geometry, Box box) {
        double[] a = new double[box.dimension()];
        for (int j = 0; j < a.length; j++) {
            a[j] = random.nextGaussian();
        }
        double norm = geometry.freeNorm(a);
        double b = 0;
        double[] c = box.center();
        for (int j = 0; j < a.length; j++) {
            a[j] /= norm;
            b += a[j] * c[j];
        }
        return new HalfSpace(a, b + 0.8 * random.nextGaussian() - 0.2);
    }

    private static LinearProgram program(Box box, List<HalfSpace> rows, double[] g, double g0) {
        LinearProgram.Builder b = LinearProgram.builder();
        for (int j = 0; j < box.dimension(); j++) {
            b.addVariable(box.lower(j), box.upper(j));
        }
        for (HalfSpace h : rows) {
            b.addLessOrEqual(h.a(), h.b());
        }
        return b.objective(g, g0, Sense.MAXIMIZE).build();
    }
}
