package org.reluscope.lp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.reluscope.lp.ojalgo.OjAlgoSolver;
import org.reluscope.lp.ortools.OrToolsEngine;
import org.reluscope.lp.ortools.OrToolsSolver;

/**
 * Chooses a back-end at run time by name, for options such as {@code --lp-solver}:
 * {@code glop}, {@code clp} (OR-Tools LP simplex), {@code scip}, {@code cbc} (OR-Tools MILP)
 * and {@code ojalgo} (pure Java LP and QP). The only class of the root package that knows the
 * back-ends.
 *
 * <p>The default LP solver is {@value #DEFAULT_LP}, from {@code LpBenchmark} (benchmarks
 * module): on ACAS Xu region LPs (5 variables, 300 rows) it was the fastest, 1.15–1.3× CLP
 * cold and 1.0–1.4× warm, and 3–7× ojAlgo; CLP was 2.3× faster on mnistfc-sized region LPs
 * (784 variables, 512 dense rows), where {@code clp} is the better choice. GLOP is also the
 * engine cross-checked against ojAlgo on 1,000 random LPs. The default MILP solver is
 * {@value #DEFAULT_MILP}. The distance QP is ojAlgo's.
 */
public final class LpSolvers {
    /** The default LP solver. */
    public static final String DEFAULT_LP = "glop";
    /** The default MILP solver. */
    public static final String DEFAULT_MILP = "scip";

    private LpSolvers() {
    }

    /** Every name {@link #create} accepts, in a stable order. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (OrToolsEngine e : OrToolsEngine.values()) {
            names.add(e.cliName());
        }
        names.add("ojalgo");
        return Collections.unmodifiableList(names);
    }

    /**
     * The solver called {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the choices when the name is unknown
     */
    public static LpSolver create(String name, LpOptions options) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (key.equals("ojalgo")) {
            return new OjAlgoSolver(options);
        }
        for (OrToolsEngine e : OrToolsEngine.values()) {
            if (e.cliName().equals(key)) {
                return new OrToolsSolver(e, options);
            }
        }
        throw new IllegalArgumentException("unknown LP solver '" + name + "'; choose one of " + String.join(", ", names()));
    }

    public static LpSolver create(String name) {
        return create(name, LpOptions.DEFAULT);
    }

    /** The default LP solver with the given options. */
    public static LpSolver defaultLp(LpOptions options) {
        return create(DEFAULT_LP, options);
    }

    /** The default MILP solver with the given options. */
    public static LpSolver defaultMilp(LpOptions options) {
        return create(DEFAULT_MILP, options);
    }

    /** The distance-QP solver (ojAlgo). */
    public static DistanceSolver distance(LpOptions options) {
        return new OjAlgoSolver(options);
    }
}
