package org.reluscope.bounds;

import java.util.Locale;

import org.reluscope.lp.LpSolver;

/**
 * The bound methods by name, from cheap to tight: {@code ibp} ⊇ {@code crown} ⊇ {@code lp}.
 * (Exact bounds by region enumeration implement the same {@link OutputBounder} contract.)
 */
public enum BoundMethod {
    /** {@link IntervalPropagation}. */
    IBP,
    /** {@link SymbolicPropagation}. */
    CROWN,
    /** {@link TriangleRelaxation}. */
    LP;

    /** The name used on the command line and in results. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The method called {@code name} (ibp, crown, lp; any case).
     *
     * @throws IllegalArgumentException naming the known methods
     */
    public static BoundMethod ofName(String name) {
        for (BoundMethod m : values()) {
            if (m.cliName().equalsIgnoreCase(name.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown bound method '" + name + "': expected ibp, crown or lp");
    }

    /** An instance of the method; {@code solver} is used by {@link #LP} only. */
    public OutputBounder bounder(LpSolver solver) {
        return switch (this) {
            case IBP -> new IntervalPropagation();
            case CROWN -> new SymbolicPropagation();
            case LP -> new TriangleRelaxation(solver);
        };
    }
}
