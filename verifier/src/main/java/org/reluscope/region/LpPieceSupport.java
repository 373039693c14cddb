package org.reluscope.region;

import java.util.ArrayList;
import java.util.List;

import org.reluscope.lp.IncrementalLp;
import org.reluscope.lp.LinearProgram;
import org.reluscope.lp.LpResult;
import org.reluscope.lp.Sense;

/**
 * The support function of a piece P ∩ S for a box S — the maximum of an affine function over
 * it — from one warm LP session that follows a task's piece down the split tree (or sweeps the
 * objectives of exact bounds over one region).
 *
 * <p>Why: nearly all of the enumerator's LPs prove a half empty, i.e. a neuron stable on the
 * piece (95 % on ACAS Xu prop_1, 70 % on prop_3). Those LPs share the piece's polytope and
 * differ in the objective, so one session that only changes objectives and appends the rows
 * of the splits the task follows lets the solver restart from its last basis. The box's faces
 * are variable bounds, not 2n rows beside a slack column as in the slack LP.
 *
 * <p>The session's LPs depend only on the sequence of pieces it is asked about, which the
 * split tree fixes: one session per task (a forked piece's task opens its own), so results do
 * not depend on the thread count. With a deadline, the session is opened with the time left
 * as each LP's limit and re-opened once that limit exceeds the time left by a quarter, so that
 * no LP outlives the budget by more than that.
 */
final class LpPieceSupport implements PieceSupport {
    private static final double STALE_LIMIT = 1.25;

    private final SetGeometry geometry;
    private final PieceLp lps;
    /** Every variable's index: the rows are dense. */
    private final int[] columns;
    private IncrementalLp session;
    /** The rows the session holds (a prefix chain of the piece's rows). */
    private Piece.Rows held;
    /** The time left when the session was opened (its LPs' limit), seconds. */
    private double limit;

    LpPieceSupport(SetGeometry geometry, PieceLp lps) {
        if (geometry.ball != null) {
            throw new IllegalArgumentException("the support session is for boxes; balls need the cut loop");
        }
        this.geometry = geometry;
        this.lps = lps;
        this.columns = new int[geometry.dimension];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = j;
        }
    }

    /** The LP max: exact for a box, so {@code inside} and {@code settled} are not needed. */
    @Override
    public Supremum maximum(Piece.Rows rows, double[] g, double g0, double[] inside, Settled settled) {
        LpResult r = solve(rows, g, g0);
        return new Supremum(r.status(), r.safeBound(), r.objective(), r.status().isOptimal() ? r.primal() : null);
    }

    /** The LP max of g·x + g0 over P ∩ S with P cut out by {@code rows}. Not modified: g. */
    LpResult solve(Piece.Rows rows, double[] g, double g0) {
        hold(rows);
        session.setObjective(g, g0, Sense.MAXIMIZE);
        lps.counted();
        return session.solve();
    }

    /** Brings the session to {@code rows}: appends the rows added since, or re-opens it when they do not extend what it holds. */
    private void hold(Piece.Rows rows) {
        if (session != null && lps.timeLeft() * STALE_LIMIT < limit) {
            close();
        }
        Piece.Rows r = rows;
        int keep = held == null ? 0 : held.size();
        while (r != null && r.size() > keep) {
            r = r.parent();
        }
        if (session == null || r != held) {
            open();
        }
        // the rows between what the session holds and rows, oldest first
        List<HalfSpace> added = new ArrayList<>();
        for (Piece.Rows k = rows; k != held; k = k.parent()) {
            added.add(k.row());
        }
        for (int k = added.size() - 1; k >= 0; k--) {
            session.addRow(columns, added.get(k).a(), Double.NEGATIVE_INFINITY, added.get(k).b());
        }
        held = rows;
    }

    private void open() {
        close();
        LinearProgram.Builder b = LinearProgram.builder();
        for (int j = 0; j < geometry.dimension; j++) {
            b.addVariable(geometry.bounds.lower(j), geometry.bounds.upper(j));
        }
        limit = lps.timeLeft();
        session = lps.solver().open(b.build());
        held = null;
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
            session = null;
            held = null;
        }
    }
}
