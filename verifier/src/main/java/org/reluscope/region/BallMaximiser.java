package org.reluscope.region;

import org.reluscope.input.Box;
import org.reluscope.input.L2Ball;

/**
 * The maximiser of w·x over S = B(x0, r) ∩ [l, u] (a ball in its LP bounding box, which is also
 * the clip box's part around the ball), in closed form up to one scalar: the Lagrangian
 * w·x − (λ/2)(‖x − x0‖² − r²) separates by coordinate, so
 * <pre>
 *   x(λ) = clip(x0 + w/λ, l, u),   λ ≥ 0 with ‖x(λ) − x0‖ = r (or λ = 0 when the box's vertex lies in the ball);
 * </pre>
 * ‖x(λ) − x0‖ falls as λ grows, so λ is found by bisection.
 *
 * <p>The KKT multipliers also split w into the share ν = w − λ(x − x0) that the box's bounds
 * carry (zero on coordinates that are not clipped) and the share λ(x − x0) that the ball
 * carries; with that split {@link org.reluscope.lp.SafeObjectiveBound#overBall} bounds max w·x
 * over S by w·x itself, up to rounding. Any split gives a rigorous bound there, so an inexact
 * λ only costs tightness.
 *
 * @param point      x(λ) for a λ at which it lies in the ball (inside S, up to rounding of clip)
 * @param boundShare ν, one entry per coordinate
 */
record BallMaximiser(double[] point, double[] boundShare) {
    /** Bisection stops when λ's bracket is this tight (relative). */
    private static final double RELATIVE_STEP = 1e-13;
    private static final int MAX_STEPS = 400;

    /** The maximiser of w·x over the ball of {@code geometry} in its bounds. Not modified: w. */
    static BallMaximiser of(SetGeometry geometry, double[] w) {
        L2Ball ball = geometry.ball;
        Box box = geometry.bounds;
        double[] x0 = ball.center();
        double r2 = ball.radius() * ball.radius();
        double[] x = new double[w.length];
        if (squaredDistance(x, w, x0, box, 0) <= r2) {
            return new BallMaximiser(x, w.clone());
        }
        double norm = 0;
        for (double v : w) {
            norm += v * v;
        }
        // x0 + w/λ with λ = ‖w‖/r lies on the sphere; clipping only moves it closer to x0 when x0 is in the box.
        double hi = Math.max(Math.sqrt(norm) / ball.radius(), Double.MIN_NORMAL);
        int steps = 0;
        while (squaredDistance(x, w, x0, box, hi) > r2 && steps++ < MAX_STEPS) {
            hi *= 2;
        }
        double lo = hi / 2;
        while (squaredDistance(x, w, x0, box, lo) <= r2 && lo > Double.MIN_NORMAL && steps++ < MAX_STEPS) {
            hi = lo;
            lo /= 2;
        }
        while (hi - lo > RELATIVE_STEP * hi && steps++ < MAX_STEPS) {
            double mid = 0.5 * (lo + hi);
            if (squaredDistance(x, w, x0, box, mid) <= r2) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        squaredDistance(x, w, x0, box, hi);
        double[] share = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            double free = x0[j] + w[j] / hi;
            if (free != x[j]) {
                share[j] = w[j] - hi * (x[j] - x0[j]);
            }
        }
        return new BallMaximiser(x, share);
    }

    /**
     * Sets x = x(λ) (λ = 0: the box's vertex in w's direction, x0 clipped where w is 0) and
     * returns ‖x − x0‖². Modified: x.
     */
    private static double squaredDistance(double[] x, double[] w, double[] x0, Box box, double lambda) {
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            double free;
            if (lambda == 0) {
                free = w[j] > 0 ? Double.POSITIVE_INFINITY : w[j] < 0 ? Double.NEGATIVE_INFINITY : x0[j];
            } else {
                free = x0[j] + w[j] / lambda;
            }
            x[j] = Math.min(Math.max(free, box.lower(j)), box.upper(j));
            double d = x[j] - x0[j];
            s += d * d;
        }
        return s;
    }
}
