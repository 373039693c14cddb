package org.reluscope.region;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import org.reluscope.lp.IncrementalLp;
import org.reluscope.lp.LinearProgram;
import org.reluscope.lp.LpResult;
import org.reluscope.lp.LpStatus;
import org.reluscope.lp.SafeObjectiveBound;
import org.reluscope.lp.Sense;
import org.reluscope.numeric.Vectors;

/**
 * The support function of a piece P ∩ S for a ball S (∩ its clip box) by column generation
 * (Dantzig–Wolfe over S): P ∩ S is approximated from inside by P ∩ conv(x_1 … x_m) for points
 * x_j of S, and the master LP
 * <pre>
 *   min_{y ≥ 0, μ}  b·y + μ + g0   subject to   (A x_j)·y + μ ≥ g·x_j   (j = 1 … m)
 * </pre>
 * (the dual of max g·Σθ_j x_j over θ in the simplex with A Σθ_j x_j ≤ b) has the value of that
 * inner approximation, attained at z = Σθ_j x_j (θ = its row duals). Its multipliers y price a
 * new column: the maximiser of w·x over S, w = g − Aᵀy, in closed form ({@link BallMaximiser}),
 * and give the Lagrangian bound b·y + max_S w·x + g0 ≥ sup over P ∩ S, made rigorous by
 * {@link SafeObjectiveBound#overBall} with the exact ball — no tangent cuts. The bound and the
 * value close in on the supremum from both sides (the best bound over the rounds is kept).
 *
 * <p>Why: in many dimensions (784 for MNIST) tangent cuts approximate a ball badly, so the cut
 * loop's LPs prove little and converge slowly, and each LP has n variables; here each round is
 * a master LP in k + 1 variables (k = the piece's rows) plus O(n·k) work, and the bound is the
 * ball's own.
 *
 * <p>The iteration starts from the caller's point of P ∩ S (an interior point keeps the master
 * bounded: b − A p &gt; 0) and the task's recent columns — points of S, valid for every piece,
 * so that neighbouring pieces and objectives start warm. Rows implied by S's bounding box
 * (a region polytope's box rows) are left out: S satisfies them.
 */
final class BallPieceSupport implements PieceSupport {
    /** The task keeps this many recent columns for the next computations. */
    private static final int POOL = 24;
    private static final int MAX_ROUNDS = 100;
    /** Rounds stop when bound and value agree to this (relative); the rigorous bound lags the float one a little. */
    private static final double CONVERGED = 1e-12;
    /** Weight of the best multipliers so far in the smoothed price (Wentges). */
    private static final double SMOOTHING = 0.8;
    /**
     * Rounds priced at the master's own multipliers before smoothing starts: the slack tests'
     * questions are mostly settled by then (mnistfc ball ∩ box: 4,099 master LPs plain, 7,419
     * smoothed from the start), while exact bounds' long tails need the smoothing.
     */
    private static final int PLAIN_ROUNDS = 10;
    /** Rows and master coefficients below this (relative) are left out, see {@link #cutting} and {@link #addColumn}. */
    private static final double NEGLIGIBLE = 1e-12;

    private final SetGeometry geometry;
    private final PieceLp lps;
    private final Deque<double[]> pool = new ArrayDeque<>();

    BallPieceSupport(SetGeometry geometry, PieceLp lps) {
        if (geometry.ball == null) {
            throw new IllegalArgumentException("column generation over S needs a ball");
        }
        this.geometry = geometry;
        this.lps = lps;
    }

    @Override
    public Supremum maximum(Piece.Rows rows, double[] g, double g0, double[] inside, Settled settled) {
        if (inside == null) {
            return new Supremum(LpStatus.ERROR, Double.NaN, Double.NaN, null);
        }
        List<HalfSpace> cutting = cutting(Piece.Rows.list(rows));
        LinearProgram program = program(cutting, g, g0);
        List<double[]> columns = new ArrayList<>();
        columns.add(inside);
        columns.addAll(pool);
        double bound = Double.POSITIVE_INFINITY;
        double value = Double.NaN;
        double[] z = null;
        Price centre = null;
        try (IncrementalLp master = lps.solver().open(master(cutting, g0))) {
            for (double[] x : columns) {
                addColumn(master, cutting, g, x);
            }
            for (int round = 0; round < MAX_ROUNDS; round++) {
                lps.counted();
                LpResult r = master.solve();
                if (!r.status().isOptimal()) {
                    // GLOP's warm re-solve ends ABNORMAL now and then where a cold solve of the same master does not
                    lps.counted();
                    r = lps.solver().solve(master.snapshot());
                }
                if (!r.status().isOptimal()) {
                    return new Supremum(r.status(), bound, value, z);
                }
                value = r.objective();
                z = combination(columns, r.rowDuals());
                double[] y = Arrays.copyOf(r.primal(), cutting.size());
                Price at;
                if (round < PLAIN_ROUNDS) {
                    at = price(cutting, g, g0, y);
                } else {
                    // Wentges smoothing against the tail: price between the best multipliers so far and
                    // the master's, unless that column would not enter the master (then the master's own)
                    Price smoothed = price(cutting, g, g0, between(centre.y, y));
                    double[] ax = rowValues(cutting, smoothed.column.point());
                    double reduced = Vectors.dot(g, smoothed.column.point()) - r.primal()[cutting.size()];
                    for (int i = 0; i < y.length; i++) {
                        reduced -= y[i] * ax[i];
                    }
                    at = reduced > NEGLIGIBLE * (1 + Math.abs(value)) ? smoothed : price(cutting, g, g0, y);
                }
                centre = centre == null || at.lagrangian < centre.lagrangian ? at : centre;
                bound = Math.min(bound, SafeObjectiveBound.overBall(program, at.y, at.column.boundShare(),
                        geometry.ball.center(), geometry.ball.radius()));
                if (settled.test(bound, value) || centre.lagrangian - value <= CONVERGED * (1 + Math.abs(value))) {
                    break;
                }
                columns.add(at.column.point());
                addColumn(master, cutting, g, at.column.point());
                remember(at.column.point());
            }
        }
        return new Supremum(LpStatus.OPTIMAL, bound, value, z);
    }

    /** Multipliers y ≥ 0, the maximiser over S it prices, and the float Lagrangian bound b·y + max_S (g − Aᵀy)·x + g0. */
    private record Price(double[] y, BallMaximiser column, double lagrangian) {
    }

    private Price price(List<HalfSpace> rows, double[] g, double g0, double[] multipliers) {
        double[] y = new double[multipliers.length];
        double[] w = g.clone();
        double lagrangian = g0;
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.max(0, multipliers[i]);
            Vectors.axpy(-y[i], rows.get(i).a(), w);
            lagrangian += y[i] * rows.get(i).b();
        }
        BallMaximiser column = BallMaximiser.of(geometry, w);
        return new Price(y, column, lagrangian + Vectors.dot(w, column.point()));
    }

    /** SMOOTHING·centre + (1 − SMOOTHING)·y. */
    private static double[] between(double[] centre, double[] y) {
        double[] v = new double[y.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = SMOOTHING * centre[i] + (1 - SMOOTHING) * y[i];
        }
        return v;
    }

    /**
     * The rows that cut S's bounding box by more than {@value #NEGLIGIBLE} relative: the others
     * hold on S up to that. Leaving a row out only enlarges the set, so bounds and emptiness
     * proofs stay sound, and points are verified on every row.
     */
    private List<HalfSpace> cutting(List<HalfSpace> rows) {
        List<HalfSpace> kept = new ArrayList<>(rows.size());
        for (HalfSpace h : rows) {
            if (!(geometry.bounds.support(h.a()) <= h.b() + NEGLIGIBLE * (1 + Math.abs(h.b())))) {
                kept.add(h);
            }
        }
        return kept;
    }

    /** max g·x + g0 over the rows and S's bounding box: the program the rigorous bound is taken for. */
    private LinearProgram program(List<HalfSpace> rows, double[] g, double g0) {
        LinearProgram.Builder b = LinearProgram.builder();
        for (int j = 0; j < geometry.dimension; j++) {
            b.addVariable(geometry.bounds.lower(j), geometry.bounds.upper(j));
        }
        for (HalfSpace h : rows) {
            b.addLessOrEqual(h.a(), h.b());
        }
        return b.objective(g, g0, Sense.MAXIMIZE).build();
    }

    /** The master over (y, μ) without columns: min b·y + μ + g0, y ≥ 0. */
    private static LinearProgram master(List<HalfSpace> rows, double g0) {
        LinearProgram.Builder b = LinearProgram.builder();
        double[] c = new double[rows.size() + 1];
        for (int i = 0; i < rows.size(); i++) {
            b.addVariable(0, Double.POSITIVE_INFINITY);
            c[i] = rows.get(i).b();
        }
        b.addVariable(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        c[rows.size()] = 1;
        return b.objective(c, g0, Sense.MINIMIZE).build();
    }

    /**
     * The master's row of column x: (A x)·y + μ ≥ g·x, with entries that are rounding noise next
     * to the row's right-hand side set to 0 (GLOP reported such masters unbounded). The master only
     * proposes multipliers and weights, which are checked rigorously, so it may be perturbed.
     */
    private static void addColumn(IncrementalLp master, List<HalfSpace> rows, double[] g, double[] x) {
        int k = rows.size();
        int[] idx = new int[k + 1];
        double[] val = rowValues(rows, x);
        for (int i = 0; i < k; i++) {
            idx[i] = i;
            val[i] = Math.abs(val[i]) < NEGLIGIBLE * (1 + Math.abs(rows.get(i).b())) ? 0 : val[i];
        }
        idx[k] = k;
        val[k] = 1;
        master.addRow(idx, val, Vectors.dot(g, x), Double.POSITIVE_INFINITY);
    }

    /** A x, with one more entry (0) for μ's coefficient. */
    private static double[] rowValues(List<HalfSpace> rows, double[] x) {
        double[] v = new double[rows.size() + 1];
        for (int i = 0; i < rows.size(); i++) {
            v[i] = Vectors.dot(rows.get(i).a(), x);
        }
        return v;
    }

    /** Σθ_j x_j / Σθ_j over the columns (θ clipped at 0: dual noise). */
    private static double[] combination(List<double[]> columns, double[] theta) {
        double[] z = new double[columns.get(0).length];
        double total = 0;
        for (int j = 0; j < columns.size() && j < theta.length; j++) {
            double t = Math.max(0, theta[j]);
            if (t > 0) {
                total += t;
                double[] x = columns.get(j);
                for (int i = 0; i < z.length; i++) {
                    z[i] += t * x[i];
                }
            }
        }
        if (total > 0) {
            for (int i = 0; i < z.length; i++) {
                z[i] /= total;
            }
        }
        return z;
    }

    private void remember(double[] x) {
        pool.addFirst(x);
        if (pool.size() > POOL) {
            pool.removeLast();
        }
    }

    @Override
    public void close() {
        pool.clear();
    }
}
