package org.reluscope.region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.reluscope.lp.DistanceResult;
import org.reluscope.lp.DistanceSolver;
import org.reluscope.lp.IncrementalLp;
import org.reluscope.lp.InfeasibilityProof;
import org.reluscope.lp.LinearProgram;
import org.reluscope.lp.LpResult;
import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.LpSolvers;
import org.reluscope.lp.LpStatus;
import org.reluscope.lp.SafeObjectiveBound;
import org.reluscope.lp.Sense;
import org.reluscope.numeric.Rounding;

/**
 * The linear programs over one piece P ∩ S (P = the piece's rows, S = {@link SetGeometry}).
 *
 * <p><b>Slack test</b> ({@link #interior}): maximise t subject to a·x + t ≤ b for every row
 * (unit rows, so t is the distance to the row's hyperplane), x_j ± t within S's faces for
 * the free coordinates, and for a ball ‖x − x0‖ + t ≤ r, kept linear by outer tangent cuts
 * d·x + N t ≤ d·x0 + N r (d = x* − x0 at an LP optimum outside the ball, N ≥ ‖d‖ rounded up;
 * valid for every point with ‖x − x0‖ ≤ r − t). Every cut round is a relaxation, so the
 * solver's rigorous {@link LpResult#safeBound()} &lt; 0 proves P ∩ S empty (a point of it
 * would be feasible with t = 0). A candidate x* counts only when its slack, recomputed
 * directly with a rounding margin, exceeds the tolerance. For a ball whose cuts do not settle,
 * the ojAlgo distance QP decides: the point of P shrunk by 2·tol nearest to x0 is inside the
 * ball shrunk by tol iff some point has slack 2·tol, and a rigorous distance bound above r
 * proves P misses the ball.
 *
 * <p>For a plain ball and a piece with fewer rows than inputs both run in the span of the rows
 * ({@link BallSubspace}): the same answers in a few dimensions instead of, say, 784.
 *
 * <p>With a task's {@link PieceSupport} (warm starts), a half is first decided by its depth over
 * the piece — an LP session for a box, column generation with the exact ball for a ball
 * ({@link BallPieceSupport}) — and the slack LP is only the fallback.
 *
 * <p><b>Objective</b> ({@link #maximum}): a rigorous upper bound on max g·x over P ∩ S, by
 * the same cut loop until the optimum lies in the ball (relative 1e-9).
 */
final class PieceLp {
    private static final int MAX_CUT_ROUNDS = 60;
    private static final double BALL_TOLERANCE = 1e-9;
    /** A ball's column-generation bound this close (relative) to its attained value needs no cut loop. */
    private static final double CLOSED = 1e-10;
    /**
     * Above this many inputs the cut loop does not check a column-generation bound that is not
     * closed: its LPs cost seconds per region and it ends looser (mnistfc ball ∩ [0, 1], 784
     * inputs: the column generation's own gap is at most 1.1e-8 relative, median 8.5e-11).
     */
    private static final int CUT_LOOP_DIMENSIONS = 64;
    /** A piece passes on at most this many cuts per input dimension to the pieces inside it. */
    private static final int MAX_INHERITED_CUTS = 4;
    /** The time limit of an LP started at or after the deadline (seconds). */
    private static final double MIN_TIME_LIMIT = 1e-3;

    private final SetGeometry geometry;
    private final LpSolver solver;
    private final DistanceSolver distance;
    private final Runnable onSolve;
    /** System.nanoTime() at which the run's budget ends; {@link Long#MAX_VALUE} for none. */
    private final long deadline;

    /**
     * @param deadline {@link System#nanoTime()} at which the run's time budget ends, or
     *                 {@link Long#MAX_VALUE}: every LP then gets the remaining time as its limit
     */
    PieceLp(SetGeometry geometry, LpSolver solver, DistanceSolver distance, Runnable onSolve, long deadline) {
        this.geometry = geometry;
        this.solver = solver;
        this.distance = distance;
        this.onSolve = onSolve;
        this.deadline = deadline;
    }

    /**
     * The solver, limited to the time left before the deadline so that one long LP cannot
     * overrun the budget (it ends with LIMIT, which no test reads as empty). Solvers that
     * {@link LpSolvers} cannot re-create by name are used as they are.
     */
    LpSolver solver() {
        if (deadline == Long.MAX_VALUE || !LpSolvers.names().contains(solver.name())) {
            return solver;
        }
        return LpSolvers.create(solver.name(), LpOptions.DEFAULT.withTimeLimit(timeLeft()));
    }

    /**
     * The distance QP, limited to the time left like {@link #solver()}: in 784 dimensions one
     * ojAlgo QP can take minutes, and without a limit a run overran its budget twofold.
     */
    private DistanceSolver distance() {
        return deadline == Long.MAX_VALUE ? distance : LpSolvers.distance(LpOptions.DEFAULT.withTimeLimit(timeLeft()));
    }

    /** Seconds before the deadline (at least {@value #MIN_TIME_LIMIT}); +∞ without one. */
    double timeLeft() {
        return deadline == Long.MAX_VALUE ? Double.POSITIVE_INFINITY
                : Math.max((deadline - System.nanoTime()) * 1e-9, MIN_TIME_LIMIT);
    }

    /** Counts one LP (or QP) solved for this run. */
    void counted() {
        onSolve.run();
    }

    /**
     * The support state for one task's pieces: a warm LP session for a box, column generation
     * for a ball; {@code null} when warm starts are off.
     */
    PieceSupport support(boolean warm) {
        if (!warm) {
            return null;
        }
        return geometry.ball == null ? new LpPieceSupport(geometry, this) : new BallPieceSupport(geometry, this);
    }

    /** The slack test of P ∩ S for the rows {@code rows}. */
    Interior interior(List<HalfSpace> rows) {
        return interior(rows, List.of());
    }

    /**
     * The slack test, starting a ball's cut loop from the cut directions {@code seeds} (e.g. those
     * of an enclosing piece: every cut is valid for the whole ball, so any seeds are sound; good
     * ones save cut rounds). The result carries the directions its loop ended with.
     */
    Interior interior(List<HalfSpace> rows, List<double[]> seeds) {
        if (BallSubspace.applies(geometry, rows)) {
            return inSubspace(rows);
        }
        List<double[]> cuts = new ArrayList<>(seeds);
        Interior verdict = classify(rows, cuts);
        return geometry.ball == null ? verdict : verdict.withCuts(cuts.subList(
                Math.max(0, cuts.size() - MAX_INHERITED_CUTS * geometry.dimension), cuts.size()));
    }

    /** The slack test in the span of the rows ({@link BallSubspace}); an interior point is verified on the original rows. */
    private Interior inSubspace(List<HalfSpace> rows) {
        BallSubspace sub = BallSubspace.of(geometry, rows, null);
        Interior reduced = new PieceLp(sub.geometry, solver, distance, onSolve, deadline).interior(sub.rows);
        if (!reduced.hasInterior()) {
            return reduced;
        }
        double[] x = sub.lift(reduced.point());
        double s = geometry.slack(x, rows);
        return s > geometry.tolerance ? Interior.at(x, s) : Interior.THIN;
    }

    /**
     * The slack test of P ∩ half when P has the verified interior point p with slack
     * {@code slack} but p is not deep in the half: first through the half's depth
     * sup (b − a·x) over P ∩ S from the task's {@code support}. A rigorous depth below 0 proves
     * the half empty; one of at most the tolerance, thin (a point with more slack would lie
     * deeper). Otherwise the support's maximiser v lies deep in the half, and the point of the
     * segment p–v where P ∩ S's slack (falling from p's to v's, concave) meets the half's (rising,
     * affine) is checked directly. Only when that check fails, or the support does not answer,
     * does the slack LP decide. A plain ball whose piece reduces to the span of its rows
     * ({@link BallSubspace}) goes there directly.
     */
    Interior interior(PieceSupport support, Piece.Rows rows, HalfSpace half, double[] p, double slack) {
        List<HalfSpace> all = Piece.Rows.list(rows);
        all.add(half);
        if (BallSubspace.applies(geometry, all)) {
            return interior(all);
        }
        double hp = half.slack(p);
        // The segment's point has slack ≥ s·D / (s − hp + D) for depth D: enough once that clears the tolerance twice.
        PieceSupport.Settled decided = (bound, depth) -> bound <= geometry.tolerance
                || slack * depth > 2 * geometry.tolerance * (slack - hp + depth);
        PieceSupport.Supremum depth = support.deepest(rows, half, p, decided);
        if (!depth.status().isOptimal()) {
            return interior(all);
        }
        if (depth.bound() < 0) {
            return Interior.EMPTY;
        }
        if (depth.bound() <= geometry.tolerance) {
            return Interior.THIN;
        }
        double[] v = depth.point();
        double sv = Math.min(0, geometry.slack(v, all.subList(0, all.size() - 1)));
        double lambda = (slack - hp) / (slack - hp + depth.value() - sv);
        double[] x = new double[p.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = geometry.free[j] ? p[j] + lambda * (v[j] - p[j]) : p[j];
        }
        double s = geometry.slack(x, all);
        if (s > geometry.tolerance) {
            return Interior.at(x, s);
        }
        Interior deeper = geometry.ball == null ? Interior.THIN : inShrunkSet(rows, half, p, slack, all);
        return deeper.hasInterior() ? deeper : interior(all);
    }

    /**
     * For a ball, when the segment from p is too shallow (p barely inside a thin piece, the half
     * deep but far away): the half's depth over P and S both shrunk by t (tolerance &lt; t &lt;
     * p's slack), by column generation from p. Its point, deeper than t in the half, has slack
     * about t everywhere; it counts once verified directly. Not a decision otherwise (THIN here
     * means: ask the slack LP).
     */
    private Interior inShrunkSet(Piece.Rows rows, HalfSpace half, double[] p, double slack, List<HalfSpace> all) {
        double t = Math.min(2 * geometry.tolerance, 0.5 * (geometry.tolerance + slack));
        SetGeometry inner = geometry.shrunk(t, RegionOptions.DEFAULT_INTERIOR_TOLERANCE);
        if (inner == null) {
            return Interior.THIN;
        }
        Piece.Rows moved = null;
        for (HalfSpace h : Piece.Rows.list(rows)) {
            moved = Piece.Rows.add(moved, new HalfSpace(h.a(), h.b() - t));
        }
        try (BallPieceSupport support = new BallPieceSupport(inner, this)) {
            PieceSupport.Supremum depth = support.deepest(moved, half, p, (bound, value) -> bound <= t || value > 2 * t);
            if (!depth.status().isOptimal() || !(depth.value() > t)) {
                return Interior.THIN;
            }
            double s = geometry.slack(depth.point(), all);
            return s > geometry.tolerance ? Interior.at(depth.point(), s) : Interior.THIN;
        }
    }

    private Interior classify(List<HalfSpace> rows, List<double[]> cuts) {
        int n = geometry.dimension;
        LinearProgram lp = program(rows, true);
        Outcome out = solveWithCuts(lp, true, cuts, r -> r.safeBound() <= geometry.tolerance
                || geometry.slack(Arrays.copyOf(r.primal(), n), rows) > geometry.tolerance);
        if (out.result.status() == LpStatus.INFEASIBLE) {
            return proveEmpty(rows) ? Interior.EMPTY : Interior.THIN;
        }
        if (out.result.status().isOptimal()) {
            if (out.result.safeBound() < 0) {
                return Interior.EMPTY;
            }
            if (out.result.safeBound() <= geometry.tolerance) {
                return Interior.THIN;
            }
            double[] x = Arrays.copyOf(out.result.primal(), n);
            double s = geometry.slack(x, rows);
            if (s > geometry.tolerance) {
                return Interior.at(x, s);
            }
            if (geometry.ball == null || out.converged && out.result.objective() <= 2 * geometry.tolerance) {
                return Interior.THIN;
            }
        }
        return geometry.ball == null ? Interior.THIN : byDistance(rows);
    }

    /** A rigorous upper bound on max g·x + g0 over P ∩ S; NaN when no LP answered. Not modified: g. */
    double maximum(List<HalfSpace> rows, double[] g, double g0) {
        if (BallSubspace.applies(geometry, rows)) {
            BallSubspace sub = BallSubspace.of(geometry, rows, g);
            double offset = Rounding.addUp(g0, Rounding.dotUp(g, geometry.ball.center()));
            double v = new PieceLp(sub.geometry, solver, distance, onSolve, deadline).maximum(sub.rows, sub.project(g), offset);
            return Rounding.addUp(v, sub.objectiveSlop(g));
        }
        LinearProgram base = program(rows, false);
        LinearProgram lp = base.toBuilder().objective(g, g0, Sense.MAXIMIZE).build();
        List<double[]> cuts = new ArrayList<>();
        LpResult result = solveWithCuts(lp, false, cuts, r -> false).result;
        double bound = upperBound(result, rows);
        return geometry.ball == null || !result.status().isOptimal() ? bound : Math.min(bound, overBall(lp, result, cuts));
    }

    /**
     * The bound of the cut loop's last LP with its cuts replaced by the ball itself
     * ({@link SafeObjectiveBound#overBall}): the duals of the piece's rows, the LP's reduced costs
     * for the variable bounds, and the rest for the ball. Tighter than the cut LP's own bound
     * where the loop stopped with its optimum outside the ball (it does in ≥ 10 dimensions).
     */
    private double overBall(LinearProgram lp, LpResult result, List<double[]> cuts) {
        int m = lp.rowCount();
        double[] y = result.rowDuals();
        if (y.length < m || y.length > m + cuts.size()) {
            return Double.POSITIVE_INFINITY;
        }
        double[] reduced = new double[geometry.dimension];
        for (int j = 0; j < reduced.length; j++) {
            reduced[j] = lp.objective(j);
        }
        for (int i = 0; i < m; i++) {
            LinearProgram.Row row = lp.rows().get(i);
            for (int k = 0; k < row.indices().length; k++) {
                reduced[row.indices()[k]] -= y[i] * row.values()[k];
            }
        }
        // the LP held the first y.length − m cuts (the loop adds one after its last solve when it gives up)
        for (int k = 0; k < y.length - m; k++) {
            double[] d = cuts.get(k);
            for (int j = 0; j < reduced.length; j++) {
                reduced[j] -= y[m + k] * d[j];
            }
        }
        return SafeObjectiveBound.overBall(lp, Arrays.copyOf(y, m), reduced, geometry.ball.center(),
                geometry.ball.radius());
    }

    /**
     * {@link #maximum(List, double[], double)} from the task's support over the region's rows.
     * A ball's column generation runs until its bound and value agree; it needs the region's
     * interior point {@code inside}. Without one, in a ball's row span, or where the column
     * generation leaves a gap above {@value #CLOSED} relative (its cutting-plane master converges
     * slowly near a smooth optimum) in at most {@value #CUT_LOOP_DIMENSIONS} dimensions, the cut
     * loop answers too and the smaller bound counts.
     */
    double maximum(PieceSupport support, Piece.Rows rows, double[] g, double g0, double[] inside) {
        List<HalfSpace> list = Piece.Rows.list(rows);
        if (geometry.ball != null && (inside == null || BallSubspace.applies(geometry, list))) {
            return maximum(list, g, g0);
        }
        PieceSupport.Supremum sup = support.maximum(rows, g, g0, inside, (bound, value) -> false);
        if (sup.status() == LpStatus.INFEASIBLE && proveEmpty(list)) {
            return Double.NEGATIVE_INFINITY;
        }
        double bound = sup.status().isOptimal() ? sup.bound() : Double.NaN;
        if (geometry.ball != null && geometry.dimension <= CUT_LOOP_DIMENSIONS
                && !(bound - sup.value() <= CLOSED * (1 + Math.abs(sup.value())))) {
            double cold = maximum(list, g, g0);
            bound = Double.isNaN(bound) ? cold : Double.isNaN(cold) ? bound : Math.min(bound, cold);
        }
        return bound;
    }

    /** The rigorous bound an objective LP gives: −∞ for a proven empty piece, NaN when it gave none. */
    private double upperBound(LpResult result, List<HalfSpace> rows) {
        if (result.status() == LpStatus.INFEASIBLE && proveEmpty(rows)) {
            return Double.NEGATIVE_INFINITY;
        }
        return result.status().isOptimal() ? result.safeBound() : Double.NaN;
    }

    private boolean proveEmpty(List<HalfSpace> rows) {
        onSolve.run();
        return InfeasibilityProof.check(solver(), program(rows, false)).proven();
    }

    /** The QP fallback for a ball, see the class comment. */
    private Interior byDistance(List<HalfSpace> rows) {
        double[] x0 = geometry.ball.center();
        double shrink = 2 * geometry.tolerance;
        onSolve.run();
        DistanceResult near = distance().nearest(shrunk(rows, shrink), x0);
        if (near.status().isOptimal()) {
            double s = geometry.slack(near.nearestPoint(), rows);
            if (s > geometry.tolerance) {
                return Interior.at(near.nearestPoint().clone(), s);
            }
        }
        onSolve.run();
        DistanceResult plain = distance().nearest(program(rows, false), x0);
        return plain.provablyMisses(geometry.ball.radius()) ? Interior.EMPTY : Interior.THIN;
    }

    /** P ∩ faces with every row and face moved inward by {@code by}. */
    private LinearProgram shrunk(List<HalfSpace> rows, double by) {
        LinearProgram.Builder b = LinearProgram.builder();
        int n = geometry.dimension;
        for (int j = 0; j < n; j++) {
            double lo = geometry.bounds.lower(j);
            double hi = geometry.bounds.upper(j);
            if (geometry.free[j] && geometry.faces != null) {
                lo = Math.min(Math.max(lo, geometry.faces.lower(j) + by), hi);
                hi = Math.max(Math.min(hi, geometry.faces.upper(j) - by), lo);
            }
            b.addVariable(lo, hi);
        }
        for (HalfSpace h : rows) {
            b.addLessOrEqual(h.a(), h.b() - by);
        }
        return b.build();
    }

    /** The program over (x, t) when {@code slack}, else over x; objective max t (or none). */
    private LinearProgram program(List<HalfSpace> rows, boolean slack) {
        LinearProgram.Builder b = LinearProgram.builder();
        int n = geometry.dimension;
        for (int j = 0; j < n; j++) {
            b.addVariable(geometry.bounds.lower(j), geometry.bounds.upper(j));
        }
        int t = slack ? b.addVariable(-slackRange(rows), slackRange(rows)) : -1;
        for (HalfSpace h : rows) {
            addRow(b, h.a(), 1, t, h.b());
        }
        if (slack && geometry.faces != null) {
            for (int j = 0; j < n; j++) {
                if (geometry.free[j]) {
                    double[] e = new double[n];
                    e[j] = 1;
                    addRow(b, e, 1, t, geometry.faces.upper(j));
                    e[j] = -1;
                    addRow(b, e, 1, t, -geometry.faces.lower(j));
                }
            }
        }
        if (slack) {
            double[] c = new double[n + 1];
            c[t] = 1;
            b.objective(c, Sense.MAXIMIZE);
        }
        return b.build();
    }

    /** a·x + tCoefficient·t ≤ rhs (the t term only when t ≥ 0). */
    private static void addRow(LinearProgram.Builder b, double[] a, double tCoefficient, int t, double rhs) {
        if (t < 0) {
            b.addLessOrEqual(a, rhs);
            return;
        }
        double[] row = Arrays.copyOf(a, a.length + 1);
        row[t] = tCoefficient;
        b.addLessOrEqual(row, rhs);
    }

    /**
     * A bound T on |t| that keeps the slack LP feasible: every row's signed distance over the
     * bounding box, and the box's diameter for the faces and cuts, are within T.
     */
    private double slackRange(List<HalfSpace> rows) {
        double diameter = 0;
        double[] magnitude = new double[geometry.dimension];
        for (int j = 0; j < geometry.dimension; j++) {
            diameter += geometry.bounds.width(j);
            magnitude[j] = Math.max(Math.abs(geometry.bounds.lower(j)), Math.abs(geometry.bounds.upper(j)));
        }
        double worst = 0;
        for (HalfSpace h : rows) {
            double s = Math.abs(h.b());
            for (int j = 0; j < magnitude.length; j++) {
                s += Math.abs(h.a()[j]) * magnitude[j];
            }
            worst = Math.max(worst, s);
        }
        return 1 + 2 * (diameter + worst);
    }

    /** The last result of the cut loop and whether its optimum lay inside the ball. */
    private record Outcome(LpResult result, boolean converged) {
    }

    /**
     * The cut loop; {@code cuts} holds the directions to start from and receives the new ones.
     * It ends when the optimum lies in the ball, when {@code settled} says the result already
     * answers the question, or after {@value #MAX_CUT_ROUNDS} rounds.
     */
    private Outcome solveWithCuts(LinearProgram lp, boolean slack, List<double[]> cuts, Predicate<LpResult> settled) {
        if (geometry.ball == null) {
            onSolve.run();
            return new Outcome(solver().solve(lp), true);
        }
        int n = geometry.dimension;
        double[] x0 = geometry.ball.center();
        double r = geometry.ball.radius();
        try (IncrementalLp session = solver().open(lp)) {
            for (double[] d : cuts) {
                addCut(session, d, x0, r, slack);
            }
            LpResult result = null;
            for (int round = 0; round < MAX_CUT_ROUNDS; round++) {
                onSolve.run();
                result = session.solve();
                if (!result.status().isOptimal()) {
                    return new Outcome(result, false);
                }
                if (settled.test(result)) {
                    return new Outcome(result, true);
                }
                double[] p = result.primal();
                double[] d = new double[n];
                double d2 = 0;
                for (int j = 0; j < n; j++) {
                    d[j] = p[j] - x0[j];
                    d2 += d[j] * d[j];
                }
                double norm = Math.sqrt(d2);
                double t = slack ? p[n] : 0;
                if (norm + t <= r * (1 + BALL_TOLERANCE) || norm == 0) {
                    return new Outcome(result, true);
                }
                addCut(session, d, x0, r, slack);
                cuts.add(d);
            }
            return new Outcome(result, false);
        }
    }

    /** d·x (+ N t) ≤ d·x0 + N r with N ≥ ‖d‖ and the right-hand side rounded up. */
    private static void addCut(IncrementalLp session, double[] d, double[] x0, double r, boolean slack) {
        int n = d.length;
        double sq = 0;
        for (double v : d) {
            sq += v * v;
        }
        double norm = Math.nextUp(Math.sqrt(Rounding.up(sq, sq, n)));
        double rhs = Rounding.addUp(Rounding.dotUp(d, x0), Math.nextUp(norm * r));
        int size = slack ? n + 1 : n;
        int[] idx = new int[size];
        double[] val = new double[size];
        for (int j = 0; j < size; j++) {
            idx[j] = j;
            val[j] = j < n ? d[j] : norm;
        }
        session.addRow(idx, val, Double.NEGATIVE_INFINITY, rhs);
    }
}
