package org.reluscope.local;

import java.util.Objects;

import org.reluscope.bounds.OutputBounder;
import org.reluscope.input.Box;

/**
 * Settings of a {@link Neighborhood} analysis.
 *
 * @param norm           the norm of the balls
 * @param radius         their radius (finite, ≥ 0)
 * @param domain         a box every input is kept in (e.g. pixels in [0, 1]), or {@code null}
 * @param classifier     the sound bounds that classify neurons as stable for the region bound
 * @param exactRegions   count regions exactly when there are at most this many (0: never)
 * @param exactSeconds   and when the enumeration takes at most this long per point
 * @param maxRadius      bisect the certified radius over [0, maxRadius]; 0 for no bisection
 * @param bisectionSteps halvings of the bisection
 */
public record NeighborhoodOptions(DistanceNorm norm, double radius, Box domain, OutputBounder classifier,
                                  long exactRegions, double exactSeconds, double maxRadius, int bisectionSteps) {
    /** @throws IllegalArgumentException naming the bad value */
    public NeighborhoodOptions {
        Objects.requireNonNull(norm);
        Objects.requireNonNull(classifier);
        if (!(radius >= 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("radius must be a finite number ≥ 0, got " + radius);
        }
        if (exactRegions < 0) {
            throw new IllegalArgumentException("exact region budget must be ≥ 0, got " + exactRegions);
        }
        if (!(exactSeconds > 0)) {
            throw new IllegalArgumentException("exact counting time must be positive, got " + exactSeconds);
        }
        if (!(maxRadius >= 0) || Double.isInfinite(maxRadius)) {
            throw new IllegalArgumentException("max radius must be a finite number ≥ 0, got " + maxRadius);
        }
        if (bisectionSteps < 0) {
            throw new IllegalArgumentException("bisection steps must be ≥ 0, got " + bisectionSteps);
        }
    }
}
