package org.reluscope.verify;

import java.time.Duration;

/**
 * The one time budget shared by every stage of a verification run (falsifier, bounds, search),
 * as an absolute point on {@link System#nanoTime()}'s clock so that it can be handed to worker
 * threads and checked cheaply.
 *
 * @param endNanos the {@code System.nanoTime()} value at which the budget runs out
 */
public record Deadline(long endNanos) {
    /** No limit at all (far enough in the future never to be reached). */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    /** A deadline {@code budget} from now; a zero or negative budget is already expired. */
    public static Deadline in(Duration budget) {
        long now = System.nanoTime();
        long nanos = budget.toNanos();
        // Saturate instead of overflowing for huge budgets.
        return new Deadline(nanos >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos);
    }

    public boolean expired() {
        return this != NONE && endNanos != Long.MAX_VALUE && System.nanoTime() - endNanos >= 0;
    }

    /** Time left, never negative. */
    public Duration remaining() {
        if (endNanos == Long.MAX_VALUE) {
            return Duration.ofNanos(Long.MAX_VALUE);
        }
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    /** The earlier of this deadline and {@code budget} from now (a stage's own slice of the budget). */
    public Deadline atMost(Duration budget) {
        Deadline other = in(budget);
        return other.endNanos - endNanos < 0 ? other : this;
    }
}
