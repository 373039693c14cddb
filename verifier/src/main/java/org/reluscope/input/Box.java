package org.reluscope.input;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

import org.reluscope.numeric.Rounding;

/**
 * The box { x : lower ≤ x ≤ upper } (coordinate-wise). An L∞ ball of radius ε around x0 is
 * the box [x0 − ε, x0 + ε].
 */
public record Box(double[] lower, double[] upper) implements InputSet {

    /**
     * @throws IllegalArgumentException if the lengths differ, an entry is NaN or infinite,
     *                                  or some lower[i] &gt; upper[i] (an empty box)
     */
    public Box {
        if (lower.length != upper.length) {
            throw new IllegalArgumentException("box bounds have lengths " + lower.length + " and " + upper.length);
        }
        if (lower.length == 0) {
            throw new IllegalArgumentException("box has dimension 0");
        }
        for (int i = 0; i < lower.length; i++) {
            if (!Double.isFinite(lower[i]) || !Double.isFinite(upper[i])) {
                throw new IllegalArgumentException("box bound " + i + " is [" + lower[i] + ", " + upper[i] + "]");
            }
            if (lower[i] > upper[i]) {
                throw new IllegalArgumentException("box is empty: coordinate " + i + " has lower " + lower[i]
                        + " > upper " + upper[i]);
            }
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    /** The L∞ ball [x0 − ε, x0 + ε]. Not modified: center. */
    public static Box linf(double[] center, double epsilon) {
        if (!(epsilon >= 0)) {
            throw new IllegalArgumentException("L∞ radius must be ≥ 0, got " + epsilon);
        }
        double[] lo = new double[center.length];
        double[] hi = new double[center.length];
        for (int i = 0; i < center.length; i++) {
            lo[i] = center[i] - epsilon;
            hi[i] = center[i] + epsilon;
        }
        return new Box(lo, hi);
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    public double lower(int i) {
        return lower[i];
    }

    public double upper(int i) {
        return upper[i];
    }

    public double width(int i) {
        return upper[i] - lower[i];
    }

    @Override
    public int dimension() {
        return lower.length;
    }

    /** Σ max(cᵢ lᵢ, cᵢ uᵢ), rounded up. */
    @Override
    public double support(double[] c) {
        checkDimension(c.length);
        double s = 0;
        double m = 0;
        for (int i = 0; i < c.length; i++) {
            double t = c[i] >= 0 ? c[i] * upper[i] : c[i] * lower[i];
            s += t;
            m += Math.abs(t);
        }
        return Rounding.up(s, m, c.length);
    }

    @Override
    public Box boundingBox() {
        return this;
    }

    @Override
    public double[] center() {
        double[] c = new double[lower.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = 0.5 * (lower[i] + upper[i]);
        }
        return c;
    }

    @Override
    public boolean contains(double[] x, double tol) {
        checkDimension(x.length);
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= lower[i] - tol && x[i] <= upper[i] + tol)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double[] project(double[] x) {
        checkDimension(x.length);
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            p[i] = Math.min(Math.max(x[i], lower[i]), upper[i]);
        }
        return p;
    }

    @Override
    public double[] sample(Random random) {
        double[] x = new double[lower.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = lower[i] + random.nextDouble() * (upper[i] - lower[i]);
        }
        return x;
    }

    /** The intersection with the other box (exact: clipping bounds needs no rounding). */
    @Override
    public Optional<InputSet> restrict(Box box) {
        checkDimension(box.dimension());
        for (int i = 0; i < lower.length; i++) {
            if (Math.max(lower[i], box.lower[i]) > Math.min(upper[i], box.upper[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(intersect(box));
    }

    /** The intersection with another box, or throws if it is empty. */
    public Box intersect(Box other) {
        checkDimension(other.dimension());
        double[] lo = new double[lower.length];
        double[] hi = new double[lower.length];
        for (int i = 0; i < lo.length; i++) {
            lo[i] = Math.max(lower[i], other.lower[i]);
            hi[i] = Math.min(upper[i], other.upper[i]);
        }
        return new Box(lo, hi);
    }

    private void checkDimension(int n) {
        if (n != lower.length) {
            throw new IllegalArgumentException("vector has " + n + " entries but the box has dimension " + lower.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(b.lower, lower) && Arrays.equals(b.upper, upper);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        return "Box" + Arrays.toString(lower) + ".." + Arrays.toString(upper);
    }
}
