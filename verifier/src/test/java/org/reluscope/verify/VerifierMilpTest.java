package org.reluscope.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.spec.Disjunct;
import org.reluscope.spec.LinearConstraints;
import org.reluscope.spec.Property;
import org.reluscope.testing.ReluMilp;

/**
 * The verifier against exact answers: on seeded random networks and random unsafe polyhedra
 * (one or three rows, thresholds around the outputs at the centre so that both answers occur),
 * SCIP's big-M MILP gives the least worst-row excess m* = min_x max_i (a_i·f(x) − b_i), and
 * the property is sat exactly when m* ≤ 0. Cases with |m*| within SCIP's tolerance are skipped.
 * A sat answer's witness must violate the property when evaluated afresh.
 */
class VerifierMilpTest {
    private static final double AMBIGUOUS = 1e-5;
    private final Verifier verifier = new Verifier(new VerifierOptions(Duration.ofSeconds(30), 2, 1));

    @Test
    void agreesWithMilpOnRandomNetworksAndBoxes() {
        Random random = new Random(2024);
        int[] answers = new int[2];
        for (int n = 0; n < 8; n++) {
            int inputs = 2 + n % 3;
            Network net = RandomNetworks.relu(500 + n, inputs, 8, 8, 3);
            Box box = Box.linf(point(random, inputs), 0.2 + 0.3 * random.nextDouble());
            for (int k = 0; k < 2; k++) {
                LinearConstraints unsafe = polyhedron(random, net, box, 1 + 2 * k);
                double exact = ReluMilp.minimumMargin(net, box, unsafe);
                if (Math.abs(exact) < AMBIGUOUS) {
                    continue;
                }
                Property property = new Property(inputs, 3, List.of(new Disjunct(box, unsafe)));
                VerificationResult r = verifier.verify(net, property);
                String expected = exact <= 0 ? "sat" : "unsat";
                assertEquals(expected, r.answer(), "network " + n + ", polyhedron " + k + ": MILP margin " + exact);
                answers[exact <= 0 ? 0 : 1]++;
                checkWitness(net, property, r);
            }
        }
        assertTrue(answers[0] >= 4 && answers[1] >= 4, "both answers occur: " + answers[0] + " sat, "
                + answers[1] + " unsat");
    }

    @Test
    void ballPropertiesNeverContradictTheMilpOverTheBoundingBox() {
        Random random = new Random(77);
        for (int n = 0; n < 3; n++) {
            Network net = RandomNetworks.relu(900 + n, 3, 8, 8, 3);
            L2Ball ball = new L2Ball(point(random, 3), 0.3);
            LinearConstraints unsafe = polyhedron(random, net, ball.boundingBox(), 2);
            Property property = new Property(3, 3, List.of(new Disjunct(ball, unsafe)));
            VerificationResult r = verifier.verify(net, property);
            double overBox = ReluMilp.minimumMargin(net, ball.boundingBox(), unsafe);
            if (overBox > AMBIGUOUS) {
                assertEquals("unsat", r.answer(), "the bounding box is safe, so the ball is");
            }
            assertTrue(r.answer().equals("sat") || r.answer().equals("unsat"), "decided: " + r.verdict());
            checkWitness(net, property, r);
        }
    }

    private static void checkWitness(Network net, Property property, VerificationResult r) {
        if (r.verdict() instanceof Witness sat) {
            assertTrue(property.isViolatedBy(sat.input(), net.evaluate(sat.input()), 0), "witness violates");
        }
    }

    private static double[] point(Random random, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() - 0.5;
        }
        return x;
    }

    /** {@code rows} random rows a_i·y ≤ b_i with b_i near a_i·f(centre) (so some are reachable, some not). */
    private static LinearConstraints polyhedron(Random random, Network net, InputSet set, int rows) {
        double[] y = net.evaluate(set.center());
        double[][] a = new double[rows][y.length];
        double[] b = new double[rows];
        for (int i = 0; i < rows; i++) {
            double ay = 0;
            for (int j = 0; j < y.length; j++) {
                a[i][j] = random.nextGaussian();
                ay += a[i][j] * y[j];
            }
            b[i] = ay - 0.6 + 0.8 * random.nextDouble();
        }
        return new LinearConstraints(a, b);
    }
}
