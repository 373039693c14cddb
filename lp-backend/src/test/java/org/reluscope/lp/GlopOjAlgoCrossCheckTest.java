package org.reluscope.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reluscope.lp.LpAssertions.assertClose;
import static org.reluscope.lp.LpAssertions.assertSafeBound;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.reluscope.lp.ojalgo.OjAlgoSolver;
import org.reluscope.lp.ortools.OrToolsEngine;
import org.reluscope.lp.ortools.OrToolsSolver;

/**
 * GLOP and ojAlgo, two independent implementations, and CLP, a third, on 1,000 seeded random
 * LPs of the shapes the verifier produces (5–800 variables, up to 300 rows; dense region-style
 * rows and sparse relaxation-style rows; feasible, infeasible and unbounded by construction):
 * the status each LP was built to have, objectives within 1e-7 relative, and every safe bound
 * on the right side of the optimum and within 1e-7 relative of it. Per-LP sizes are kept moderate (large LPs get
 * few or sparse rows) so that the run takes seconds.
 */
class GlopOjAlgoCrossCheckTest {
    private static final int LPS = 1000;

    @Test
    void sameAnswersOnRandomLps() {
        LpSolver glop = new OrToolsSolver(OrToolsEngine.GLOP);
        LpSolver ojalgo = new OjAlgoSolver();
        LpSolver clp = new OrToolsSolver(OrToolsEngine.CLP);
        Random random = new Random(2024);
        Map<RandomLps.Kind, Integer> counts = new EnumMap<>(RandomLps.Kind.class);
        for (int t = 0; t < LPS; t++) {
            RandomLps.Instance instance = randomInstance(random);
            LinearProgram lp = instance.lp();
            String what = "LP " + t + " (" + instance.kind() + ", " + lp.variableCount() + "×" + lp.rowCount() + ")";
            LpResult g = glop.solve(lp);
            LpResult o = ojalgo.solve(lp);
            LpResult c = clp.solve(lp);
            LpStatus expected = switch (instance.kind()) {
                case FEASIBLE -> LpStatus.OPTIMAL;
                case INFEASIBLE -> LpStatus.INFEASIBLE;
                case UNBOUNDED -> LpStatus.UNBOUNDED;
            };
            assertEquals(expected, g.status(), what + " glop");
            assertEquals(expected, o.status(), what + " ojalgo");
            assertEquals(expected, c.status(), what + " clp");
            if (expected == LpStatus.OPTIMAL) {
                assertClose(g.objective(), o.objective(), 1e-7, what + " objectives");
                assertClose(g.objective(), c.objective(), 1e-7, what + " clp objective");
                assertSafeBound(lp, c, 1e-7, what + " clp");
                assertSafeBound(lp, g, 1e-7, what + " glop");
                assertSafeBound(lp, o, 1e-7, what + " ojalgo");
            }
            counts.merge(instance.kind(), 1, Integer::sum);
        }
        for (RandomLps.Kind kind : RandomLps.Kind.values()) {
            assertTrue(counts.getOrDefault(kind, 0) >= 100, "too few " + kind + " LPs: " + counts);
        }
    }

    /** Mostly small LPs, ACAS Xu region shapes (5–8 inputs, 100–300 rows), some medium, a few with hundreds of variables. */
    private static RandomLps.Instance randomInstance(Random random) {
        int size = random.nextInt(100);
        int n;
        int m;
        if (size < 70) {
            n = 5 + random.nextInt(26);
            m = random.nextInt(50);
        } else if (size < 85) {
            n = 5 + random.nextInt(4);
            m = 100 + random.nextInt(201);
        } else if (size < 97) {
            n = 30 + random.nextInt(90);
            m = random.nextInt(80);
        } else {
            n = 200 + random.nextInt(601);
            m = 5 + random.nextInt(30);
        }
        int kind = random.nextInt(20);
        RandomLps.Kind k = kind < 14 ? RandomLps.Kind.FEASIBLE : kind < 17 ? RandomLps.Kind.INFEASIBLE : RandomLps.Kind.UNBOUNDED;
        return RandomLps.generate(random, n, m, k);
    }
}
