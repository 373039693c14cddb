package org.reluscope.verify.bab;

import java.util.concurrent.atomic.AtomicLong;

/**
 * When a branch-and-bound node may run its triangle LP ({@link NodeBounder}). With α-CROWN
 * bounds on the nodes the LP rarely prunes (its model keeps the root's chords, which α-CROWN
 * replaces by the node's), yet its minimiser is the best candidate witness; at 10–30× the cost
 * of a node's bounds it must not crowd out the search. So the LP runs
 * <ul>
 *   <li>where it may prune: margin + 2·gain &gt; 0, gain being the running average of what the
 *       LP has added to the best other bound (+∞ until the first LP, so the root runs it);</li>
 *   <li>to hunt for witnesses, only while the LPs have taken at most {@value #HUNT_SHARE} of
 *       the workers' time.</li>
 * </ul>
 * Updated racily by the workers: only a heuristic. Thread-safe.
 */
final class LpUsage {
    private static final double HUNT_SHARE = 0.1;

    private final long start = System.nanoTime();
    private final int workers;
    private final AtomicLong lpNanos = new AtomicLong();
    private volatile double gain = Double.POSITIVE_INFINITY;

    LpUsage(int workers) {
        this.workers = workers;
    }

    /** Whether the LP may prune a node whose best bound so far leaves this margin (&lt; 0). */
    boolean mayPrune(double margin) {
        return margin + 2 * gain > 0;
    }

    /** Whether a witness hunt fits in the LP's share of the time. */
    boolean mayHunt() {
        return lpNanos.get() <= HUNT_SHARE * workers * (System.nanoTime() - start);
    }

    /** Records one LP run: its gain over the best other bound, and its time. */
    void record(double gainOverMargin, long nanos) {
        lpNanos.addAndGet(nanos);
        if (Double.isFinite(gainOverMargin)) {
            double g = Math.max(0, gainOverMargin);
            gain = gain == Double.POSITIVE_INFINITY ? g : 0.8 * gain + 0.2 * g;
        }
    }
}
