package org.reluscope.verify.split;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.net.Network;
import org.reluscope.spec.LinearConstraints;
import org.reluscope.verify.Deadline;
import org.reluscope.verify.DisjunctOutcome;
import org.reluscope.verify.DisjunctSearch;

/**
 * Complete search by input splitting, for low-dimensional inputs (ACAS Xu has 5): the input
 * set's bounding box is bisected until every sub-box is closed by {@link BoxEvaluation} (sound
 * bounds exclude the unsafe outputs there) or one yields a checked witness. Each split halves
 * the coordinate chosen by {@link Smear}; both children are evaluated (the parent's layer
 * bounds passed down as known bounds) and the one with the lower score — further from a proof,
 * so likelier to hold a witness — is searched first, depth first. The depth-first search runs
 * on a fork/join pool of {@code threads} workers: a worker keeps its own stack and hands the
 * second child to the pool while other workers are idle.
 *
 * <p>Terminates on a finite-precision box: a side that no longer splits in double precision
 * leaves the disjunct {@link DisjunctOutcome.Undecided}. Thread-safe.
 */
public final class InputSplitSearch implements DisjunctSearch {
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
        BoxEvaluation evaluation = new BoxEvaluation(network, input, unsafe);
        BoxEvaluation.Result root = evaluation.evaluate(input.boundingBox(), List.of());
        if (root instanceof BoxEvaluation.Closed) {
            return new DisjunctOutcome.Proved(name());
        }
        if (root instanceof BoxEvaluation.Found found) {
            return found.witness();
        }
        Run run = new Run(network, evaluation, deadline);
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.invoke(new Branch(run, ((BoxEvaluation.Open) root).node()));
        } finally {
            pool.shutdownNow();
        }
        return run.outcome(name());
    }

    /** The state shared by the workers of one search. */
    private static final class Run {
        final Network network;
        final BoxEvaluation evaluation;
        final Deadline deadline;
        final AtomicReference<DisjunctOutcome.Violated> witness = new AtomicReference<>();
        final AtomicBoolean tooThin = new AtomicBoolean();
        /** Set when a worker stopped with nodes left on its stack. */
        final AtomicBoolean abandoned = new AtomicBoolean();

        Run(Network network, BoxEvaluation evaluation, Deadline deadline) {
            this.network = network;
            this.evaluation = evaluation;
            this.deadline = deadline;
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

        DisjunctOutcome outcome(String method) {
            if (witness.get() != null) {
                return witness.get();
            }
            if (abandoned.get()) {
                return new DisjunctOutcome.Undecided("time budget exhausted during input splitting", true);
            }
            if (tooThin.get()) {
                return new DisjunctOutcome.Undecided("input boxes too thin to split in double precision", false);
            }
            return new DisjunctOutcome.Proved(method);
        }
    }

    /** Depth-first search below one node; idle workers steal the second children it forks. */
    private static final class Branch extends RecursiveAction {
        private final Run run;
        private final SplitNode start;

        Branch(Run run, SplitNode start) {
            this.run = run;
            this.start = start;
        }

        @Override
        protected void compute() {
            List<Branch> forked = new ArrayList<>();
            Deque<SplitNode> stack = new ArrayDeque<>();
            stack.push(start);
            while (!stack.isEmpty() && !run.stopped()) {
                List<SplitNode> children = run.split(stack.pop());
                for (int k = children.size() - 1; k >= 1; k--) {
                    if (getSurplusQueuedTaskCount() < 1 && getPool().getParallelism() > 1) {
                        Branch b = new Branch(run, children.get(k));
                        b.fork();
                        forked.add(b);
                    } else {
                        stack.push(children.get(k));
                    }
                }
                if (!children.isEmpty()) {
                    stack.push(children.get(0));
                }
            }
            if (!stack.isEmpty()) {
                run.abandoned.set(true);
            }
            for (Branch b : forked) {
                b.join();
            }
        }
    }
}
