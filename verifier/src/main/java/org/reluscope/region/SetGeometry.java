package org.reluscope.region;

import org.reluscope.algebra.HPolytope;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;

/**
 * The input set S as region enumeration sees it: a bounding box for the LP variables, the box
 * faces that are real constraints of S (the whole box for a {@link Box}, the domain box of a
 * ball), the ball itself, and S's <i>free</i> coordinates — those with lower &lt; upper. A
 * coordinate fixed by S (e.g. ACAS Xu properties that pin an angle) takes no part in
 * interiors: "full-dimensional" means relative to S's affine hull, and rows are normalised
 * over the free coordinates.
 */
final class SetGeometry {
    final InputSet set;
    final int dimension;
    /** Bounds of the LP variables: S's bounding box (∩ the ball's domain). */
    final Box bounds;
    /** The box whose faces bound S with slack: S itself or the ball's domain; {@code null} for a plain ball. */
    final Box faces;
    /** The ball, or {@code null} for a box. */
    final L2Ball ball;
    final boolean[] free;
    /** Absolute interior tolerance: the relative tolerance times S's size. */
    final double tolerance;

    SetGeometry(InputSet set, double relativeTolerance) {
        this.set = set;
        this.dimension = set.dimension();
        this.bounds = set.boundingBox();
        this.ball = set instanceof L2Ball b ? b : null;
        this.faces = set instanceof Box b ? b : ball.domainBox().orElse(null);
        this.free = new boolean[dimension];
        double size = 0;
        for (int j = 0; j < dimension; j++) {
            free[j] = bounds.lower(j) < bounds.upper(j);
            if (free[j]) {
                size = Math.max(size, 0.5 * bounds.width(j));
            }
        }
        if (ball != null) {
            size = Math.min(size, ball.radius());
        }
        this.tolerance = relativeTolerance * size;
    }

    /** Whether some coordinate is free (otherwise S is a single point). */
    boolean hasFreeCoordinate() {
        for (boolean f : free) {
            if (f) {
                return true;
            }
        }
        return false;
    }

    /** ‖a‖₂ over the free coordinates. Not modified: a. */
    double freeNorm(double[] a) {
        double s = 0;
        for (int j = 0; j < dimension; j++) {
            if (free[j]) {
                s += a[j] * a[j];
            }
        }
        return Math.sqrt(s);
    }

    /**
     * The distance of x to S's boundary within its affine hull (box faces of free coordinates
     * and the ball), reduced by a rounding margin; +∞ when S is a point. Not modified: x.
     */
    double slack(double[] x) {
        double s = Double.POSITIVE_INFINITY;
        if (faces != null) {
            for (int j = 0; j < dimension; j++) {
                if (free[j]) {
                    s = Math.min(s, Math.min(x[j] - faces.lower(j), faces.upper(j) - x[j]));
                } else if (x[j] != faces.lower(j)) {
                    return Double.NEGATIVE_INFINITY;
                }
            }
        }
        if (ball != null) {
            double[] c = ball.center();
            double d2 = 0;
            for (int j = 0; j < dimension; j++) {
                double d = x[j] - c[j];
                d2 += d * d;
            }
            double d = Math.sqrt(d2);
            s = Math.min(s, ball.radius() - d - 1e-12 * (ball.radius() + d));
        }
        return s;
    }

    /** The slack of x in S and in every row. Not modified: x. */
    double slack(double[] x, Iterable<HalfSpace> rows) {
        double s = slack(x);
        for (HalfSpace h : rows) {
            s = Math.min(s, h.slack(x));
        }
        return s;
    }

    /**
     * A ball S shrunk by t: the points whose distance to S's boundary (within its affine hull)
     * exceeds t — the ball of radius r − t in the faces moved inward by t on the free coordinates;
     * {@code null} when that is empty or S is a box.
     */
    SetGeometry shrunk(double t, double relativeTolerance) {
        if (ball == null || !(t < ball.radius())) {
            return null;
        }
        Box inner = null;
        if (faces != null) {
            double[] lo = new double[dimension];
            double[] hi = new double[dimension];
            for (int j = 0; j < dimension; j++) {
                lo[j] = free[j] ? faces.lower(j) + t : faces.lower(j);
                hi[j] = free[j] ? faces.upper(j) - t : faces.upper(j);
                if (!(lo[j] <= hi[j])) {
                    return null;
                }
            }
            inner = new Box(lo, hi);
        }
        try {
            return new SetGeometry(new L2Ball(ball.center(), ball.radius() - t, inner), relativeTolerance);
        } catch (IllegalArgumentException e) {
            // the shrunk ball misses the shrunk faces
            return null;
        }
    }

    /** S's bounding box as polytope rows (what {@link Region#polytope()} adds to the split rows). */
    HPolytope boundingPolytope() {
        return HPolytope.box(bounds.lower(), bounds.upper());
    }
}
