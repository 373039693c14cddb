package org.reluscope.region;

import java.util.ArrayList;
import java.util.List;

import org.reluscope.input.L2Ball;
import org.reluscope.numeric.Rounding;
import org.reluscope.numeric.Vectors;

/**
 * A piece P = {x : A x ≤ b} of a plain L2 ball B(x0, r) (no domain box) seen in the span of
 * its rows: with x = x0 + Q u for an orthonormal basis Q (n × k) of span{a_i} (plus, for an
 * objective, g), P ∩ B becomes {u ∈ ℝ^k : (Qᵀa_i)·u ≤ b_i − a_i·x0, ‖u‖ ≤ r}. A component of
 * x − x0 orthogonal to Q changes no row and no objective, only uses up radius, so the two
 * problems have the same emptiness, the same largest slack and the same maximum — and the
 * reduced one has a handful of dimensions instead of the input's (784 for MNIST): the tangent
 * cuts of its slack LP converge in a few rounds, and its distance QP is tiny.
 *
 * <p>Rows that stay at distance ≥ r from x0 do not cut the ball and are left out (see {@link #cutting}).
 *
 * <p>Safe side: rounding makes Q only nearly orthonormal and leaves a residual
 * ρ_i = ‖a_i − QQᵀa_i‖ for rows that were dependent. The reduced rows are relaxed by
 * (2ρ_i + 4γ_{n+k})·r and the radius by 1e-12 relative, so that the reduced set contains the
 * image Qᵀ(P ∩ B − x0): a reduced emptiness proof or upper bound holds for P ∩ B, a few 1e-12
 * of the radius on the safe side — far below the interior tolerance. Interior points found in
 * the reduced problem are lifted and verified again on the original rows.
 */
final class BallSubspace {
    /** Vectors whose part outside the basis is below this (relative) join the basis no more. */
    private static final double DEPENDENT = 1e-9;
    private static final double RADIUS_SLACK = 1e-12;
    /** Rows cutting off a cap of at most this height (relative to r) are left out. */
    private static final double CAP = 1e-9;
    /** Reduced coefficients below this fraction of a row's largest are dropped (see {@link #dropNoise}). */
    private static final double NOISE = 1e-14;

    private final double[] center;
    private final List<double[]> basis;
    /** The reduced ball B(0, r(1 + 1e-12)), as the reduced problem's input set. */
    final SetGeometry geometry;
    /** The relaxed reduced rows. */
    final List<HalfSpace> rows;

    private BallSubspace(double[] center, List<double[]> basis, SetGeometry geometry,
                         List<HalfSpace> rows) {
        this.center = center;
        this.basis = basis;
        this.geometry = geometry;
        this.rows = rows;
    }

    /** Whether the reduction applies: a plain ball and fewer cutting rows (plus one objective) than inputs. */
    static boolean applies(SetGeometry g, List<HalfSpace> rows) {
        return g.ball != null && g.faces == null && g.ball.radius() > 0
                && cutting(g.ball, rows).size() + 1 < g.dimension;
    }

    /**
     * The reduced problem of P = rows in g's ball, with {@code objective}'s direction in the
     * basis too when not null. Not modified: rows, objective.
     */
    static BallSubspace of(SetGeometry g, List<HalfSpace> rows, double[] objective) {
        double[] x0 = g.ball.center();
        List<HalfSpace> cutting = cutting(g.ball, rows);
        List<double[]> basis = new ArrayList<>();
        for (HalfSpace h : cutting) {
            extend(basis, h.a());
        }
        if (objective != null) {
            extend(basis, objective);
        }
        int n = x0.length;
        if (basis.isEmpty()) {
            // Nothing cuts the ball: any direction will do as the (one-dimensional) subspace.
            double[] e = new double[n];
            e[0] = 1;
            basis.add(e);
        }
        double slackRadius = Math.nextUp(g.ball.radius() * (1 + RADIUS_SLACK));
        double roundoff = 4 * Rounding.gamma(n + basis.size());
        List<HalfSpace> reduced = new ArrayList<>(cutting.size());
        for (HalfSpace h : cutting) {
            double[] coefficients = coordinates(basis, h.a());
            double relax = (2 * residual(basis, h.a(), coefficients) + roundoff * Vectors.norm2(h.a())
                    + dropNoise(coefficients)) * slackRadius;
            double rhs = Rounding.addUp(Rounding.addUp(h.b(), -Rounding.dotDown(h.a(), x0)), relax);
            reduced.add(new HalfSpace(coefficients, rhs));
        }
        L2Ball ball = new L2Ball(new double[basis.size()], slackRadius);
        SetGeometry geometry = new SetGeometry(ball, g.tolerance / slackRadius);
        return new BallSubspace(x0, basis, geometry, reduced);
    }

    /** Qᵀv. Not modified: v. */
    double[] project(double[] v) {
        return coordinates(basis, v);
    }

    /** x0 + Q u. Not modified: u. */
    double[] lift(double[] u) {
        double[] x = center.clone();
        for (int k = 0; k < basis.size(); k++) {
            Vectors.axpy(u[k], basis.get(k), x);
        }
        return x;
    }

    /**
     * A bound on how much g·(x − x0) can exceed (Qᵀg)·u over the ball, (2ρ_g + 4γ‖g‖)·r as for
     * the rows. Not modified: g.
     */
    double objectiveSlop(double[] g) {
        double slackRadius = geometry.ball.radius();
        double roundoff = 4 * Rounding.gamma(center.length + basis.size());
        return Math.nextUp((2 * residual(basis, g, coordinates(basis, g)) + roundoff * Vectors.norm2(g)) * slackRadius);
    }

    /**
     * The rows whose hyperplane comes closer to x0 than r·(1 − 1e-9): the others cut off at most
     * a cap of height 1e-9·r (none at all, up to rounding, for the bounding-box rows a region's
     * polytope carries). Leaving a row out only enlarges the set, so emptiness proofs and upper
     * bounds stay sound, and interior points are verified on every row.
     */
    private static List<HalfSpace> cutting(L2Ball ball, List<HalfSpace> rows) {
        double[] x0 = ball.center();
        double reach = ball.radius() * (1 - CAP);
        List<HalfSpace> kept = new ArrayList<>(rows.size());
        for (HalfSpace h : rows) {
            if (h.b() - Vectors.dot(h.a(), x0) < reach * Vectors.norm2(h.a())) {
                kept.add(h);
            }
        }
        return kept;
    }

    /**
     * Sets the coefficients that are rounding noise (below 1e-14 of the largest) to zero and
     * returns the norm of what was dropped, for the caller to relax by. GLOP's simplex can end
     * ABNORMAL on rows mixing 1 and 1e-17. Modified: u.
     */
    private static double dropNoise(double[] u) {
        double noise = NOISE * Vectors.normInf(u);
        double dropped = 0;
        for (int k = 0; k < u.length; k++) {
            if (Math.abs(u[k]) < noise) {
                dropped += u[k] * u[k];
                u[k] = 0;
            }
        }
        return Math.nextUp(Math.sqrt(dropped) * (1 + 1e-15));
    }

    /** Adds v's part orthogonal to the basis, normalised, unless v (nearly) lies in its span. */
    private static void extend(List<double[]> basis, double[] v) {
        double size = Vectors.norm2(v);
        if (size == 0) {
            return;
        }
        double[] w = v.clone();
        // Gram–Schmidt twice: one pass loses orthogonality when v is nearly in the span.
        for (int pass = 0; pass < 2; pass++) {
            for (double[] q : basis) {
                Vectors.axpy(-Vectors.dot(q, w), q, w);
            }
        }
        double rest = Vectors.norm2(w);
        if (rest > DEPENDENT * size) {
            basis.add(Vectors.scaled(1 / rest, w));
        }
    }

    private static double[] coordinates(List<double[]> basis, double[] v) {
        double[] u = new double[basis.size()];
        for (int k = 0; k < u.length; k++) {
            u[k] = Vectors.dot(basis.get(k), v);
        }
        return u;
    }

    /** ‖v − Q u‖ for u = Qᵀv. */
    private static double residual(List<double[]> basis, double[] v, double[] u) {
        double[] w = v.clone();
        for (int k = 0; k < u.length; k++) {
            Vectors.axpy(-u[k], basis.get(k), w);
        }
        return Vectors.norm2(w);
    }
}
