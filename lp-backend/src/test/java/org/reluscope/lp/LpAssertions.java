package org.reluscope.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks shared by the LP tests: optimality conditions, objective agreement and safe bounds. */
final class LpAssertions {
    private LpAssertions() {
    }

    /** |a − b| ≤ relative·max(1, |a|). */
    static void assertClose(double expected, double actual, double relative, String what) {
        assertEquals(expected, actual, relative * Math.max(1, Math.abs(expected)), what);
    }

    /**
     * The safe bound is on the right side of the optimum (up to the solver's own feasibility
     * slack in {@code objective}) and within {@code gap} of it.
     */
    static void assertSafeBound(LinearProgram lp, LpResult r, double gap, String what) {
        double scale = Math.max(1, Math.abs(r.objective()));
        double slack = 1e-9 * scale;
        if (lp.sense() == Sense.MINIMIZE) {
            assertTrue(r.safeBound() <= r.objective() + slack, what + ": bound " + r.safeBound() + " above optimum " + r.objective());
            assertTrue(r.objective() - r.safeBound() <= gap * scale, what + ": bound " + r.safeBound() + " far below " + r.objective());
        } else {
            assertTrue(r.safeBound() >= r.objective() - slack, what + ": bound " + r.safeBound() + " below optimum " + r.objective());
            assertTrue(r.safeBound() - r.objective() <= gap * scale, what + ": bound " + r.safeBound() + " far above " + r.objective());
        }
    }

    /**
     * The KKT conditions in the {@link LpResult} convention, which pin down the sign convention
     * of the duals: x feasible; r = c − Aᵀy; for a minimisation yᵢ ≥ 0 only where row i is at
     * its lower bound, yᵢ ≤ 0 only at its upper bound, rⱼ ≥ 0 only at lⱼ, rⱼ ≤ 0 only at uⱼ
     * (mirrored for a maximisation).
     */
    static void assertKkt(LinearProgram lp, LpResult r, double tol, String what) {
        double[] x = r.primal();
        double[] y = r.rowDuals();
        assertTrue(lp.infeasibility(x) <= tol, what + ": primal infeasibility " + lp.infeasibility(x));
        double sign = lp.sense() == Sense.MINIMIZE ? 1 : -1;
        double[] reduced = lp.objective();
        for (int i = 0; i < lp.rowCount(); i++) {
            LinearProgram.Row row = lp.row(i);
            double yi = sign * y[i];
            double ax = row.dot(x);
            if (yi > tol) {
                assertAt(row.lower(), ax, tol, what + ": row " + i + " has dual " + y[i] + " but is not at its lower bound");
            } else if (yi < -tol) {
                assertAt(row.upper(), ax, tol, what + ": row " + i + " has dual " + y[i] + " but is not at its upper bound");
            }
            for (int k = 0; k < row.indices().length; k++) {
                reduced[row.indices()[k]] -= y[i] * row.values()[k];
            }
        }
        for (int j = 0; j < x.length; j++) {
            double rj = sign * reduced[j];
            if (rj > tol) {
                assertAt(lp.lower(j), x[j], tol, what + ": variable " + j + " has reduced cost " + reduced[j] + " but is not at its lower bound");
            } else if (rj < -tol) {
                assertAt(lp.upper(j), x[j], tol, what + ": variable " + j + " has reduced cost " + reduced[j] + " but is not at its upper bound");
            }
        }
    }

    private static void assertAt(double bound, double value, double tol, String what) {
        assertTrue(Double.isFinite(bound), what + " (the bound is infinite)");
        assertClose(bound, value, tol, what);
    }
}
