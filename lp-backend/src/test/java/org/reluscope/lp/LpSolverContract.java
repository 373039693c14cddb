package org.reluscope.lp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reluscope.lp.LpAssertions.assertClose;
import static org.reluscope.lp.LpAssertions.assertKkt;
import static org.reluscope.lp.LpAssertions.assertSafeBound;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link LpSolver} meets, run against each back-end by a subclass that
 * supplies {@link #createSolver()}. Oracles: hand-computed optima and duals, vertex
 * enumeration ({@link BruteForceLp}), brute force over integer points, the solver's own cold
 * solve (for incremental sessions) and the statuses random LPs were built to have.
 */
public abstract class LpSolverContract {
    private static final double INF = Double.POSITIVE_INFINITY;

    /** The solver under test with the given options. */
    protected abstract LpSolver createSolver(LpOptions options);

    protected final LpSolver createSolver() {
        return createSolver(LpOptions.DEFAULT);
    }

    /** Whether the solver reports row duals (and so safe bounds) on LPs. */
    private boolean givesDuals(LpSolver solver) {
        return !solver.supportsIntegers();
    }

    /** min −x − y s.t. x + 2y ≤ 4, 3x + y ≤ 6, 0 ≤ x, y ≤ 10: optimum −2.8 at (1.6, 1.2), duals (−0.4, −0.2). */
    private static LinearProgram textbook(Sense sense) {
        double s = sense == Sense.MINIMIZE ? -1 : 1;
        LinearProgram.Builder b = LinearProgram.builder();
        b.addVariable(0, 10);
        b.addVariable(0, 10);
        b.addLessOrEqual(new double[] {1, 2}, 4);
        b.addLessOrEqual(new double[] {3, 1}, 6);
        return b.objective(new double[] {s, s}, sense).build();
    }

    @Test
    void textbookMinimumAndDuals() {
        LpSolver solver = createSolver();
        LinearProgram lp = textbook(Sense.MINIMIZE);
        LpResult r = solver.solve(lp);
        assertEquals(LpStatus.OPTIMAL, r.status());
        assertClose(-2.8, r.objective(), 1e-9, "objective");
        assertArrayEquals(new double[] {1.6, 1.2}, r.primal(), 1e-9);
        if (givesDuals(solver)) {
            assertArrayEquals(new double[] {-0.4, -0.2}, r.rowDuals(), 1e-9, "duals: c − Aᵀy are the reduced costs");
            assertSafeBound(lp, r, 1e-12, "textbook");
        }
    }

    @Test
    void maximisationMirrorsDualSigns() {
        LpSolver solver = createSolver();
        LinearProgram lp = textbook(Sense.MAXIMIZE);
        LpResult r = solver.solve(lp);
        assertEquals(LpStatus.OPTIMAL, r.status());
        assertClose(2.8, r.objective(), 1e-9, "objective");
        if (givesDuals(solver)) {
            assertArrayEquals(new double[] {0.4, 0.2}, r.rowDuals(), 1e-9, "a maximum grows with an upper row bound");
            assertSafeBound(lp, r, 1e-12, "textbook max");
        }
    }

    @Test
    void equalityConstrained() {
        LpSolver solver = createSolver();
        LinearProgram.Builder b = LinearProgram.builder();
        b.addVariables(new double[] {0, 0, 0}, new double[] {1, 1, 1});
        b.addEqual(new double[] {1, 1, 1}, 1);
        b.addEqual(new double[] {1, -1, 0}, 0);
        LinearProgram lp = b.objective(new double[] {1, 2, 3}, 0.25, Sense.MINIMIZE).build();
        LpResult r = solver.solve(lp);
        assertEquals(LpStatus.OPTIMAL, r.status());
        assertClose(1.75, r.objective(), 1e-9, "objective with constant");
        assertArrayEquals(new double[] {0.5, 0.5, 0}, r.primal(), 1e-9);
        if (givesDuals(solver)) {
            assertArrayEquals(new double[] {1.5, -0.5}, r.rowDuals(), 1e-9);
            assertSafeBound(lp, r, 1e-12, "equalities");
        }
    }

    @Test
    void degenerateVertex() {
        LpSolver solver = createSolver();
        LinearProgram.Builder b = LinearProgram.builder();
        b.addVariables(new double[] {0, 0}, new double[] {5, 5});
        b.addLessOrEqual(new double[] {1, 0}, 1);
        b.addLessOrEqual(new double[] {0, 1}, 1);
        b.addLessOrEqual(new double[] {1, 1}, 2);
        b.addLessOrEqual(new double[] {1, 2}, 3);
        b.addGreaterOrEqual(new double[] {1, -1}, 0);
        LinearProgram lp = b.objective(new double[] {-1, -1}, Sense.MINIMIZE).build();
        LpResult r = solver.solve(lp);
        assertEquals(LpStatus.OPTIMAL, r.status());
        assertClose(-2, r.objective(), 1e-9, "objective");
        if (givesDuals(solver)) {
            assertKkt(lp, r, 1e-9, "degenerate");
            assertSafeBound(lp, r, 1e-12, "degenerate");
        }
    }

    @Test
    void smallRandomLpsMatchVertexEnumeration() {
        LpSolver solver = createSolver();
        Random random = new Random(11);
        for (int t = 0; t < 60; t++) {
            int n = 2 + random.nextInt(2);
            RandomLps.Kind kind = random.nextInt(4) == 0 ? RandomLps.Kind.INFEASIBLE : RandomLps.Kind.FEASIBLE;
            LinearProgram lp = RandomLps.generate(random, n, 1 + random.nextInt(5), kind).lp();
            double expected = BruteForceLp.optimum(lp);
            LpResult r = solver.solve(lp);
            String what = "LP " + t;
            if (Double.isNaN(expected)) {
                assertEquals(LpStatus.INFEASIBLE, r.status(), what);
                continue;
            }
            assertEquals(LpStatus.OPTIMAL, r.status(), what);
            assertClose(expected, r.objective(), 1e-7, what);
            if (givesDuals(solver)) {
                assertKkt(lp, r, 1e-7, what);
                assertSafeBound(lp, r, 1e-9, what);
            }
        }
    }

    @Test
    void dualSignConventionOnRandomLps() {
        LpSolver solver = createSolver();
        if (!givesDuals(solver)) {
            return;
        }
        Random random = new Random(12);
        for (int t = 0; t < 40; t++) {
            LinearProgram lp = RandomLps.generate(random, 3 + random.nextInt(20), random.nextInt(30),
                    RandomLps.Kind.FEASIBLE).lp();
            LpResult r = solver.solve(lp);
            assertEquals(LpStatus.OPTIMAL, r.status(), "LP " + t);
            assertKkt(lp, r, 1e-6, "LP " + t);
        }
    }

    @Test
    void infeasibleRows() {
        LinearProgram.Builder b = LinearProgram.builder();
        b.addVariables(new double[] {0, 0}, new double[] {5, 5});
        b.addGreaterOrEqual(new double[] {1, 1}, 3);
        b.addLessOrEqual(new double[] {1, 1}, 1);
        LpResult r = createSolver().solve(b.objective(new double[] {1, 0}, Sense.MINIMIZE).build());
        assertEquals(LpStatus.INFEASIBLE, r.status());
        assertTrue(Double.isNaN(r.safeBound()));
    }

    /** Infeasible, and the objective is unbounded on the (free) box: solvers may first say "infeasible or unbounded". */
    @Test
    void infeasibleWithUnboundedDirection() {
        LinearProgram.Builder b = LinearProgram.builder();
        b.addVariable(Double.NEGATIVE_INFINITY, INF);
        b.addVariable(Double.NEGATIVE_INFINITY, INF);
        b.addEqual(new double[] {1, 0}, 1);
        b.addEqual(new double[] {1, 0}, 2);
        LpResult r = createSolver().solve(b.objective(new double[] {0, -1}, Sense.MINIMIZE).build());
        assertEquals(LpStatus.INFEASIBLE, r.status());
    }

    @Test
    void unboundedBothSenses() {
        LpSolver solver = createSolver();
        for (Sense sense : Sense.values()) {
            LinearProgram.Builder b = LinearProgram.builder();
            b.addVariables(new double[] {0, 0}, new double[] {INF, INF});
            b.addLessOrEqual(new double[] {1, -1}, 1);
            double s = sense == Sense.MINIMIZE ? -1 : 1;
            LpResult r = solver.solve(b.objective(new double[] {s, 0}, sense).build());
            assertEquals(LpStatus.UNBOUNDED, r.status(), sense.toString());
            assertEquals(sense == Sense.MINIMIZE ? Double.NEGATIVE_INFINITY : INF, r.safeBound(), sense.toString());
        }
    }

    /** A bounded optimum with unbounded variables: the bound may be −∞ (their reduced costs straddle 0) but never above. */
    @Test
    void boundedOptimumOverUnboundedVariables() {
        LpSolver solver = createSolver();
        LinearProgram.Builder b = LinearProgram.builder();
        b.addVariables(new double[] {0, 0}, new double[] {INF, INF});
        b.addGreaterOrEqual(new double[] {1, 1}, 1);
        LinearProgram lp = b.objective(new double[] {1, 2}, Sense.MINIMIZE).build();
        LpResult r = solver.solve(lp);
        assertEquals(LpStatus.OPTIMAL, r.status());
        assertClose(1, r.objective(), 1e-9, "objective");
        if (givesDuals(solver)) {
            assertTrue(r.safeBound() <= 1, "bound " + r.safeBound());
        }
    }

    @Test
    void integerProgramsNeedAMilpEngine() {
        LpSolver solver = createSolver();
        LinearProgram lp = Milps.knapsack(new Random(1), 4).lp();
        if (!solver.supportsIntegers()) {
            assertThrows(IllegalArgumentException.class, () -> solver.solve(lp));
        }
    }

    @Test
    void knapsackMatchesEnumeration() {
        LpSolver solver = createSolver();
        if (!solver.supportsIntegers()) {
            return;
        }
        Random random = new Random(5);
        for (int t = 0; t < 5; t++) {
            Milps.Knapsack k = Milps.knapsack(random, 12);
            LpResult r = solver.solve(k.lp());
            assertEquals(LpStatus.OPTIMAL, r.status());
            assertClose(k.bruteForceOptimum(), r.objective(), 1e-9, "knapsack " + t);
            for (double v : r.primal()) {
                assertEquals(Math.rint(v), v, 1e-6, "integral solution");
            }
        }
    }

    @Test
    void bigMReluEncodingMatchesPatternEnumeration() {
        LpSolver solver = createSolver();
        if (!solver.supportsIntegers()) {
            return;
        }
        Random random = new Random(6);
        for (int t = 0; t < 4; t++) {
            Milps.ReluNet net = Milps.reluNet(random, 2, 4);
            for (Sense sense : Sense.values()) {
                LpResult r = solver.solve(net.bigM(sense));
                assertEquals(LpStatus.OPTIMAL, r.status());
                assertClose(net.optimumByPatterns(sense), r.objective(), 1e-7, "net " + t + " " + sense);
                assertClose(net.output(r.primal()), r.objective(), 1e-6, "the MILP's x attains its value");
            }
        }
    }

    @Test
    void incrementalSessionMatchesColdSolves() {
        LpSolver solver = createSolver();
        Random random = new Random(7);
        for (int seq = 0; seq < 4; seq++) {
            int n = 3 + random.nextInt(8);
            LinearProgram start = RandomLps.generate(random, n, 4, RandomLps.Kind.FEASIBLE).lp();
            try (IncrementalLp session = solver.open(start)) {
                for (int step = 0; step < 25; step++) {
                    RandomEdits.apply(random, session, n);
                    LpResult warm = session.solve();
                    LinearProgram now = session.snapshot();
                    assertEquals(session.rowCount(), now.rowCount());
                    LpResult cold = solver.solve(now);
                    String what = "sequence " + seq + " step " + step;
                    assertEquals(cold.status(), warm.status(), what);
                    if (cold.status().isOptimal()) {
                        assertClose(cold.objective(), warm.objective(), 1e-7, what);
                        if (givesDuals(solver)) {
                            assertSafeBound(now, warm, 1e-7, what);
                        }
                    }
                }
            }
        }
    }

    @Test
    void sessionRejectsBadEdits() {
        try (IncrementalLp session = createSolver().open(textbook(Sense.MINIMIZE))) {
            assertThrows(IllegalArgumentException.class, () -> session.setRowBounds(2, 0, 1));
            assertThrows(IllegalArgumentException.class, () -> session.removeLastRows(3));
            assertThrows(IllegalArgumentException.class, () -> session.addRow(new int[] {0, 2}, new double[] {1, 1}, 0, 1));
            assertThrows(IllegalArgumentException.class, () -> session.setVariableBounds(0, 2, 1));
            assertEquals(2, session.rowCount(), "a rejected edit changes nothing");
            assertClose(-2.8, session.solve().objective(), 1e-9, "still solvable");
        }
    }

    @Test
    void infeasibilityProvenOnlyWhenInfeasible() {
        LpSolver solver = createSolver();
        if (!givesDuals(solver)) {
            return;
        }
        Random random = new Random(8);
        for (int t = 0; t < 15; t++) {
            RandomLps.Kind kind = t % 2 == 0 ? RandomLps.Kind.INFEASIBLE : RandomLps.Kind.FEASIBLE;
            LinearProgram lp = RandomLps.generate(random, 2 + random.nextInt(15), random.nextInt(20), kind).lp();
            InfeasibilityProof proof = InfeasibilityProof.check(solver, lp);
            assertEquals(kind == RandomLps.Kind.INFEASIBLE, proof.proven(), "LP " + t + " " + kind + " bound " + proof.violationBound());
        }
        LinearProgram.Builder tight = LinearProgram.builder();
        tight.addVariable(-1, 1);
        tight.addGreaterOrEqual(new double[] {3}, 0.3);
        tight.addLessOrEqual(new double[] {1}, 0.1);
        assertFalse(InfeasibilityProof.check(solver, tight.objective(new double[] {1}, Sense.MINIMIZE).build()).proven(),
                "3x ≥ 0.3 and x ≤ 0.1 touch (in floating point at least): never proven infeasible");
    }

    @Test
    void timeLimitStopsTheSolve() {
        LinearProgram lp = RandomLps.generate(new Random(3), 300, 250, RandomLps.Kind.FEASIBLE).lp();
        LpResult r = createSolver(LpOptions.DEFAULT.withTimeLimit(1e-4)).solve(lp);
        if (r.status() == LpStatus.OPTIMAL) {
            assertClose(createSolver().solve(lp).objective(), r.objective(), 1e-7, "finished within the limit");
        } else {
            assertEquals(LpStatus.LIMIT, r.status());
            assertTrue(Double.isNaN(r.safeBound()), "no bound from an unfinished solve");
        }
    }
}
