package org.reluscope.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The decision table of {@link LpStatus#settle}, with a scripted feasibility check that records its calls. */
class LpStatusTest {

    private static LinearProgram program(double upper) {
        LinearProgram.Builder b = LinearProgram.builder();
        b.addVariable(0, upper);
        b.addGreaterOrEqual(new double[] {1}, 1);
        return b.objective(new double[] {-1}, 5, Sense.MINIMIZE).build();
    }

    private static final class Scripted implements Function<LinearProgram, LpStatus> {
        final LpStatus answer;
        final List<LinearProgram> calls = new ArrayList<>();

        Scripted(LpStatus answer) {
            this.answer = answer;
        }

        @Override
        public LpStatus apply(LinearProgram lp) {
            calls.add(lp);
            return answer;
        }
    }

    @Test
    void definiteStatusesStand() {
        for (LpStatus s : new LpStatus[] {LpStatus.OPTIMAL, LpStatus.LIMIT, LpStatus.ERROR}) {
            Scripted check = new Scripted(LpStatus.OPTIMAL);
            assertEquals(s, s.settle(program(Double.POSITIVE_INFINITY), check));
            assertTrue(check.calls.isEmpty());
        }
    }

    @Test
    void infeasibleStandsWhenTheBoxBoundsTheObjective() {
        Scripted check = new Scripted(LpStatus.OPTIMAL);
        assertEquals(LpStatus.INFEASIBLE, LpStatus.INFEASIBLE.settle(program(3), check));
        assertTrue(check.calls.isEmpty(), "no extra solve when unboundedness is impossible");
    }

    @Test
    void infeasibleOrUnboundedIsSettledByTheFeasibilityProblem() {
        LinearProgram lp = program(Double.POSITIVE_INFINITY);
        Scripted feasible = new Scripted(LpStatus.OPTIMAL);
        assertEquals(LpStatus.UNBOUNDED, LpStatus.INFEASIBLE.settle(lp, feasible));
        LinearProgram asked = feasible.calls.get(0);
        assertEquals(0, asked.objective(0));
        assertEquals(0, asked.objectiveConstant());
        assertEquals(lp.rows(), asked.rows());
        assertEquals(LpStatus.INFEASIBLE, LpStatus.INFEASIBLE.settle(lp, new Scripted(LpStatus.INFEASIBLE)));
        assertEquals(LpStatus.INFEASIBLE, LpStatus.UNBOUNDED.settle(lp, new Scripted(LpStatus.INFEASIBLE)));
        assertEquals(LpStatus.UNBOUNDED, LpStatus.UNBOUNDED.settle(lp, new Scripted(LpStatus.OPTIMAL)));
        assertEquals(LpStatus.LIMIT, LpStatus.UNBOUNDED.settle(lp, new Scripted(LpStatus.LIMIT)));
        assertEquals(LpStatus.ERROR, LpStatus.INFEASIBLE.settle(lp, new Scripted(LpStatus.UNBOUNDED)));
    }

    @Test
    void unboundedClaimOnABoundedBoxIsAnError() {
        assertEquals(LpStatus.ERROR, LpStatus.UNBOUNDED.settle(program(3), new Scripted(LpStatus.OPTIMAL)));
        assertEquals(LpStatus.INFEASIBLE, LpStatus.UNBOUNDED.settle(program(3), new Scripted(LpStatus.INFEASIBLE)));
    }
}
