package org.reluscope.symmetry;

/**
 * Settings of the symmetry computations.
 *
 * @param tolerance    absolute tolerance on normalised parameters: two units are the same
 *                     hyperplane when their (u, β) agree within it entry-wise, an output
 *                     weight, G or g entry at most this large counts as zero, and two
 *                     canonical forms agree when every entry agrees within it
 * @param searchBudget the most nodes a combinatorial search (minimal width, genericity) may
 *                     visit before it answers "not proven"
 */
public record SymmetryOptions(double tolerance, long searchBudget) {
    /** Tolerance 1e-9 and a budget of 2²² search nodes. */
    public static final SymmetryOptions DEFAULT = new SymmetryOptions(1e-9, 1L << 22);

    public SymmetryOptions {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a finite number ≥ 0, got " + tolerance);
        }
        if (searchBudget <= 0) {
            throw new IllegalArgumentException("search budget must be positive, got " + searchBudget);
        }
    }

    /** The same budget with another tolerance. */
    public SymmetryOptions withTolerance(double newTolerance) {
        return new SymmetryOptions(newTolerance, searchBudget);
    }
}
