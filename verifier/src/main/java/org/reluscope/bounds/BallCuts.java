package org.reluscope.bounds;

import org.reluscope.input.L2Ball;
import org.reluscope.lp.IncrementalLp;

/**
 * Outer tangent cuts of an L2 ball for an LP whose first variables are the input x: at a point
 * x* outside the ball, the half-space d·x ≤ h(d) with d = x* − x0 and h the ball's rigorous
 * support function ({@link L2Ball#support}, outward rounded, ∩ the domain box) contains the
 * whole ball and cuts x* off.
 */
final class BallCuts {
    private BallCuts() {
    }

    /**
     * Adds the cut at {@code primal}'s input part if it lies outside the ball (beyond a relative
     * 1e-9), and says whether it did. Not modified: primal.
     */
    static boolean addCutIfOutside(IncrementalLp lp, L2Ball ball, double[] primal) {
        double[] x0 = ball.center();
        int n = x0.length;
        if (primal.length < n) {
            return false;
        }
        double[] d = new double[n];
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            d[i] = primal[i] - x0[i];
            d2 += d[i] * d[i];
        }
        if (Math.sqrt(d2) <= ball.radius() * (1 + 1e-9)) {
            return false;
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        lp.addRow(idx, d, Double.NEGATIVE_INFINITY, ball.support(d));
        return true;
    }
}
