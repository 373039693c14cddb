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
 * <p>Incomplete by nature: finding nothing proves nothing. Not thread-safe (one workspace).
 */
public final class Falsifier {
    static final int MAX_CORNER_DIMENSION = 10;
    private static final int SAMPLES = 512;
    private static final int STARTS = 8;
    private static final int STEPS = 60;
    private static final double FIRST_STEP = 0.25;
    private static final double LAST_STEP = 1e-4;

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
                Optional<Witness> w = descend(seen.get(k).x(), set, box, disjunct, deadline);
                if (w.isPresent() || deadline.expired()) {
                    return w;
                }
            }
        }
        return Optional.empty();
    }

    /** Projected signed-gradient descent on the margin from x0. Not modified: x0. */
    private Optional<Witness> descend(double[] x0, InputSet set, Box box, LinearConstraints disjunct,
                                                      Deadline deadline) {
        int n = x0.length;
        double[] x = x0.clone();
        double[] g = new double[n];
        double decay = Math.pow(LAST_STEP / FIRST_STEP, 1.0 / (STEPS - 1));
        double step = FIRST_STEP;
        for (int t = 0; t < STEPS && !deadline.expired(); t++, step *= decay) {
            double[] y = workspace.evaluate(x);
            workspace.gradient(disjunct.row(worstRow(y, disjunct)), g);
            double[] moved = new double[n];
            for (int i = 0; i < n; i++) {
                moved[i] = x[i] - step * box.width(i) * Math.signum(g[i]);
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
