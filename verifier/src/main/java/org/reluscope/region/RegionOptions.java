package org.reluscope.region;

/**
 * Settings of a {@link RegionEnumerator} run.
 *
 * @param threads           worker threads (≥ 1)
 * @param maxRegions        stop after this many regions (≥ 1; {@link Long#MAX_VALUE} for no limit)
 * @param timeoutSeconds    stop after this wall time (&gt; 0; +∞ for none)
 * @param sorted            deliver regions in pattern order from the calling thread (buffers them)
 * @param interiorTolerance a region counts when a point lies farther than this from its boundary
 *                          and the set's, relative to the set's size (half the largest box width
 *                          or the ball radius)
 * @param refineThin        also refine pieces without verified interior down to leaves and send
 *                          them to {@link RegionSink#thin} (exact bounds need this; counting does not)
 * @param warmStarts        decide halves and sweep objectives through each task's {@link PieceSupport}
 *                          (warm LP sessions for a box, column generation for a ball); off, every test
 *                          is a cold slack LP (the benchmarks' baseline)
 * @param outerBoxes        screen neurons by their interval over each piece's outer box ({@link PieceBox})
 *                          before any LP; off only for the benchmarks' baseline
 */
public record RegionOptions(int threads, long maxRegions, double timeoutSeconds, boolean sorted,
                            double interiorTolerance, boolean refineThin, boolean warmStarts,
                            boolean outerBoxes) {
    /** The default relative interior tolerance. */
    public static final double DEFAULT_INTERIOR_TOLERANCE = 1e-7;

    /** @throws IllegalArgumentException naming the bad value */
    public RegionOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        if (maxRegions < 1) {
            throw new IllegalArgumentException("max regions must be ≥ 1, got " + maxRegions);
        }
        if (!(timeoutSeconds > 0)) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeoutSeconds);
        }
        if (!(interiorTolerance > 0 && interiorTolerance < 1)) {
            throw new IllegalArgumentException("interior tolerance must be in (0, 1), got " + interiorTolerance);
        }
    }

    /** All cores, no limits, unsorted, default tolerance, thin pieces only counted, warm starts, outer boxes. */
    public static RegionOptions defaults() {
        return new RegionOptions(Runtime.getRuntime().availableProcessors(), Long.MAX_VALUE,
                Double.POSITIVE_INFINITY, false, DEFAULT_INTERIOR_TOLERANCE, false, true, true);
    }

    /** {@link System#nanoTime()} at which a run started at {@code startNanos} must stop; {@link Long#MAX_VALUE} for none. */
    long deadline(long startNanos) {
        return Double.isInfinite(timeoutSeconds) ? Long.MAX_VALUE : startNanos + (long) (timeoutSeconds * 1e9);
    }

    public RegionOptions withThreads(int n) {
        return new RegionOptions(n, maxRegions, timeoutSeconds, sorted, interiorTolerance,
                refineThin, warmStarts, outerBoxes);
    }

    public RegionOptions withMaxRegions(long n) {
        return new RegionOptions(threads, n, timeoutSeconds, sorted, interiorTolerance,
                refineThin, warmStarts, outerBoxes);
    }

    public RegionOptions withTimeout(double seconds) {
        return new RegionOptions(threads, maxRegions, seconds, sorted, interiorTolerance,
                refineThin, warmStarts, outerBoxes);
    }

    public RegionOptions withSorted(boolean s) {
        return new RegionOptions(threads, maxRegions, timeoutSeconds, s, interiorTolerance,
                refineThin, warmStarts, outerBoxes);
    }

    public RegionOptions withRefineThin(boolean r) {
        return new RegionOptions(threads, maxRegions, timeoutSeconds, sorted, interiorTolerance,
                r, warmStarts, outerBoxes);
    }

    public RegionOptions withWarmStarts(boolean w) {
        return new RegionOptions(threads, maxRegions, timeoutSeconds, sorted, interiorTolerance,
                refineThin, w, outerBoxes);
    }

    public RegionOptions withOuterBoxes(boolean o) {
        return new RegionOptions(threads, maxRegions, timeoutSeconds, sorted, interiorTolerance,
                refineThin, warmStarts, o);
    }
}
