package org.reluscope.lp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The model types: validation with useful messages, derived programs and the mutable twin. */
class LinearProgramTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    private static LinearProgram.Builder twoVariables() {
        LinearProgram.Builder b = LinearProgram.builder();
        b.addVariable(0, 1);
        b.addVariable(-INF, INF);
        return b;
    }

    @Test
    void rowsNameEachVariableOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> twoVariables().addRow(new int[] {1, 0, 1}, new double[] {1, 2, 3}, 0, 1));
        assertEquals("row 0 names variable 1 twice", e.getMessage());
        twoVariables().addRow(new int[] {1, 0}, new double[] {1, 2}, 0, 1);
    }

    @Test
    void badInputIsRejectedWithShapes() {
        assertEquals("row 0 refers to variable 2 but there are 2", assertThrows(IllegalArgumentException.class,
                () -> twoVariables().addRow(new int[] {2}, new double[] {1}, 0, 1)).getMessage());
        assertEquals("row 0 has bounds [1.0, 0.0]", assertThrows(IllegalArgumentException.class,
                () -> twoVariables().addRow(new int[] {0}, new double[] {1}, 1, 0)).getMessage());
        assertEquals("objective has 3 entries but there are 2 variables", assertThrows(IllegalArgumentException.class,
                () -> twoVariables().objective(new double[3], Sense.MINIMIZE).build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> twoVariables().objective(new double[] {1}, Double.NaN,
                Sense.MINIMIZE).build());
        assertThrows(IllegalArgumentException.class, () -> LinearProgram.builder().addVariable(INF, INF));
    }

    @Test
    void objectiveBoundedOnTheBox() {
        assertTrue(twoVariables().objective(new double[] {1, 0}, Sense.MINIMIZE).build().isObjectiveBoundedOnBox());
        assertFalse(twoVariables().objective(new double[] {0, 1}, Sense.MINIMIZE).build().isObjectiveBoundedOnBox());
        LinearProgram.Builder half = LinearProgram.builder();
        half.addVariable(0, INF);
        assertTrue(half.objective(new double[] {1}, Sense.MINIMIZE).build().isObjectiveBoundedOnBox());
        assertFalse(half.objective(new double[] {1}, Sense.MAXIMIZE).build().isObjectiveBoundedOnBox());
    }

    @Test
    void feasibilityProblemKeepsTheConstraints() {
        LinearProgram lp = twoVariables().addLessOrEqual(new double[] {1, 1}, 2)
                .objective(new double[] {3, 4}, 7, Sense.MAXIMIZE).build();
        LinearProgram f = lp.feasibilityProblem();
        assertArrayEquals(new double[2], f.objective());
        assertEquals(0, f.objectiveConstant());
        assertEquals(lp.rows(), f.rows());
        assertEquals(INF, f.upper(1));
        assertTrue(f.isObjectiveBoundedOnBox());
    }

    @Test
    void mutableTwinEditsWithoutTouchingTheOriginal() {
        LinearProgram lp = twoVariables().addLessOrEqual(new double[] {1, 1}, 2)
                .objective(new double[] {3, 4}, Sense.MINIMIZE).build();
        MutableProgram m = new MutableProgram(lp);
        assertSame(lp, m.toProgram(), "unchanged: the original itself");
        assertEquals(1, m.addRow(new int[] {0}, new double[] {2}, -1, 1));
        m.setRowBounds(0, 0, 5);
        m.setVariableBounds(1, -3, 3);
        m.setObjective(new double[] {1}, 2, Sense.MAXIMIZE);
        LinearProgram now = m.toProgram();
        assertSame(now, m.toProgram(), "cached until the next edit");
        assertEquals(2, now.rowCount());
        assertEquals(0, now.row(0).lower());
        assertEquals(-3, now.lower(1));
        assertArrayEquals(new double[] {1, 0}, now.objective());
        assertEquals(Sense.MAXIMIZE, now.sense());
        m.removeLastRows(2);
        assertEquals(0, m.toProgram().rowCount());
        assertEquals(1, lp.rowCount(), "the original is immutable");
        assertEquals(2, lp.row(0).upper());
        assertThrows(IllegalArgumentException.class, () -> m.removeLastRows(1));
        assertThrows(IllegalArgumentException.class, () -> m.setVariableBounds(2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> m.setRowBounds(0, 0, 1));
    }

    @Test
    void elasticProgramHasOneRowPerFiniteSide() {
        LinearProgram lp = twoVariables().addDenseRow(new double[] {1, 1}, 0, 1)
                .addLessOrEqual(new double[] {1, 0}, 1).addEqual(new double[] {0, 1}, 3).build();
        LinearProgram elastic = InfeasibilityProof.elastic(lp, 7);
        assertEquals(3, elastic.variableCount());
        assertEquals(5, elastic.rowCount());
        assertEquals(7, elastic.upper(2));
        assertArrayEquals(new double[] {0, 0, 1}, elastic.objective());
    }
}
