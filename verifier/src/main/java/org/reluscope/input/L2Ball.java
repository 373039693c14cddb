package org.reluscope.input;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

import org.reluscope.numeric.Rounding;

/**
 * The Euclidean ball { x : ‖x − x0‖₂ ≤ r }, optionally intersected with a box domain (e.g.
 * pixel values in [0, 1]).
 *
 * <p>A linear function c·x ranges over the plain ball within c·x0 ± r‖c‖₂; over ball ∩ box
 * we use the smaller of that and the box's support, which is sound though not always tight.
 *
 * @param domain the box the ball is intersected with, or {@code null} for none
 */
public record L2Ball(double[] center, double radius, Box domain) implements InputSet {

    /**
     * @throws IllegalArgumentException on a negative or non-finite radius, a non-finite centre,
     *                                  a domain of another dimension, or an empty ball ∩ domain
     */
    public L2Ball {
        if (center.length == 0) {
            throw new IllegalArgumentException("ball has dimension 0");
        }
        if (!(radius >= 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("L2 radius must be a finite number ≥ 0, got " + radius);
        }
        for (int i = 0; i < center.length; i++) {
            if (!Double.isFinite(center[i])) {
                throw new IllegalArgumentException("ball centre entry " + i + " is " + center[i]);
            }
        }
        if (domain != null) {
            if (domain.dimension() != center.length) {
                throw new IllegalArgumentException("ball has dimension " + center.length + " but its domain has "
                        + domain.dimension());
            }
            double d2 = squaredDistance(center, domain);
            if (Math.sqrt(d2) > radius) {
                throw new IllegalArgumentException("ball of radius " + radius + " does not meet its domain box"
                        + " (distance " + Math.sqrt(d2) + ")");
            }
        }
        center = center.clone();
    }

    public L2Ball(double[] center, double radius) {
        this(center, radius, null);
    }

    @Override
    public double[] center() {
        return center.clone();
    }

    /** The domain box, if the ball is intersected with one. */
    public Optional<Box> domainBox() {
        return Optional.ofNullable(domain);
    }

    @Override
    public int dimension() {
        return center.length;
    }

    /** c·x0 + r‖c‖₂ rounded up; with a domain, the smaller of that and the box support. */
    @Override
    public double support(double[] c) {
        if (c.length != center.length) {
            throw new IllegalArgumentException("vector has " + c.length + " entries but the ball has dimension "
                    + center.length);
        }
        double dot = Rounding.dotUp(c, center);
        double sq = 0;
        for (double ci : c) {
            sq += ci * ci;
        }
        double norm = Math.nextUp(Math.sqrt(Rounding.up(sq, sq, c.length)));
        double ball = Math.nextUp(dot + Math.nextUp(radius * norm));
        return domain == null ? ball : Math.min(ball, domain.support(c));
    }

    @Override
    public Box boundingBox() {
        double[] lo = new double[center.length];
        double[] hi = new double[center.length];
        for (int i = 0; i < lo.length; i++) {
            lo[i] = Math.nextDown(center[i] - radius);
            hi[i] = Math.nextUp(center[i] + radius);
        }
        Box box = new Box(lo, hi);
        return domain == null ? box : box.intersect(domain);
    }

    @Override
    public boolean contains(double[] x, double tol) {
        if (x.length != center.length) {
            throw new IllegalArgumentException("vector has " + x.length + " entries but the ball has dimension "
                    + center.length);
        }
        double d2 = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - center[i];
            d2 += d * d;
        }
        return Math.sqrt(d2) <= radius + tol && (domain == null || domain.contains(x, tol));
    }

    /**
     * Euclidean projection onto the ball; with a domain, Dykstra's alternating projections,
     * which converge to the projection onto the intersection. The result is always inside
     * both sets up to rounding (the last step projects onto the ball of a slightly smaller radius).
     */
    @Override
    public double[] project(double[] x) {
        if (domain == null) {
            return projectOntoBall(x, radius);
        }
        double[] y = x.clone();
        double[] p = new double[x.length];
        double[] q = new double[x.length];
        for (int iter = 0; iter < 100; iter++) {
            double[] yp = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                yp[i] = y[i] + p[i];
            }
            double[] boxed = domain.project(yp);
            for (int i = 0; i < x.length; i++) {
                p[i] = yp[i] - boxed[i];
            }
            double[] bq = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                bq[i] = boxed[i] + q[i];
            }
            double[] next = projectOntoBall(bq, radius);
            for (int i = 0; i < x.length; i++) {
                q[i] = bq[i] - next[i];
            }
            y = next;
            if (domain.contains(y, 0)) {
                break;
            }
        }
        return domain.project(y);
    }

    private double[] projectOntoBall(double[] x, double r) {
        double d2 = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - center[i];
            d2 += d * d;
        }
        double d = Math.sqrt(d2);
        if (d <= r) {
            return x.clone();
        }
        double scale = r / d * (1 - 4 * Rounding.UNIT_ROUNDOFF);
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            p[i] = center[i] + (x[i] - center[i]) * scale;
        }
        return p;
    }

    /** Uniform in the ball (direction from a Gaussian, radius r·U^{1/n}); rejection against the domain. */
    @Override
    public double[] sample(Random random) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            double[] g = new double[center.length];
            double n2 = 0;
            for (int i = 0; i < g.length; i++) {
                g[i] = random.nextGaussian();
                n2 += g[i] * g[i];
            }
            double scale = radius * Math.pow(random.nextDouble(), 1.0 / g.length) / Math.sqrt(n2);
            double[] x = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                x[i] = center[i] + g[i] * scale;
            }
            if (domain == null || domain.contains(x, 0)) {
                return x;
            }
        }
        return project(center);
    }

    /**
     * The ball with its domain narrowed to {@code box} (∩ the old domain). The ball misses the
     * box when the distance from the centre to the box exceeds the radius; since that distance
     * is computed in floating point, only a clear excess (relative 1e-9) counts as empty, and in
     * the sliver between the box itself stands in for the intersection (a superset, as allowed).
     */
    @Override
    public Optional<InputSet> restrict(Box box) {
        Optional<InputSet> clipped = domain == null ? Optional.of(box) : domain.restrict(box);
        if (clipped.isEmpty()) {
            return clipped;
        }
        Box narrowed = (Box) clipped.get();
        double distance = Math.sqrt(squaredDistance(center, narrowed));
        if (distance > radius * (1 + 1e-9) + Rounding.TINY) {
            return Optional.empty();
        }
        return Optional.of(distance <= radius ? new L2Ball(center, radius, narrowed) : narrowed);
    }

    /** ‖x0 − nearest point of the box‖₂², as computed. Not modified: center. */
    private static double squaredDistance(double[] center, Box box) {
        double d2 = 0;
        for (int i = 0; i < center.length; i++) {
            double gap = Math.max(0, Math.max(box.lower(i) - center[i], center[i] - box.upper(i)));
            d2 += gap * gap;
        }
        return d2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof L2Ball b && Arrays.equals(b.center, center) && b.radius == radius
                && Objects.equals(b.domain, domain);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(center) * 31 + Double.hashCode(radius);
    }

    @Override
    public String toString() {
        return "L2Ball[center=" + Arrays.toString(center) + ", r=" + radius + (domain == null ? "" : ", ∩ " + domain) + "]";
    }
}
