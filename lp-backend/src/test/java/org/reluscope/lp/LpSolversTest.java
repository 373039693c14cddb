package org.reluscope.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LpSolversTest {

    @Test
    void everyNameMakesThatSolver() {
        assertEquals(List.of("glop", "clp", "scip", "cbc", "ojalgo"), LpSolvers.names());
        LinearProgram.Builder b = LinearProgram.builder();
        b.addVariable(0, 2);
        LinearProgram lp = b.objective(new double[] {-1}, Sense.MINIMIZE).build();
        for (String name : LpSolvers.names()) {
            LpSolver solver = LpSolvers.create(name.toUpperCase(java.util.Locale.ROOT));
            assertEquals(name, solver.name());
            assertEquals(-2, solver.solve(lp).objective(), 1e-12, name);
        }
    }

    @Test
    void unknownNameListsTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LpSolvers.create("gurobi"));
        assertEquals("unknown LP solver 'gurobi'; choose one of glop, clp, scip, cbc, ojalgo", e.getMessage());
    }

    @Test
    void defaults() {
        assertEquals(LpSolvers.DEFAULT_LP, LpSolvers.defaultLp(LpOptions.DEFAULT).name());
        assertTrue(LpSolvers.defaultMilp(LpOptions.DEFAULT).supportsIntegers());
        assertThrows(IllegalArgumentException.class, () -> new LpOptions(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new LpOptions(1, -0.1));
    }
}
