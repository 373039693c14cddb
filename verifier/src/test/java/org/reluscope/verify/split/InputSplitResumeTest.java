package org.reluscope.verify.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.input.Box;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.spec.LinearConstraints;
import org.reluscope.testing.ReluMilp;
import org.reluscope.verify.Deadline;
import org.reluscope.verify.DisjunctOutcome;
import org.reluscope.verify.DisjunctSearch;
import org.reluscope.verify.Witness;

/**
 * An input-split search run in many short slices, as the verifier runs open disjuncts in
 * turn, against SCIP's exact answer: the least worst-row excess m* = min_x max_i (a_i·f(x) − b_i)
 * over the box is ≤ 0 exactly when the polyhedron is reachable. The slices are far shorter
 * than a whole search, so a search that lost its open nodes between slices would never finish;
 * one that lost nodes would prove unreachable polyhedra that are reachable.
 */
class InputSplitResumeTest {
    private static final Duration SLICE = Duration.ofMillis(1);
    private static final int MAX_SLICES = 20_000;
    private static final double AMBIGUOUS = 1e-5;

    @Test
    void slicedSearchAgreesWithMilp() {
        Random random = new Random(31);
        int[] answers = new int[2];
        int sliced = 0;
        for (int n = 0; n < 12; n++) {
            Network net = RandomNetworks.relu(700 + n, 3, 10, 10, 3);
            Box box = Box.linf(new double[] {random.nextDouble() - 0.5, random.nextDouble() - 0.5,
                    random.nextDouble() - 0.5}, 0.5);
            LinearConstraints unsafe = polyhedron(random, net, box);
            double exact = ReluMilp.minimumMargin(net, box, unsafe);
            if (Math.abs(exact) < AMBIGUOUS) {
                continue;
            }
            DisjunctSearch.Resumable search = new InputSplitSearch(2).start(net, box, unsafe);
            DisjunctOutcome outcome = search.resume(Deadline.in(SLICE));
            int slices = 1;
            long nodes = search.nodes();
            while (outcome instanceof DisjunctOutcome.Undecided u && u.timedOut() && slices < MAX_SLICES) {
                outcome = search.resume(Deadline.in(SLICE));
                slices++;
                assertTrue(search.nodes() >= nodes, "the node count (progress reports) never goes back");
                nodes = search.nodes();
            }
            // Three slices with no box bounded would mean the count (or the search) is broken.
            assertTrue(slices < 3 || nodes > 0, "network " + n + ": " + slices + " slices, " + nodes + " boxes");
            sliced += slices > 1 ? 1 : 0;
            if (exact <= 0) {
                Witness w = assertInstanceOf(Witness.class, outcome,
                        "network " + n + ": MILP margin " + exact + " after " + slices + " slices");
                assertTrue(unsafe.contains(net.evaluate(w.input())) && box.contains(w.input(), 0), "witness");
            } else {
                assertInstanceOf(DisjunctOutcome.Proved.class, outcome,
                        "network " + n + ": MILP margin " + exact + " after " + slices + " slices");
            }
            answers[exact <= 0 ? 0 : 1]++;
        }
        assertTrue(answers[0] >= 3 && answers[1] >= 3, answers[0] + " sat, " + answers[1] + " unsat");
        assertTrue(sliced >= 3, "searches that needed several slices: " + sliced);
    }

    /** Three rows a_i·y ≤ b_i with b_i near a_i·f(centre), so that some polyhedra are reachable and some not. */
    private static LinearConstraints polyhedron(Random random, Network net, Box box) {
        double[] y = net.evaluate(box.center());
        double[][] a = new double[3][y.length];
        double[] b = new double[3];
        for (int i = 0; i < 3; i++) {
            double ay = 0;
            for (int j = 0; j < y.length; j++) {
                a[i][j] = random.nextGaussian();
                ay += a[i][j] * y[j];
            }
            b[i] = ay - 0.3 + 0.5 * random.nextDouble();
        }
        return new LinearConstraints(a, b);
    }
}
