package org.reluscope.local;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The number of activation regions meeting a ball: exact when the enumeration finished within
 * its budget, else the sound upper bound.
 *
 * @param value the exact count, or the upper bound when {@code exact} is false
 * @param exact whether {@code value} is the exact count
 * @param bound the upper bound (always computed: it is cheap)
 */
public record RegionCount(BigInteger value, boolean exact, RegionBound bound) {
    public RegionCount {
        Objects.requireNonNull(value);
        Objects.requireNonNull(bound);
    }

    /** The value as a double, for statistics (+∞ beyond the double range). */
    public double asDouble() {
        return value.doubleValue();
    }
}
