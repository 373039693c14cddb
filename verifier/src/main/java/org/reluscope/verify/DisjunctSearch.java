package org.reluscope.verify;

import org.reluscope.input.InputSet;
import org.reluscope.net.Network;
import org.reluscope.spec.LinearConstraints;

/**
 * A complete (given time) search deciding whether some x in an input set has f(x) in the
 * unsafe polyhedron { y : A y ≤ b }: input splitting for low-dimensional inputs, branch and
 * bound over ReLU phases for wide ones. Implementations must only answer
 * {@link DisjunctOutcome.Proved} with a sound proof and {@link Witness} with a
 * witness accepted by {@link WitnessCheck}; they stop with {@link DisjunctOutcome.Undecided} when
 * {@code deadline} expires. Implementations are thread-safe.
 */
public interface DisjunctSearch {

    /** A short name for reports, e.g. {@code input-split} or {@code relu-bab}. */
    String name();

    DisjunctOutcome search(Network network, InputSet input, LinearConstraints unsafe, Deadline deadline);

    /**
     * The same search run in several slices of time, as when open disjuncts take turns: each
     * {@link Resumable#resume} continues where the last one stopped. The default starts afresh
     * every time; a search that can keep its open nodes overrides it.
     */
    default Resumable start(Network network, InputSet input, LinearConstraints unsafe) {
        return new Resumable() {
            @Override
            public DisjunctOutcome resume(Deadline deadline) {
                return search(network, input, unsafe, deadline);
            }

            @Override
            public long nodes() {
                return 0;
            }
        };
    }

    /** One disjunct's search, paused between slices. */
    interface Resumable {
        /** Searches on until {@code deadline}; the outcome is final unless it is a timed-out {@link DisjunctOutcome.Undecided}. */
        DisjunctOutcome resume(Deadline deadline);

        /**
         * Nodes (boxes, ReLU-split subproblems) bounded so far, for progress reports; may be read
         * from another thread while the search runs; 0 for a search that does not count them.
         */
        long nodes();
    }
}
