package org.reluscope.local;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A sound upper bound on the number of activation regions meeting an input set
 * ({@link RegionCountBound}), with the neuron classification it came from.
 *
 * @param upperBound    the bound, an exact integer (it can exceed any {@code long})
 * @param unstable      unstable neurons of each ReLU layer (copied)
 * @param neverNegative stable neurons of each ReLU layer that may be active (copied)
 * @param method        the bound method that classified the neurons ({@code crown}, {@code lp}, …)
 */
public record RegionBound(BigInteger upperBound, int[] unstable, int[] neverNegative, String method) {

    public RegionBound {
        Objects.requireNonNull(upperBound);
        unstable = unstable.clone();
        neverNegative = neverNegative.clone();
    }

    @Override
    public int[] unstable() {
        return unstable.clone();
    }

    @Override
    public int[] neverNegative() {
        return neverNegative.clone();
    }

    /** log₁₀ of the bound (−∞ for a bound of 0), for bounds too large to print usefully. */
    public double log10() {
        if (upperBound.signum() == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        int shift = Math.max(0, upperBound.bitLength() - 62);
        return Math.log10(upperBound.shiftRight(shift).doubleValue()) + shift * Math.log10(2);
    }

    /** Whether {@code count} regions are within the bound. */
    public boolean admits(long count) {
        return upperBound.compareTo(BigInteger.valueOf(count)) >= 0;
    }
}
