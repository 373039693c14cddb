package org.reluscope.region;

/**
 * A snapshot of a running enumeration, for progress bars.
 *
 * @param seconds wall time so far
 * @param pieces  pieces processed (splits and leaves)
 * @param open    pieces waiting or in work
 * @param regions regions found so far
 * @param thin    thin pieces so far
 */
public record Progress(double seconds, long pieces, long open, long regions, long thin) {
    /** Regions per second so far. */
    public double regionsPerSecond() {
        return seconds > 0 ? regions / seconds : 0;
    }
}
