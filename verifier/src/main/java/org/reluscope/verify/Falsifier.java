package org.reluscope.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.net.Network;
import org.reluscope.spec.LinearConstraints;

/**
 * Looks for a counterexample before anything is proven, cheapest first: the centre of the
 * input set, the corners of its bounding box (up to {@value #MAX_CORNER_DIMENSION} inputs,
 * projected onto the set), seeded uniform samples, then projected-gradient descent on the
 * unsafe margin m(x) = max_i (a_i·f(x) − b_i) of each disjunct from the best points seen
 * (m ≤ 0 means f(x) is unsafe). A descent step moves against the gradient of the worst row
 * through x's activation pattern ({@link PatternGradient}) by a shrinking fraction of the
 * box's width per coordinate (a signed step, as for L∞ attacks) and projects back onto the
 * set. Every point whose margin is ≤ 0 goes through {@link WitnessCheck}; only what passes is
 * returned.
 *
 * <p>On instances the first pass does not settle, {@link #restart} keeps looking while the
 * complete search runs: descents from fresh uniform samples, with momentum on the gradient (the
 * sign of 0.8·previous + current). Measured on ACAS Xu 1_9 prop_7, whose counterexamples fill so
 * little of the box that 2,000,000 uniform samples miss them all: signed descent without momentum
 * found none in 4,000 starts, with momentum one in about 1,250.
 *
 * <p>Incomplete by nature: finding nothing proves nothing. Not thread-safe (one workspace).
 */
public final class Falsifier {
    static final int MAX_CORNER_DIMENSION = 10;
    private static final int SAMPLES = 512;
    private static final int STARTS = 8;
    private static final int STEPS = 60;
    /** The first pass's descents: steps from 1/4 of the box's width down to 1e-4, no momentum. */
    private static final Descent FIRST_PASS =
            new Descent(STEPS, 0.25, Math.pow(1e-4 / 0.25, 1.0 / (STEPS - 1)), 0);
    /** The restarts' descents (see the class comment). */
    private static final Descent RESTART = new Descent(STEPS, 0.05, 0.97, 0.8);

    /**
     * A projected signed-gradient descent schedule.
     *
     * @param steps     number of steps
     * @param firstStep the first step, as a fraction of the box's width per coordinate
     * @param decay     factor on the step after each step
     * @param momentum  weight of the previous direction in the next one (0 for plain descent)
     */
    private record Descent(int steps, double firstStep, double decay, double momentum) {
    }

    private final Network network;
    private final PatternGradient workspace;
    private final Random random;

    /** A falsifier for {@code network} whose sampling is repeatable from {@code seed}. */
    public Falsifier(Network network, long seed) {
        this.network = network;
        this.workspace = new PatternGradient(network);
        this.random = new Random(seed);
    }

    /** A candidate input and its margin for one disjunct. */
    private record Candidate(double[] x, double margin) {
    }

    /**
     * A checked witness for some disjunct of {@code unsafe} (all sharing the input {@code set}),
     * or empty when none was found before the deadline.
     */
    public Optional<Witness> falsify(InputSet set, List<LinearConstraints> unsafe, Deadline deadline) {
        List<double[]> points = new ArrayList<>();
        points.add(set.center());
        Box box = set.boundingBox();
        if (set.dimension() <= MAX_CORNER_DIMENSION) {
            corners(box, set, points);
        }
        for (int s = 0; s < SAMPLES; s++) {
            points.add(set.sample(random));
        }
        List<double[]> outputs = new ArrayList<>(points.size());
        for (double[] x : points) {
            outputs.add(workspace.evaluate(x).clone());
        }
        for (LinearConstraints disjunct : unsafe) {
            List<Candidate> seen = new ArrayList<>();
            for (int k = 0; k < points.size(); k++) {
                Candidate c = new Candidate(points.get(k), disjunct.violation(outputs.get(k)));
                Optional<Witness> w = accept(c, set, disjunct);
                if (w.isPresent()) {
                    return w;
                }
                seen.add(c);
            }
            if (deadline.expired()) {
                return Optional.empty();
            }
            seen.sort(Comparator.comparingDouble(Candidate::margin));
            int starts = Math.max(2, STARTS / unsafe.size());
            for (int k = 0; k < starts && k < seen.size(); k++) {
                Optional<Witness> w = descend(seen.get(k).x(), set, box, disjunct, FIRST_PASS, deadline);
                if (w.isPresent() || deadline.expired()) {
                    return w;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Descents from fresh uniform samples of {@code set}, taking the disjuncts of
     * {@code unsafe} in turn, until a checked witness is found or {@code deadline} passes. Each
     * call continues the seeded random stream, so repeated calls try new starts.
     */
    public Optional<Witness> restart(InputSet set, List<LinearConstraints> unsafe, Deadline deadline) {
        Box box = set.boundingBox();
        for (int k = 0; !deadline.expired(); k++) {
            LinearConstraints disjunct = unsafe.get(k % unsafe.size());
            Optional<Witness> w = descend(set.sample(random), set, box, disjunct, RESTART, deadline);
            if (w.isPresent()) {
                return w;
            }
        }
        return Optional.empty();
    }

    /** Projected signed-gradient descent on the margin from x0 with {@code schedule}. Not modified: x0. */
    private Optional<Witness> descend(double[] x0, InputSet set, Box box, LinearConstraints disjunct,
                                      Descent schedule, Deadline deadline) {
        int n = x0.length;
        double[] x = x0.clone();
        double[] g = new double[n];
        double[] direction = new double[n];
        double step = schedule.firstStep();
        for (int t = 0; t < schedule.steps() && !deadline.expired(); t++, step *= schedule.decay()) {
            double[] y = workspace.evaluate(x);
            workspace.gradient(disjunct.row(worstRow(y, disjunct)), g);
            double[] moved = new double[n];
            for (int i = 0; i < n; i++) {
                direction[i] = schedule.momentum() * direction[i] + g[i];
                moved[i] = x[i] - step * box.width(i) * Math.signum(direction[i]);
            }
            x = set.project(moved);
            Optional<Witness> w = accept(new Candidate(x, margin(x, disjunct)), set, disjunct);
            if (w.isPresent()) {
                return w;
            }
        }
        return Optional.empty();
    }

    private Optional<Witness> accept(Candidate c, InputSet set, LinearConstraints disjunct) {
        return c.margin() <= 0 ? WitnessCheck.check(network, set, disjunct, c.x()) : Optional.empty();
    }

    private double margin(double[] x, LinearConstraints disjunct) {
        return disjunct.violation(workspace.evaluate(x));
    }

    private static int worstRow(double[] y, LinearConstraints disjunct) {
        int worst = 0;
        double value = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < disjunct.rowCount(); i++) {
            double s = disjunct.excess(i, y);
            if (s > value) {
                value = s;
                worst = i;
            }
        }
        return worst;
    }

    /** The 2ⁿ corners of the bounding box, projected onto the set. Modified: points. */
    private static void corners(Box box, InputSet set, List<double[]> points) {
        int n = box.dimension();
        for (int mask = 0; mask < 1 << n; mask++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = (mask >> i & 1) == 0 ? box.lower(i) : box.upper(i);
            }
            points.add(set.project(x));
        }
    }
}
