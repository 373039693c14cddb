package org.reluscope.verify.bab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.bounds.BoundOptions;
import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.input.Box;
import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.LpSolvers;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.spec.LinearConstraints;
import org.reluscope.verify.Deadline;
import org.reluscope.verify.DisjunctOutcome;
import org.reluscope.verify.Witness;

/**
 * relu-bab against the exact big-M MILP (SCIP) on seeded random networks, boxes and unsafe
 * sets of one or two rows. Each right-hand side is drawn near the gap between CROWN's lower
 * bound and the best sampled value, where neither bounds nor sampling decide. The
 * search must give the MILP's answer (cases within 1e-6 of the boundary are skipped), and a
 * witness must lie in the box and violate every row when re-evaluated here.
 */
class ReluSplitSearchTest {
    private static final LpSolver MILP = LpSolvers.defaultMilp(LpOptions.DEFAULT);
    private final ReluSplitSearch search = new ReluSplitSearch(LpSolvers.create(LpSolvers.DEFAULT_LP), 2, 100_000);

    @Test
    void agreesWithTheMilpOnRandomNetworks() {
        Random random = new Random(7);
        int sat = 0;
        int unsat = 0;
        for (int k = 0; k < 16; k++) {
            int[] widths = k % 2 == 0 ? new int[] {4, 12, 12, 3} : new int[] {5, 10, 8, 8, 3};
            Network net = RandomNetworks.relu(900 + k, 0.3, widths);
            Box box = randomBox(random, widths[0]);
            LinearConstraints unsafe = undecidedRows(random, net, box, 1 + k % 2);
            double exact = ReluMilp.minimumViolation(MILP, net, box, unsafe);
            if (Math.abs(exact) < 1e-6) {
                continue;
            }
            DisjunctOutcome outcome = search.search(net, box, unsafe, Deadline.in(Duration.ofSeconds(20)));
            if (exact < 0) {
                Witness v = assertInstanceOf(Witness.class, outcome,
                        "case " + k + ": the MILP reaches " + exact);
                assertTrue(box.contains(v.input(), 0), "case " + k + ": witness outside the box");
                assertTrue(unsafe.contains(net.evaluate(v.input())), "case " + k + ": witness is safe");
                sat++;
            } else {
                assertInstanceOf(DisjunctOutcome.Proved.class, outcome, "case " + k + ": the MILP stays at " + exact);
                unsat++;
            }
        }
        assertTrue(sat >= 4 && unsat >= 4, "too few decided cases of each kind: " + sat + " sat, " + unsat + " unsat");
    }

    @Test
    void provesWhatCrownAloneProves() {
        Network net = RandomNetworks.relu(3, 0.3, 4, 12, 12, 3);
        Box box = Box.linf(new double[] {0.1, -0.2, 0.3, 0}, 0.05);
        double[] c = {1, -1, 0};
        double lower = new SymbolicPropagation().lowerBound(net, box, c, BoundOptions.DEFAULT);
        // c·y ≤ lower − 1 is out of reach by the root bound alone.
        DisjunctOutcome outcome = search.search(net, box, LinearConstraints.of(c, lower - 1), Deadline.NONE);
        assertEquals(new DisjunctOutcome.Proved("relu-bab"), outcome);
    }

    @Test
    void anExpiredDeadlineIsUndecided() {
        Network net = RandomNetworks.relu(5, 0.3, 6, 30, 30, 3);
        Box box = Box.linf(new double[6], 1);
        double[] c = {1, -1, 0};
        double lower = new SymbolicPropagation().lowerBound(net, box, c, BoundOptions.DEFAULT);
        DisjunctOutcome outcome = search.search(net, box, LinearConstraints.of(c, lower + 1e-9),
                Deadline.in(Duration.ZERO));
        DisjunctOutcome.Undecided u = assertInstanceOf(DisjunctOutcome.Undecided.class, outcome);
        assertTrue(u.timedOut());
    }

    private static Box randomBox(Random random, int n) {
        double[] centre = new double[n];
        for (int i = 0; i < n; i++) {
            centre[i] = random.nextDouble() * 2 - 1;
        }
        return Box.linf(centre, 0.1 + 0.5 * random.nextDouble());
    }

    /**
     * Rows a_i·y ≤ b_i with random a_i and b_i drawn from 30 % to 120 % of the way from the
     * CROWN lower bound of a_i·y to its least value on 200 samples: mostly where neither settles
     * the case, sometimes just past the samples (the search must still produce its own witness).
     */
    private static LinearConstraints undecidedRows(Random random, Network net, Box box, int rows) {
        double[][] a = new double[rows][net.outputSize()];
        double[] b = new double[rows];
        SymbolicPropagation crown = new SymbolicPropagation();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < a[i].length; j++) {
                a[i][j] = random.nextGaussian();
            }
            double sampled = Double.POSITIVE_INFINITY;
            for (int s = 0; s < 200; s++) {
                double[] y = net.evaluate(box.sample(random));
                double v = 0;
                for (int j = 0; j < y.length; j++) {
                    v += a[i][j] * y[j];
                }
                sampled = Math.min(sampled, v);
            }
            double lower = crown.lowerBound(net, box, a[i], BoundOptions.DEFAULT);
            b[i] = lower + (0.3 + 0.9 * random.nextDouble()) * (sampled - lower);
        }
        return new LinearConstraints(a, b);
    }
}
