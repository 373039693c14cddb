package org.reluscope.lp.ortools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.reluscope.lp.IncrementalLp;
import org.reluscope.lp.LinearProgram;
import org.reluscope.lp.LpResult;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.RandomLps;

/** OR-Tools specifics: one solver shared by threads (and the lazy native load under contention), and tombstone rebuilds. */
class OrToolsSolverTest {

    @Test
    void sharedByThreads() throws Exception {
        LpSolver glop = new OrToolsSolver(OrToolsEngine.GLOP);
        Random random = new Random(51);
        List<LinearProgram> lps = new ArrayList<>();
        for (int t = 0; t < 64; t++) {
            lps.add(RandomLps.generate(random, 5 + random.nextInt(20), random.nextInt(40), RandomLps.Kind.FEASIBLE).lp());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<LpResult>> futures = new ArrayList<>();
            for (LinearProgram lp : lps) {
                futures.add(pool.submit(() -> glop.solve(lp)));
            }
            for (int t = 0; t < lps.size(); t++) {
                LpResult sequential = glop.solve(lps.get(t));
                assertEquals(sequential.objective(), futures.get(t).get().objective(), 1e-9, "LP " + t);
            }
        } finally {
            pool.shutdown();
        }
    }

    /** A long depth-first walk: many removals make the session rebuild its native model; answers stay those of cold solves. */
    @Test
    void warmSessionSurvivesRebuilds() {
        LpSolver glop = new OrToolsSolver(OrToolsEngine.GLOP);
        Random random = new Random(52);
        int n = 5;
        LinearProgram start = RandomLps.generate(random, n, 0, RandomLps.Kind.FEASIBLE).lp();
        int[] all = {0, 1, 2, 3, 4};
        try (IncrementalLp session = glop.open(start)) {
            for (int step = 0; step < 3 * OrToolsIncrementalLp.MIN_TOMBSTONES_FOR_REBUILD; step++) {
                double[] a = new double[n];
                for (int j = 0; j < n; j++) {
                    a[j] = random.nextGaussian();
                }
                session.addRow(all, a, Double.NEGATIVE_INFINITY, random.nextDouble());
                if (session.rowCount() > 3 && random.nextBoolean()) {
                    session.removeLastRows(2);
                }
                LpResult warm = session.solve();
                LpResult cold = glop.solve(session.snapshot());
                assertEquals(cold.status(), warm.status(), "step " + step);
                assertEquals(cold.objective(), warm.objective(), 1e-7 * (1 + Math.abs(cold.objective())), "step " + step);
            }
        }
    }
}
