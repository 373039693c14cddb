package org.reluscope.verify.bab;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.ViolationLp;
import org.reluscope.input.InputSet;
import org.reluscope.lp.LpSolver;
import org.reluscope.net.Network;
import org.reluscope.spec.LinearConstraints;
import org.reluscope.verify.Deadline;
import org.reluscope.verify.DisjunctOutcome;
import org.reluscope.verify.DisjunctSearch;
import org.reluscope.verify.Witness;

/**
 * Complete search by branch and bound over ReLU phases (as in α,β-CROWN's and nnenum's
 * complete modes), for inputs too wide to split: every node fixes the phases of some ReLUs,
 * is bounded by CROWN, α,β-CROWN and, where it may pay, the triangle LP of its unsafe rows
 * ({@link NodeBounder}), starting from α-CROWN bounds of the whole set, and is
 * pruned when a rigorous bound excludes the unsafe set, or else split in two on the
 * best-scoring unstable ReLU. Since the two phases of a neuron cover its whole range, the
 * leaves of a finished tree cover the input set, so "every leaf pruned" proves the disjunct;
 * a node whose ReLUs are all fixed has an exact LP, whose minimiser is the witness if there
 * is one.
 *
 * <p>Depth first, the more promising child first, on {@code threads} workers sharing one
 * stack (last in, first out): memory stays proportional to depth × workers, and the first
 * counterexample found stops everyone. Answers: {@link Witness} only with a
 * witness that passed {@link org.reluscope.verify.WitnessCheck}, {@link DisjunctOutcome.Proved}
 * only when every leaf was pruned by a sound bound, {@link DisjunctOutcome.Undecided} when the
 * deadline or the node limit came first, or when a leaf with every ReLU fixed was still
 * undecided (floating-point trouble at the LP's optimum).
 *
 * <p>A search {@link #start}ed for the verifier's time slices keeps its stack between slices,
 * so a resumed search repeats no work.
 *
 * <p>Thread-safe: each call has its own tree and workers.
 */
public final class ReluSplitSearch implements DisjunctSearch {
    /** How long an idle worker waits before looking at the stack again. */
    private static final long IDLE_NANOS = 200_000;

    private final ViolationLp lp;
    private final int threads;
    private final long maxNodes;
    private final AtomicReference<RootBounds> lastRoot = new AtomicReference<>();

    /**
     * @param solver   the LP solver of the node relaxations (it must report duals: glop, clp, ojalgo)
     * @param threads  workers per search (≥ 1)
     * @param maxNodes the search gives up (undecided) after this many nodes
     */
    public ReluSplitSearch(LpSolver solver, int threads, long maxNodes) {
        if (threads < 1 || maxNodes < 1) {
            throw new IllegalArgumentException("threads and node limit must be positive, got " + threads + ", "
                    + maxNodes);
        }
        this.lp = new ViolationLp(Objects.requireNonNull(solver));
        this.threads = threads;
        this.maxNodes = maxNodes;
    }

    @Override
    public String name() {
        return "relu-bab";
    }

    @Override
    public DisjunctOutcome search(Network network, InputSet input, LinearConstraints unsafe, Deadline deadline) {
        return start(network, input, unsafe).resume(deadline);
    }

    /** A search whose open nodes stay on its stack between slices, so that a resumed search repeats no work. */
    @Override
    public Resumable start(Network network, InputSet input, LinearConstraints unsafe) {
        if (input.dimension() != network.inputSize() || (unsafe.rowCount() > 0
                && unsafe.row(0).length != network.outputSize())) {
            throw new IllegalArgumentException("disjunct of " + input.dimension() + " inputs does not fit " + network);
        }
        NodeBounder bounder = new NodeBounder(network, input, unsafe);
        Tree tree = new Tree(bounder, rootBounds(network, input, bounder));
        tree.push(BabNode.root(tree.root.layers()));
        return tree;
    }

    /** The root bounds of the input set, computed once for all the disjuncts that share it. */
    private Bounds rootBounds(Network network, InputSet input, NodeBounder bounder) {
        RootBounds last = lastRoot.get();
        if (last != null && last.network == network && last.input.equals(input)) {
            return last.bounds;
        }
        Bounds bounds = bounder.rootBounds();
        lastRoot.set(new RootBounds(network, input, bounds));
        return bounds;
    }

    /** Bounds of the whole input set (no splits). */
    private record RootBounds(Network network, InputSet input, Bounds bounds) {
    }

    /** A worker's own warm LP session, opened when the worker first needs the LP. */
    private final class WorkerLp implements Supplier<ViolationLp.Session>, AutoCloseable {
        private final Tree tree;
        private ViolationLp.Session session;

        WorkerLp(Tree tree) {
            this.tree = tree;
        }

        @Override
        public ViolationLp.Session get() {
            if (session == null) {
                session = tree.bounder.openLp(lp, tree.root);
            }
            return session;
        }

        @Override
        public void close() {
            if (session != null) {
                session.close();
            }
        }
    }

    /** The shared state of one search, kept between the slices it is resumed in. */
    private final class Tree implements Resumable {
        final NodeBounder bounder;
        final ConcurrentLinkedDeque<BabNode> stack = new ConcurrentLinkedDeque<>();
        /** Bounds of the root, for the root node and all LP sessions. */
        final Bounds root;

        /** Nodes pushed and not yet finished; the search is over when it reaches 0. */
        final AtomicInteger open = new AtomicInteger();
        final AtomicLong nodes = new AtomicLong();
        /** The first decisive event: a witness, or why the search stopped for good. */
        final AtomicReference<DisjunctOutcome> stop = new AtomicReference<>();
        /** Set when some leaf stayed undecided: the tree can then no longer prove the disjunct. */
        volatile boolean stuck;
        /** The current slice's LP policy. */
        private LpUsage lpUsage;

        Tree(NodeBounder bounder, Bounds root) {
            this.bounder = bounder;
            this.root = root;
        }

        void push(BabNode node) {
            open.incrementAndGet();
            stack.addLast(node);
        }

        /**
         * Runs the workers until the tree is finished, a witness is found or {@code until}
         * expires; workers finish the node in hand, so every open node is back on the stack
         * for the next slice. Not thread-safe.
         */
        @Override
        public long nodes() {
            return nodes.get();
        }

        @Override
        public DisjunctOutcome resume(Deadline until) {
            lpUsage = new LpUsage(threads);
            List<Thread> workers = new ArrayList<>();
            for (int t = 1; t < threads; t++) {
                Thread w = new Thread(() -> work(until), "relu-bab-" + t);
                w.setDaemon(true);
                w.start();
                workers.add(w);
            }
            work(until);
            for (Thread w : workers) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop.compareAndSet(null, new DisjunctOutcome.Undecided("interrupted", true));
                }
            }
            return outcome();
        }

        void work(Deadline until) {
            WorkerLp session = new WorkerLp(this);
            try {
                workWith(session, until);
            } finally {
                session.close();
            }
        }

        private void workWith(WorkerLp session, Deadline until) {
            while (stop.get() == null && open.get() > 0 && !until.expired()) {
                BabNode node = stack.pollLast();
                if (node == null) {
                    LockSupport.parkNanos(IDLE_NANOS);
                    continue;
                }
                if (nodes.incrementAndGet() > maxNodes) {
                    stop.compareAndSet(null, new DisjunctOutcome.Undecided("relu-bab: node limit " + maxNodes
                            + " reached", false));
                    return;
                }
                try {
                    expand(node, session);
                } catch (RuntimeException e) {
                    // A solver failure must end the search as undecided, not leave the other workers waiting.
                    stop.compareAndSet(null, new DisjunctOutcome.Undecided("relu-bab: " + e, false));
                }
                open.decrementAndGet();
            }
        }

        private void expand(BabNode node, WorkerLp session) {
            NodeBounder.Step step = bounder.evaluate(node, lpUsage, session);
            if (step instanceof NodeBounder.Step.Found f) {
                stop.compareAndSet(null, f.witness());
            } else if (step instanceof NodeBounder.Step.Stuck) {
                stuck = true;
            } else if (step instanceof NodeBounder.Step.Branch br) {
                push(br.second());
                push(br.first());
            }
        }

        DisjunctOutcome outcome() {
            DisjunctOutcome early = stop.get();
            if (early != null) {
                return early;
            }
            if (open.get() > 0) {
                return new DisjunctOutcome.Undecided("relu-bab: time ran out after " + nodes.get() + " nodes", true);
            }
            if (stuck) {
                return new DisjunctOutcome.Undecided("relu-bab: a leaf with every ReLU fixed stayed undecided after "
                        + nodes.get() + " nodes", false);
            }
            return new DisjunctOutcome.Proved(name());
        }
    }
}
