package org.reluscope.cli;

import java.time.Duration;

import org.reluscope.BadInputException;
import org.reluscope.bounds.OutputBounder;
import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpSolvers;
import org.reluscope.region.BoundMethod;
import org.reluscope.symmetry.SymmetryOptions;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

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

    /**
     * The bound method named by an option's value (ibp, crown, lp, exact), with the default LP
     * solver for lp and exact; an unknown name is a usage error naming the option and the choices.
     */
    static OutputBounder bounder(CommandSpec spec, String option, String name) {
        BoundMethod method;
        try {
            method = BoundMethod.ofName(name);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
        return method.bounder(method.needsSolver() ? LpSolvers.defaultLp(LpOptions.DEFAULT) : null);
    }

    /** {@code --timeout} in seconds, checked: finite and ≥ 0. */
    static Duration timeout(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new BadInputException("--timeout", "expected a finite number of seconds ≥ 0, got " + seconds);
        }
        return Duration.ofNanos((long) (seconds * 1e9));
    }

    /** {@code --tol}, checked: finite and ≥ 0. */
    static double tolerance(double tolerance) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new BadInputException("--tol", "expected a finite number ≥ 0, got " + tolerance);
        }
        return tolerance;
    }
}
