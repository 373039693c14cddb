package org.reluscope.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.reluscope.bounds.BoundOptions;
import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.ReluSplits;
import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.input.InputSet;
import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpSolvers;
import org.reluscope.net.Network;
import org.reluscope.spec.LinearConstraints;
import org.reluscope.spec.Property;
import org.reluscope.verify.bab.ReluSplitSearch;
import org.reluscope.verify.split.InputSplitSearch;

/**
 * Decides a VNN-LIB property: it holds (unsat) when every disjunct is proven unreachable, and
 * is violated (sat) as soon as one disjunct has a checked witness. Each stage is cheap before
 * expensive, and all share one {@link Deadline}:
 * <ol>
 *   <li>the {@link Falsifier} on each input set (all of its disjuncts at once);</li>
 *   <li>CROWN bounds once per input set: a disjunct is excluded when the lower bound of one of
 *       its unsafe rows a·y exceeds the row's right-hand side;</li>
 *   <li>a complete {@link DisjunctSearch} for each disjunct left: input splitting
 *       ({@link InputSplitSearch}) when the input has at most
 *       {@value #INPUT_SPLIT_MAX_DIMENSION} coordinates, branch and bound over ReLU phases with
 *       LP bounds ({@link ReluSplitSearch}) otherwise, in growing time slices, with the
 *       falsifier's restarts ({@link Falsifier#restart}) between rounds of slices.</li>
 * </ol>
 * Disjuncts are grouped by input set so that work on one set is shared; several open disjuncts
 * share the search's time in growing slices, so that none starves the others. The answer is
 * {@code unsat} only when every disjunct was proven; a stage that gives up leaves
 * {@code unknown}, an exhausted budget {@code timeout}.
 */
public final class Verifier {
    /** Input dimension up to which input splitting is the complete search. */
    public static final int INPUT_SPLIT_MAX_DIMENSION = 16;
    /**
     * Each open disjunct gets this slice of the budget in turn, then a slice
     * {@value #SLICE_GROWTH} times longer, and so on: a witness in a later disjunct is not
     * starved by a hard earlier one; a search that keeps its open nodes between slices
     * ({@link DisjunctSearch#start}) repeats no work, others repeat at most a constant factor.
     */
    private static final Duration FIRST_SLICE = Duration.ofSeconds(2);
    private static final int SLICE_GROWTH = 4;
    /**
     * After each round of slices that leaves disjuncts open, the falsifier's restarts get
     * 1/{@value #FALSIFIER_SHARE} of the round's time: hard sat instances whose counterexamples
     * are too rare for sampling (ACAS Xu 1_9 prop_7) are found this way, while unsat ones pay a
     * fifth at most. The restarts run on every thread, each with its own seed.
     */
    private static final int FALSIFIER_SHARE = 4;
    /**
     * One node LP of relu-bab may take at most this share of the budget, and at most
     * {@value #MAX_LP_SECONDS} s: GLOP has been seen to stall in warm re-solves, and a solve the
     * search cannot interrupt would outlive the deadline. An LP stopped at its limit only fails
     * to prune (sound); mnistfc's node LPs take 0.15–0.5 s.
     */
    private static final double LP_SHARE = 0.05;
    private static final double MAX_LP_SECONDS = 10;

    private final VerifierOptions options;
    private final SymbolicPropagation crown = new SymbolicPropagation();

    public Verifier(VerifierOptions options) {
        this.options = options;
    }

    public VerificationResult verify(Network network, Property property) {
        return verify(network, property, new ProgressBoard());
    }

    /** Decides {@code property}, keeping {@code board} up to date for progress reports. */
    public VerificationResult verify(Network network, Property property, ProgressBoard board) {
        long start = System.nanoTime();
        Deadline deadline = Deadline.in(options.timeout());
        Decision d = decide(network, property, deadline, board);
        return new VerificationResult(d.verdict(), (System.nanoTime() - start) * 1e-9, d.method());
    }

    private record Decision(Verdict verdict, String method) {
    }

    /** A disjunct the cheap stages left open, with its resumable complete search. */
    private record OpenDisjunct(InputSet input, LinearConstraints unsafe, DisjunctSearch.Resumable search) {
    }

    private Decision decide(Network network, Property property, Deadline deadline, ProgressBoard board) {
        Map<InputSet, List<LinearConstraints>> groups = property.byInputSet();
        board.stage("falsifier");
        Falsifier falsifier = new Falsifier(network, options.seed());
        for (Map.Entry<InputSet, List<LinearConstraints>> group : groups.entrySet()) {
            Optional<Witness> w = falsifier.falsify(group.getKey(), group.getValue(), deadline);
            if (w.isPresent()) {
                return sat(w.get(), "falsifier");
            }
        }
        List<Falsifier> restarters = new ArrayList<>();
        for (int t = 0; t < options.threads(); t++) {
            restarters.add(new Falsifier(network, options.seed() + 1 + t));
        }
        Set<String> methods = new LinkedHashSet<>();
        DisjunctSearch search = completeSearch(network);
        board.stage(crown.name());
        List<OpenDisjunct> open = new ArrayList<>();
        for (Map.Entry<InputSet, List<LinearConstraints>> group : groups.entrySet()) {
            if (deadline.expired()) {
                return new Decision(new Verdict.Timeout(), "");
            }
            Bounds bounds = crown.compute(network, group.getKey());
            for (LinearConstraints unsafe : group.getValue()) {
                if (excludedByOneRow(network, group.getKey(), bounds, unsafe)) {
                    methods.add(crown.name());
                } else {
                    DisjunctSearch.Resumable started = search.start(network, group.getKey(), unsafe);
                    board.started(started);
                    open.add(new OpenDisjunct(group.getKey(), unsafe, started));
                }
            }
        }
        List<String> undecided = new ArrayList<>();
        Duration slice = FIRST_SLICE;
        while (!open.isEmpty()) {
            long roundStart = System.nanoTime();
            List<OpenDisjunct> again = new ArrayList<>();
            for (int k = 0; k < open.size(); k++) {
                OpenDisjunct d = open.get(k);
                board.stage(open.size() == 1 ? search.name()
                        : search.name() + ", disjunct " + (k + 1) + " of " + open.size());
                DisjunctOutcome outcome = d.search().resume(deadline.atMost(slice));
                if (outcome instanceof Witness v) {
                    return sat(v, search.name());
                }
                if (outcome instanceof DisjunctOutcome.Proved p) {
                    methods.add(p.method());
                } else if (outcome instanceof DisjunctOutcome.Undecided u) {
                    if (deadline.expired()) {
                        return new Decision(new Verdict.Timeout(), "");
                    }
                    if (u.timedOut()) {
                        again.add(d);
                    } else {
                        undecided.add(u.reason());
                    }
                }
            }
            open = again;
            if (!open.isEmpty()) {
                Duration share = Duration.ofNanos(System.nanoTime() - roundStart).dividedBy(FALSIFIER_SHARE);
                board.stage("falsifier restarts");
                Optional<Witness> w = restartFalsifiers(restarters, open, deadline.atMost(share));
                if (w.isPresent()) {
                    return sat(w.get(), "falsifier");
                }
            }
            slice = slice.multipliedBy(SLICE_GROWTH);
        }
        if (!undecided.isEmpty()) {
            return new Decision(new Verdict.Unknown(undecided.get(0)), "");
        }
        String method = String.join("+", methods);
        return new Decision(new Verdict.Unsat(method), method);
    }

    /**
     * The falsifier's restarts on the open disjuncts within {@code budget}, on every thread (each
     * with its own falsifier and seed, continuing its stream from the previous round).
     */
    private static Optional<Witness> restartFalsifiers(List<Falsifier> falsifiers, List<OpenDisjunct> open,
                                                       Deadline budget) {
        Map<InputSet, List<LinearConstraints>> bySet = new LinkedHashMap<>();
        for (OpenDisjunct d : open) {
            bySet.computeIfAbsent(d.input(), k -> new ArrayList<>()).add(d.unsafe());
        }
        List<CompletableFuture<Optional<Witness>>> runs = new ArrayList<>();
        for (Falsifier f : falsifiers) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                for (Map.Entry<InputSet, List<LinearConstraints>> e : bySet.entrySet()) {
                    Optional<Witness> w = f.restart(e.getKey(), e.getValue(), budget);
                    if (w.isPresent() || budget.expired()) {
                        return w;
                    }
                }
                return Optional.<Witness>empty();
            }, runnable -> {
                Thread t = new Thread(runnable, "falsifier-restart");
                t.setDaemon(true);
                t.start();
            }));
        }
        return runs.stream().map(CompletableFuture::join).flatMap(Optional::stream).findFirst();
    }

    private DisjunctSearch completeSearch(Network network) {
        if (network.inputSize() <= INPUT_SPLIT_MAX_DIMENSION) {
            return new InputSplitSearch(options.threads());
        }
        double lpLimit = Math.min(MAX_LP_SECONDS, LP_SHARE * options.timeout().toNanos() * 1e-9);
        return new ReluSplitSearch(LpSolvers.create(LpSolvers.DEFAULT_LP, LpOptions.DEFAULT.withTimeLimit(lpLimit)),
                options.threads(), Long.MAX_VALUE);
    }

    /** Whether some unsafe row a·y ≤ b has a CROWN lower bound of a·f(x) above b on the whole set. */
    private boolean excludedByOneRow(Network network, InputSet input, Bounds bounds, LinearConstraints unsafe) {
        BoundOptions reuse = BoundOptions.reusing(bounds, ReluSplits.NONE);
        for (int i = 0; i < unsafe.rowCount(); i++) {
            if (crown.lowerBound(network, input, unsafe.row(i), reuse) > unsafe.rhs(i)) {
                return true;
            }
        }
        return false;
    }

    private static Decision sat(Witness w, String method) {
        return new Decision(w, method);
    }
}
