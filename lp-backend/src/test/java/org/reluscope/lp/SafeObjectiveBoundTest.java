package org.reluscope.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.reluscope.lp.ortools.OrToolsEngine;
import org.reluscope.lp.ortools.OrToolsSolver;

/**
 * {@link SafeObjectiveBound} against the exact value of the same Lagrangian bound computed
 * in BigDecimal (no rounding at all): ours must never exceed it (for a minimisation) and must
 * be within a few ulps of it. With GLOP's near-exact duals the bound is tight, so a version
 * that rounded to nearest instead of outward would exceed the exact value on many of them.
 */
class SafeObjectiveBoundTest {
    private static final MathContext EXACT = MathContext.UNLIMITED;

    /** The exact Lagrangian bound for y (entries asking for an infinite bound taken as 0, as the class does). */
    private static BigDecimal exactBound(LinearProgram lp, double[] y, double sign) {
        int n = lp.variableCount();
        BigDecimal[] r = new BigDecimal[n];
        for (int j = 0; j < n; j++) {
            r[j] = new BigDecimal(sign * lp.objective(j));
        }
        BigDecimal total = new BigDecimal(sign * lp.objectiveConstant());
        for (int i = 0; i < lp.rowCount(); i++) {
            LinearProgram.Row row = lp.row(i);
            double yi = sign * y[i];
            if ((yi > 0 && row.lower() == Double.NEGATIVE_INFINITY) || (yi < 0 && row.upper() == Double.POSITIVE_INFINITY)
                    || yi == 0) {
                continue;
            }
            BigDecimal by = new BigDecimal(yi);
            total = total.add(by.multiply(new BigDecimal(yi > 0 ? row.lower() : row.upper()), EXACT));
            for (int k = 0; k < row.indices().length; k++) {
                int j = row.indices()[k];
                r[j] = r[j].subtract(by.multiply(new BigDecimal(row.values()[k]), EXACT));
            }
        }
        for (int j = 0; j < n; j++) {
            int s = r[j].signum();
            if (s != 0) {
                total = total.add(r[j].multiply(new BigDecimal(s > 0 ? lp.lower(j) : lp.upper(j)), EXACT));
            }
        }
        return total;
    }

    private static void assertBelowExact(LinearProgram lp, double[] y, double slackRelative, String what) {
        double sign = lp.sense() == Sense.MINIMIZE ? 1 : -1;
        double ours = sign * SafeObjectiveBound.of(lp, y);
        BigDecimal exact = exactBound(lp, y, sign);
        assertTrue(new BigDecimal(ours).compareTo(exact) <= 0, what + ": " + ours + " exceeds the exact " + exact);
        double gap = exact.subtract(new BigDecimal(ours)).doubleValue();
        assertTrue(gap <= slackRelative * (1 + Math.abs(exact.doubleValue())), what + ": gap " + gap);
    }

    @Test
    void neverAboveTheExactValueWithSolverDuals() {
        LpSolver glop = new OrToolsSolver(OrToolsEngine.GLOP);
        Random random = new Random(21);
        for (int t = 0; t < 150; t++) {
            LinearProgram lp = RandomLps.generate(random, 2 + random.nextInt(30), random.nextInt(40),
                    RandomLps.Kind.FEASIBLE).lp();
            LpResult r = glop.solve(lp);
            assertEquals(LpStatus.OPTIMAL, r.status());
            assertBelowExact(lp, r.rowDuals(), 1e-12, "LP " + t);
        }
    }

    @Test
    void neverAboveTheExactValueWithArbitraryMultipliers() {
        Random random = new Random(22);
        for (int t = 0; t < 150; t++) {
            LinearProgram lp = RandomLps.generate(random, 2 + random.nextInt(10), random.nextInt(15),
                    RandomLps.Kind.FEASIBLE).lp();
            double[] y = new double[lp.rowCount()];
            for (int i = 0; i < y.length; i++) {
                y[i] = random.nextInt(3) == 0 ? 0 : random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3);
            }
            assertBelowExact(lp, y, 1e-12, "LP " + t);
        }
    }

    @Test
    void boundHoldsAgainstTheTrueOptimumForAnyMultipliers() {
        Random random = new Random(23);
        for (int t = 0; t < 60; t++) {
            LinearProgram lp = RandomLps.generate(random, 2 + random.nextInt(2), 1 + random.nextInt(4),
                    RandomLps.Kind.FEASIBLE).lp();
            double optimum = BruteForceLp.optimum(lp);
            double[] y = new double[lp.rowCount()];
            for (int i = 0; i < y.length; i++) {
                y[i] = random.nextGaussian();
            }
            double bound = SafeObjectiveBound.of(lp, y);
            assertTrue(lp.sense() == Sense.MINIMIZE ? bound <= optimum + 1e-9 : bound >= optimum - 1e-9,
                    "LP " + t + ": bound " + bound + " optimum " + optimum);
        }
    }

    @Test
    void wrongSignOnAnUnboundedVariableGivesMinusInfinity() {
        LinearProgram.Builder b = LinearProgram.builder();
        b.addVariable(0, Double.POSITIVE_INFINITY);
        b.addGreaterOrEqual(new double[] {1}, 1);
        LinearProgram lp = b.objective(new double[] {1}, Sense.MINIMIZE).build();
        assertEquals(Double.NEGATIVE_INFINITY, SafeObjectiveBound.of(lp, new double[] {2}), "r = 1 − 2 < 0 on x ≤ ∞");
        assertTrue(SafeObjectiveBound.of(lp, new double[] {0.5}) <= 0.5, "r = 0.5 > 0: 0.5·1 + 0.5·0");
        assertTrue(SafeObjectiveBound.of(lp, new double[] {0.5}) > 0.5 - 1e-15);
        LinearProgram max = lp.toBuilder().objective(new double[] {-1}, Sense.MAXIMIZE).build();
        assertTrue(SafeObjectiveBound.of(max, new double[] {-0.5}) >= -0.5, "mirrored for a maximisation");
    }

    @Test
    void multipliersAskingForAnInfiniteRowBoundAreIgnored() {
        LinearProgram.Builder b = LinearProgram.builder();
        b.addVariable(0, 1);
        b.addGreaterOrEqual(new double[] {1}, 0.5);
        LinearProgram lp = b.objective(new double[] {1}, Sense.MINIMIZE).build();
        assertEquals(0, SafeObjectiveBound.of(lp, new double[] {-1e-17}), 1e-300,
                "y < 0 on a row without upper bound is noise: bound from the box alone (min x over [0, 1])");
        assertEquals(0, SafeObjectiveBound.of(lp, new double[] {Double.NaN}), 1e-300);
    }

    @Test
    void rejectsWrongMultiplierCount() {
        assertThrows(IllegalArgumentException.class, () -> SafeObjectiveBound.of(
                LinearProgram.builder().build(), new double[1]));
    }
}
