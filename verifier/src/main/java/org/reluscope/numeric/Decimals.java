package org.reluscope.numeric;

import java.math.BigDecimal;

/**
 * Conversions between exact decimal numbers (as written in property files) and doubles, with
 * the direction of rounding chosen by the caller.
 *
 * <p>A decimal such as 0.03 has no exact double. A bound read from a file is therefore
 * rounded outward (an upper bound up, a lower bound down) so that the set we analyse contains
 * the set the file describes; {@link #exactText(double)} writes a double back so that reading
 * it again gives the same double, with no further widening.
 */
public final class Decimals {
    private Decimals() {
    }

    /** The smallest double ≥ x (+∞ beyond the double range). Never −0.0. */
    public static double up(BigDecimal x) {
        double d = x.doubleValue();
        if (d == Double.NEGATIVE_INFINITY) {
            return -Double.MAX_VALUE;
        }
        while (Double.isFinite(d) && new BigDecimal(d).compareTo(x) < 0) {
            d = Math.nextUp(d);
        }
        return d + 0.0;
    }

    /** The largest double ≤ x (−∞ beyond the double range). Never −0.0. */
    public static double down(BigDecimal x) {
        return -up(x.negate()) + 0.0;
    }

    /** The nearest double to x (ties to even; ±∞ beyond the double range). Never −0.0. */
    public static double nearest(BigDecimal x) {
        return x.doubleValue() + 0.0;
    }

    /**
     * Decimal text that denotes exactly the value of the finite double d: the short form of
     * {@link Double#toString(double)} when it is exact, otherwise the full expansion.
     */
    public static String exactText(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("cannot write " + d + " as a decimal");
        }
        if (d == 0) {
            return "0.0";
        }
        String shortForm = Double.toString(d);
        BigDecimal exact = new BigDecimal(d);
        return new BigDecimal(shortForm).compareTo(exact) == 0 ? shortForm : exact.toString();
    }
}
