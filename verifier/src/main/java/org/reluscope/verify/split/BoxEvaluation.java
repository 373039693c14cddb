package org.reluscope.verify.split;

import java.util.List;
import java.util.Optional;

import org.reluscope.bounds.BoundOptions;
import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.LayerBounds;
import org.reluscope.bounds.LinearBound;
import org.reluscope.bounds.ReluSplits;
import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.net.Network;
import org.reluscope.spec.LinearConstraints;
import org.reluscope.verify.Witness;
import org.reluscope.verify.WitnessCheck;

/**
 * One node of the input-split search: decides what is known about the input set restricted
 * to a sub-box.
 * <ol>
 *   <li>CROWN bounds of every layer on the sub-box, starting from the parent's (sound on the
 *       larger box, so they only tighten; interval propagation within the parent's bounds
 *       alone, tried first to save CROWN at the leaves, measured slower overall);</li>
 *   <li>for each unsafe row a_i·y ≤ b_i, a CROWN linear lower bound a_i·f(x) ≥ g_i·x + h_i
 *       (all rows in one back-substitution); its minimum over the sub-box above b_i closes
 *       the node;</li>
 *   <li>with several rows, multipliers combining them ({@link RowCombination}), which may
 *       close the node when no single row does;</li>
 *   <li>the vertex minimising the (combined) linear lower bound, the likeliest unsafe point
 *       of the sub-box, is the node's candidate witness;</li>
 *   <li>if the node is still open, steps 2–4 again with the lower slope of every unstable
 *       ReLU fixed by its phase at the candidate (σ(z) ≥ z where it is active, ≥ 0 where not)
 *       instead of CROWN's adaptive choice: the bounds are then tight around the point where
 *       they were weakest. Measured on ACAS Xu prop_2 (4 rows): 4_2 in 31 k evaluated boxes
 *       (16.6 s under load) where the adaptive slopes alone timed out at 116 s; 3_3 in 107 k
 *       boxes (21 s) where they timed out too. An open node keeps the adaptive attempt's
 *       score and direction: ordering the search by the fixed slopes' score slowed the
 *       witness searches (ACAS Xu 5_3 prop_2: 10 CPU-s instead of 1).</li>
 * </ol>
 * Candidates are checked by {@link WitnessCheck} against the original input set. Thread-safe.
 */
final class BoxEvaluation {

    /** What a sub-box turned out to be. */
    sealed interface Result {
    }

    /** Proven: no input of the sub-box reaches the unsafe outputs (or the sub-box misses the set). */
    record Closed() implements Result {
    }

    /** A checked witness inside the sub-box. */
    record Found(Witness witness) implements Result {
    }

    /** Undecided: to be split further. */
    record Open(SplitNode node) implements Result {
    }

    private final Network network;
    private final InputSet input;
    private final LinearConstraints unsafe;
    private final double[][] negatedRows;
    private final SymbolicPropagation crown = new SymbolicPropagation();

    BoxEvaluation(Network network, InputSet input, LinearConstraints unsafe) {
        this.network = network;
        this.input = input;
        this.unsafe = unsafe;
        this.negatedRows = unsafe.a();
        for (double[] row : negatedRows) {
            for (int k = 0; k < row.length; k++) {
                row[k] = -row[k];
            }
        }
    }

    /** The whole input set (its bounding box, nothing known yet): the root of the search. */
    Result evaluateRoot() {
        return evaluate(input.boundingBox(), List.of());
    }

    /** The input set ∩ box, given sound bounds {@code known} of (a prefix of) the layers on a superset. */
    Result evaluate(Box box, List<LayerBounds> known) {
        Optional<InputSet> part = input.restrict(box);
        if (part.isEmpty()) {
            return new Closed();
        }
        InputSet set = part.get();
        return judge(set, box, crown.compute(network, set, new BoundOptions(ReluSplits.NONE, known, 0)));
    }

    /** What the layer bounds {@code bounds} on {@code set} (∩ box) decide. */
    private Result judge(InputSet set, Box box, Bounds bounds) {
        if (bounds.empty()) {
            return new Closed();
        }
        BoundOptions reuse = BoundOptions.reusing(bounds, ReluSplits.NONE);
        Attempt adaptive = attempt(set, box, bounds, reuse, null);
        if (!(adaptive.result() instanceof Open first)) {
            return adaptive.result();
        }

        Attempt pattern = attempt(set, box, bounds, reuse, activeAt(adaptive.candidate()));
        return pattern.result() instanceof Open ? first : pattern.result();
    }

    /** A bound's verdict on the node, with the point where the bound is weakest (the candidate witness). */
    private record Attempt(Result result, double[] candidate) {
    }

    /**
     * The node judged by CROWN's linear bounds of the unsafe rows with the given lower slopes
     * (null: adaptive), each row alone, then in combination.
     */
    private Attempt attempt(InputSet set, Box box, Bounds bounds, BoundOptions reuse, boolean[][] slopeOne) {
        int m = unsafe.rowCount();
        double[][] g = new double[m][];
        double[] h = new double[m];
        double[] b = unsafe.b();
        double score = Double.NEGATIVE_INFINITY;
        double[] direction = null;
        // −a_i·f(x) ≤ H·x + D, i.e. a_i·f(x) ≥ −H·x − D
        List<LinearBound> uppers = crown.linearUpperBounds(network, set, negatedRows, reuse, slopeOne).orElseThrow();
        for (int i = 0; i < m; i++) {
            LinearBound upper = uppers.get(i);
            double lower = -upper.maxOver(set);
            if (lower > b[i]) {
                return new Attempt(new Closed(), null);
            }
            g[i] = upper.coefficients();
            for (int k = 0; k < g[i].length; k++) {
                g[i][k] = -g[i][k];
            }
            h[i] = -upper.constant();
            if (lower - b[i] > score) {
                score = lower - b[i];
                direction = unsafe.row(i);
            }
        }
        double[] candidate;
        if (m == 1) {
            candidate = minimiser(g[0], box);
        } else {
            RowCombination.Multipliers mult = RowCombination.search(g, h, b, box);
            candidate = mult.minimiser();
            if (mult.value() > score) {
                if (mult.value() > 0
                        && RowCombination.proves(crown, network, set, bounds, unsafe, mult.lambda(), slopeOne)) {
                    return new Attempt(new Closed(), null);
                }
                score = mult.value();
                direction = RowCombination.combine(unsafe, mult.lambda());
            }
        }
        Optional<Witness> w = check(candidate);
        if (w.isPresent()) {
            return new Attempt(new Found(w.get()), candidate);
        }
        return new Attempt(new Open(new SplitNode(box, bounds.layers(), score, direction)), candidate);
    }

    /** The ReLUs active at x: lower slopes for bounds that are tight around x. */
    private boolean[][] activeAt(double[] x) {
        double[][] z = network.preActivations(x);
        boolean[][] active = new boolean[z.length][];
        for (int l = 0; l < z.length; l++) {
            active[l] = new boolean[z[l].length];
            for (int j = 0; j < z[l].length; j++) {
                active[l][j] = z[l][j] > 0;
            }
        }
        return active;
    }

    private Optional<Witness> check(double[] x) {
        return WitnessCheck.check(network, input, unsafe, x);
    }

    /** The vertex of the box minimising g·x. Not modified: g. */
    private static double[] minimiser(double[] g, Box box) {
        double[] x = new double[g.length];
        for (int j = 0; j < g.length; j++) {
            x[j] = g[j] > 0 ? box.lower(j) : g[j] < 0 ? box.upper(j) : 0.5 * (box.lower(j) + box.upper(j));
        }
        return x;
    }
}
