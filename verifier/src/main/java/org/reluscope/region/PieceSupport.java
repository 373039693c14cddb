package org.reluscope.region;

import org.reluscope.lp.LpStatus;
import org.reluscope.numeric.Vectors;

/**
 * The support function of the pieces P ∩ S one fork/join task visits — the maximum of an affine
 * function over them — from state that the task keeps across its pieces: a warm LP session for
 * a box ({@link LpPieceSupport}), a pool of points of S for a ball ({@link BallPieceSupport}).
 *
 * <p>Results must not depend on the thread count: the state depends only on the sequence of
 * pieces asked about, which the split tree fixes (one instance per task).
 */
sealed interface PieceSupport extends AutoCloseable permits LpPieceSupport, BallPieceSupport {

    /**
     * What a support computation found about sup (g·x + g0) over P ∩ S.
     *
     * @param status how it ended: only {@link LpStatus#isOptimal()} results carry a bound and a
     *               point; INFEASIBLE from an LP is not yet a proof
     * @param bound  a rigorous upper bound on the supremum
     * @param value  the (floating-point) value at {@code point}
     * @param point  a maximiser, or the best point found, lying in P ∩ S up to the solver's
     *               tolerance (callers verify it); owned by the record
     */
    record Supremum(LpStatus status, double bound, double value, double[] point) {
    }

    /** When an iterative support computation may stop: given its rigorous bound and its best value so far. */
    @FunctionalInterface
    interface Settled {
        boolean test(double bound, double value);
    }

    /**
     * sup (g·x + g0) over P ∩ S with P cut out by {@code rows}. Not modified: g, inside.
     *
     * @param inside  a point of P ∩ S (a ball's iteration starts from it), or {@code null}
     * @param settled when an iterative computation has answered the caller's question
     */
    Supremum maximum(Piece.Rows rows, double[] g, double g0, double[] inside, Settled settled);

    /** The depth sup (b − a·x) over P ∩ S of the half a·x ≤ b, {@link #maximum} of its slack. */
    default Supremum deepest(Piece.Rows rows, HalfSpace half, double[] inside, Settled settled) {
        return maximum(rows, Vectors.scaled(-1, half.a()), half.b(), inside, settled);
    }

    @Override
    void close();
}
