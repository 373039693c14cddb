package org.reluscope.region;

import org.reluscope.bounds.ReluSplits;

/**
 * Receives what {@link RegionEnumerator} finds, as it finds it, so that regions stream out
 * without being kept in memory.
 *
 * <p>Unless the enumeration is {@link RegionOptions#sorted() sorted}, the methods are called
 * concurrently from the worker threads, in no particular order: implementations must be
 * thread-safe. Sorted runs call them from the calling thread, regions in pattern order.
 */
@FunctionalInterface
public interface RegionSink {

    /** A full-dimensional region (verified interior point). */
    void region(Region region);

    /**
     * A leaf piece without verified interior: lower-dimensional or thinner than the interior
     * tolerance. Only sent when {@link RegionOptions#refineThin()} is set (exact bounds need
     * them to stay sound); otherwise thin pieces are only counted.
     */
    default void thin(Region piece) {
    }

    /**
     * A piece left unexplored because a limit stopped the run: the inputs of the set that
     * satisfy {@code splits} contain it, so a sound over-approximation under those splits
     * covers it.
     */
    default void unexplored(ReluSplits splits) {
    }
}
