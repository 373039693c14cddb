package org.reluscope.local;

import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.numeric.Rounding;

/** The ball of a given norm and radius around a point, as an {@link InputSet}. */
public final class Balls {
    private Balls() {
    }

    /**
     * { y : ‖y − x‖ ≤ r }: an {@link L2Ball}, or for L∞ the box [x − r, x + r] with its bounds
     * rounded outward (so that it contains the exact ball), in both cases intersected with
     * {@code domain} when it is not {@code null}. Not modified: x.
     *
     * @throws IllegalArgumentException if r is negative or not finite, or the ball misses the domain
     */
    public static InputSet around(double[] x, DistanceNorm norm, double r, Box domain) {
        if (!(r >= 0) || Double.isInfinite(r)) {
            throw new IllegalArgumentException("radius must be a finite number ≥ 0, got " + r);
        }
        if (norm == DistanceNorm.L2) {
            return new L2Ball(x, r, domain);
        }
        double[] lo = new double[x.length];
        double[] hi = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            lo[i] = Rounding.addDown(x[i], -r);
            hi[i] = Rounding.addUp(x[i], r);
        }
        Box box = new Box(lo, hi);
        return domain == null ? box : box.intersect(domain);
    }
}
