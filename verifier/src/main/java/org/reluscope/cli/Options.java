package org.reluscope.cli;

import org.reluscope.BadInputException;
import org.reluscope.symmetry.SymmetryOptions;

/** Turns option values into the library's options records, reporting a bad value as bad input. */
final class Options {
    private Options() {
    }

    /** {@code --tol} and {@code --budget} as {@link SymmetryOptions}. */
    static SymmetryOptions symmetry(double tolerance, long budget) {
        if (budget <= 0) {
            throw new BadInputException("--budget", "expected a positive number of nodes, got " + budget);
        }
        return new SymmetryOptions(tolerance(tolerance), budget);
    }

    /** {@code --tol}, checked: finite and ≥ 0. */
    static double tolerance(double tolerance) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new BadInputException("--tol", "expected a finite number ≥ 0, got " + tolerance);
        }
        return tolerance;
    }
}
