package org.reluscope.region;

import java.util.Locale;

import org.reluscope.bounds.IntervalPropagation;
import org.reluscope.bounds.OutputBounder;
import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.bounds.TriangleRelaxation;
import org.reluscope.lp.LpSolver;

/**
 * The bound methods by name, from cheap to tight: {@code ibp} ⊇ {@code crown} ⊇ {@code lp},
 * and {@code exact} (region enumeration, {@link ExactBounds}: the true range up to a stated
 * tolerance, exponential in the worst case). It lives here, above {@code bounds}, because it
 * names the region enumeration too; {@code bounds} does not depend on {@code region}.
 */
public enum BoundMethod {
    /** {@link IntervalPropagation}. */
    IBP,
    /** {@link SymbolicPropagation}. */
    CROWN,
    /** {@link TriangleRelaxation}. */
    LP,
    /** {@link ExactBounds}. */
    EXACT;

    /** The name used on the command line and in results. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The method called {@code name} (ibp, crown, lp, exact; any case).
     *
     * @throws IllegalArgumentException naming the known methods
     */
    public static BoundMethod ofName(String name) {
        for (BoundMethod m : values()) {
            if (m.cliName().equalsIgnoreCase(name.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown bound method '" + name + "': expected ibp, crown, lp or exact");
    }

    /** Whether the method solves LPs (and so needs a solver). */
    public boolean needsSolver() {
        return this == LP || this == EXACT;
    }

    /** An instance of the method; {@code solver} is used by {@link #LP} and {@link #EXACT} only. */
    public OutputBounder bounder(LpSolver solver) {
        return switch (this) {
            case IBP -> new IntervalPropagation();
            case CROWN -> new SymbolicPropagation();
            case LP -> new TriangleRelaxation(solver);
            case EXACT -> new ExactBounds(solver);
        };
    }
}
