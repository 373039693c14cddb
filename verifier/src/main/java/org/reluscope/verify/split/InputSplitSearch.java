package org.reluscope.verify.split;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.net.Network;
import org.reluscope.spec.LinearConstraints;
import org.reluscope.verify.Deadline;
import org.reluscope.verify.DisjunctOutcome;
import org.reluscope.verify.DisjunctSearch;
import org.reluscope.verify.Witness;

/**
 * Complete search by input splitting, for low-dimensional inputs (ACAS Xu has 5): the input
 * set's bounding box is bisected until every sub-box is closed by {@link BoxEvaluation} (sound
 * bounds exclude the unsafe outputs there) or one yields a checked witness. Each split halves
 * the coordinate chosen by {@link Smear}; both children are evaluated (the parent's layer
 * bounds passed down as known bounds). Two orders run side by side, as a portfolio, since
 * each finds ACAS Xu counterexamples that the other misses:
 * <ul>
 *   <li>best first with dives: workers share a frontier ordered by score, take the open node
 *       furthest from a proof, where a witness is likeliest, and search below it depth first
 *       (lower-score child first) for a while (depth first alone missed 5_3 prop_2);</li>
 *   <li>with two or more threads, one worker, the diver, searches depth first (lower-score
 *       child first) without returning to the frontier, handing the bottom of its stack to the
 *       others when the frontier runs dry (best first alone misses 1_9 prop_7, whose witness
 *       an earlier fork/join depth-first search found after about 12 k boxes; one diver beside
 *       best first finds it only sometimes, two divers every time measured but slow 5_3
 *       prop_2 tenfold).</li>
 * </ul>
 * An unsat proof must close every node whatever the order; to keep memory bounded on large
 * trees, a worker that finds the frontier full finishes its node's subtree itself. Searches {@link #start}ed
 * for the verifier's time slices keep their frontier and the diver's stack between slices
 * (the other workers put back what is left on their stacks when a slice ends), so a resumed
 * search repeats no work.
 *
 * <p>Terminates on a finite-precision box: a side that no longer splits in double precision
 * leaves the disjunct {@link DisjunctOutcome.Undecided}. Thread-safe.
 */
public final class InputSplitSearch implements DisjunctSearch {
    /** Open nodes kept in the best-first frontier before workers switch to depth first below their node. */
    private static final int FRONTIER_LIMIT = 20_000;
    /**
     * Splits a worker makes depth first below a node taken from the frontier before returning
     * what is left: dives reach leaves (and witnesses) fast, the frontier keeps the search
     * going where witnesses are likeliest (measured on ACAS Xu 5_3 prop_2, sat: 15 s best-first
     * alone, 1.3 s with dives of 512; depth first alone never found it).
     */
    private static final long DIVE = 512;
    /** How long an idle worker waits before looking at the frontier again. */
    private static final long IDLE_NANOS = 100_000;

    private final int threads;

    /** A search using {@code threads} worker threads (≥ 1). */
    public InputSplitSearch(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String name() {
        return "input-split";
    }

    @Override
    public DisjunctOutcome search(Network network, InputSet input, LinearConstraints unsafe, Deadline deadline) {
        return start(network, input, unsafe).resume(deadline);
    }

    /** A search whose open nodes stay in its frontier between slices, so that a resumed search repeats no work. */
    @Override
    public Resumable start(Network network, InputSet input, LinearConstraints unsafe) {
        return new Run(network, new BoxEvaluation(network, input, unsafe), threads, name());
    }

    private static void joinUninterruptibly(Thread worker) {
        boolean interrupted = false;
        while (worker.isAlive()) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The state shared by the workers of one search, kept between its slices. */
    private static final class Run implements Resumable {
        final Network network;
        final BoxEvaluation evaluation;
        final int threads;
        final String method;
        /** The current slice's deadline. */
        volatile Deadline deadline;
        /** The root's result once evaluated: the search starts at the first slice. */
        BoxEvaluation.Result root;
        /** Open nodes, lowest score (likeliest witness) first. */
        final PriorityBlockingQueue<SplitNode> frontier =
                new PriorityBlockingQueue<>(64, Comparator.comparingDouble(SplitNode::score));
        /** Workers holding a node taken from the frontier (the search is over when none does and it is empty). */
        final AtomicInteger busy = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final AtomicReference<Witness> witness = new AtomicReference<>();
        final AtomicBoolean tooThin = new AtomicBoolean();
        /** Set when a worker stopped with nodes left on its stack. */
        final AtomicBoolean abandoned = new AtomicBoolean();
        /** Boxes bounded so far. */
        final LongAdder boxes = new LongAdder();
        /** Each diver's stack (null for the other workers), kept between slices; touched by its own worker only. */
        final List<Deque<SplitNode>> dives = new ArrayList<>();

        Run(Network network, BoxEvaluation evaluation, int threads, String method) {
            this.network = network;
            this.evaluation = evaluation;
            this.threads = threads;
            this.method = method;
        }

        /** Runs the workers until the frontier is exhausted, a witness is found or {@code until} expires. Not thread-safe. */
        @Override
        public DisjunctOutcome resume(Deadline until) {
            if (root == null) {
                for (int t = 0; t < threads; t++) {
                    dives.add(t == 0 && threads > 1 ? new ArrayDeque<>() : null);
                }
                root = evaluation.evaluateRoot();
                if (root instanceof BoxEvaluation.Open open) {
                    frontier.add(open.node());
                }
            }
            if (root instanceof BoxEvaluation.Closed) {
                return new DisjunctOutcome.Proved(method);
            }
            if (root instanceof BoxEvaluation.Found found) {
                return found.witness();
            }
            deadline = until;
            // A diver holding nodes counts as busy from the start, so that no worker finds the
            // search over before the diver has run.
            int holding = (int) dives.stream().filter(d -> d != null && !d.isEmpty()).count();
            busy.set(holding);
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                Deque<SplitNode> dive = dives.get(t);
                boolean counted = dive != null && !dive.isEmpty();
                workers[t] = new Thread(() -> work(dive, counted), "input-split-" + t);
                workers[t].setDaemon(true);
                workers[t].start();
            }
            for (Thread worker : workers) {
                joinUninterruptibly(worker);
            }
            if (failure.get() instanceof RuntimeException e) {
                throw e;
            }
            if (failure.get() instanceof Error e) {
                throw e;
            }
            return outcome();
        }

        @Override
        public long nodes() {
            return boxes.sum();
        }

        boolean stopped() {
            return witness.get() != null || deadline.expired();
        }

        /** The open children of {@code node}, likeliest witness first (recording a witness or a box too thin to split). */
        List<SplitNode> split(SplitNode node) {
            Box box = node.box();
            int d = Smear.dimension(network, node.layers(), node.direction(), box);
            double mid = 0.5 * (box.lower(d) + box.upper(d));
            if (!(mid > box.lower(d) && mid < box.upper(d))) {
                tooThin.set(true);
                return List.of();
            }
            double[] hi = box.upper();
            hi[d] = mid;
            double[] lo = box.lower();
            lo[d] = mid;
            List<SplitNode> open = new ArrayList<>(2);
            for (Box child : List.of(new Box(box.lower(), hi), new Box(lo, box.upper()))) {
                BoxEvaluation.Result r = evaluation.evaluate(child, node.layers());
                boxes.increment();
                if (r instanceof BoxEvaluation.Found found) {
                    witness.compareAndSet(null, found.witness());
                    return List.of();
                }
                if (r instanceof BoxEvaluation.Open o) {
                    open.add(o.node());
                }
            }
            open.sort(Comparator.comparingDouble(SplitNode::score));
            return open;
        }

        /**
         * One worker. The diver continues its own depth-first search, taking a node from the
         * frontier only when its stack is empty. The others take the best open node and search
         * below it depth first for {@value #DIVE} splits, returning the rest to the frontier;
         * once the frontier holds {@value #FRONTIER_LIMIT} nodes, they finish the node's subtree
         * themselves, so that memory stays bounded.
         *
         * @param dive        the diver's stack, or null for a best-first worker
         * @param countedBusy whether {@link #busy} already counts this worker (a diver resuming with nodes)
         */
        void work(Deque<SplitNode> dive, boolean countedBusy) {
            boolean diver = dive != null;
            boolean counted = countedBusy;
            try {
                while (!stopped()) {
                    if (!counted) {
                        busy.incrementAndGet();
                    }
                    counted = false;
                    SplitNode node = diver && !dive.isEmpty() ? dive.pop() : frontier.poll();
                    if (node == null) {
                        if (busy.decrementAndGet() == 0 && frontier.isEmpty()) {
                            return;
                        }
                        LockSupport.parkNanos(IDLE_NANOS);
                        continue;
                    }
                    try {
                        if (diver) {
                            diveFrom(node, dive);
                        } else {
                            depthFirst(node, frontier.size() < FRONTIER_LIMIT ? DIVE : Long.MAX_VALUE);
                        }
                    } finally {
                        busy.decrementAndGet();
                    }
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
                abandoned.set(true);
            }
        }

        /**
         * Pure depth first below {@code node}, likeliest witness first, until the subtree is
         * done or the slice ends (the stack is then kept for the next slice). When the frontier
         * runs dry, the bottom of the stack — the largest pending subtree, last in depth-first
         * order — goes to the other workers.
         */
        private void diveFrom(SplitNode node, Deque<SplitNode> dive) {
            dive.push(node);
            while (!dive.isEmpty() && !stopped()) {
                List<SplitNode> next = split(dive.pop());
                for (int k = next.size() - 1; k >= 0; k--) {
                    dive.push(next.get(k));
                }
                if (frontier.isEmpty() && dive.size() > 1) {
                    frontier.add(dive.pollLast());
                }
            }
        }

        /**
         * Searches below {@code node} depth first, likeliest witness first, for at most
         * {@code budget} splits; what is left on the stack then goes back to the frontier.
         */
        private void depthFirst(SplitNode node, long budget) {
            Deque<SplitNode> stack = new ArrayDeque<>();
            stack.push(node);
            for (long n = 0; n < budget && !stack.isEmpty() && !stopped(); n++) {
                List<SplitNode> next = split(stack.pop());
                for (int k = next.size() - 1; k >= 0; k--) {
                    stack.push(next.get(k));
                }
            }
            frontier.addAll(stack);
        }

        private DisjunctOutcome outcome() {
            if (witness.get() != null) {
                return witness.get();
            }
            if (abandoned.get() || !frontier.isEmpty() || dives.stream().anyMatch(d -> d != null && !d.isEmpty())) {
                return new DisjunctOutcome.Undecided("time budget exhausted during input splitting", true);
            }
            if (tooThin.get()) {
                return new DisjunctOutcome.Undecided("input boxes too thin to split in double precision", false);
            }
            return new DisjunctOutcome.Proved(method);
        }
    }
}
