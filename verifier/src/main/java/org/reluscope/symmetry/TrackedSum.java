package org.reluscope.symmetry;

import org.reluscope.numeric.Rounding;

/**
 * A floating-point sum of products that keeps the exact rounding error of every step: a
 * product's error is fma(a, b, −fl(ab)) and an addition's comes from TwoSum, both exact
 * doubles (up to underflow, which {@link Rounding#TINY} covers). So |exact − sum| is bounded by
 * the accumulated |errors| widened once, which is exactly 0 (plus TINY) when nothing was
 * rounded — as when a network's weights are compared with a copy of themselves, where the
 * a-priori bound γ_n Σ|terms| of {@link Rounding} would leave a difference of the order of the
 * weights' rounding, amplified layer after layer. Mutable, not thread-safe.
 */
final class TrackedSum {
    private double sum;
    private double error;
    private int steps;

    /** sum += a·b. */
    void addProduct(double a, double b) {
        double p = a * b;
        error += Math.abs(Math.fma(a, b, -p));
        add(p);
    }

    /** sum += x. */
    void add(double x) {
        double s = sum + x;
        error += Math.abs(Rounding.sumError(sum, x, s));
        sum = s;
        steps += 2;
    }

    /** The floating-point sum. */
    double value() {
        return sum;
    }

    /** A rigorous upper bound on |exact sum − {@link #value()}|. */
    double errorBound() {
        return Rounding.up(error, error, steps);
    }

    /** A rigorous upper bound on |exact sum|. */
    double absUp() {
        return Rounding.addUp(Math.abs(sum), errorBound());
    }
}
