package org.reluscope.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.reluscope.bounds.ReluSplits;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.lp.DistanceSolver;
import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.LpSolvers;
import org.reluscope.net.Network;

/**
 * Exact enumeration of the activation regions of a ReLU network that meet an input set S (a
 * box, an L2 ball, or a ball ∩ box), each with its pattern, polytope and affine map
 * (MISSION.md §1, §3).
 *
 * <p>Layer by layer, from S itself: a neuron whose sign S alone fixes is not split; otherwise
 * the piece splits into its two half-spaces and each half goes through the slack test of
 * {@link PieceLp} — proven empty (LP bound, or distance QP for a ball) and dropped,
 * full-dimensional with a verified interior point, or thin. A region counts only with a
 * verified interior point: a point whose distance to each of the region's facets and to S's
 * boundary exceeds {@link RegionOptions#interiorTolerance()} × S's size. Pieces that are
 * lower-dimensional or thinner than that are counted apart as thin ({@link RegionSummary#thinPieces()}).
 * The details of the split tree are in {@code RegionRun}.
 *
 * <p>Work is spread by a {@link ForkJoinPool} of {@link RegionOptions#threads()} workers
 * (work stealing over pieces). The LPs are solved from scratch, so each decision depends only
 * on its piece: the regions found do not depend on the thread count or the schedule, only
 * their delivery order does — {@link RegionOptions#sorted()} restores pattern order.
 *
 * <p>Thread-safe: a new run per call; the solvers hold no model between calls.
 */
public final class RegionEnumerator {
    private final LpSolver solver;
    private final DistanceSolver distance;
    private final RegionOptions options;

    public RegionEnumerator(LpSolver solver, DistanceSolver distance, RegionOptions options) {
        this.solver = Objects.requireNonNull(solver);
        this.distance = Objects.requireNonNull(distance);
        this.options = Objects.requireNonNull(options);
    }

    /** The default LP solver (GLOP) and ojAlgo's distance QP. */
    public RegionEnumerator(RegionOptions options) {
        this(LpSolvers.create(LpSolvers.DEFAULT_LP), LpSolvers.distance(LpOptions.DEFAULT), options);
    }

    public RegionOptions options() {
        return options;
    }

    /** Enumerates the regions of {@code network} meeting {@code set} into {@code sink}. */
    public RegionSummary enumerate(Network network, InputSet set, RegionSink sink) {
        return enumerate(network, set, ReluSplits.NONE, sink, null);
    }

    /**
     * Enumerates the regions meeting {@code set} whose pattern agrees with {@code splits}.
     *
     * @param progress called about twice a second once the run has taken a second, from a
     *                 timer thread; {@code null} for none
     * @throws IllegalArgumentException when the set or the splits do not fit the network
     */
    public RegionSummary enumerate(Network network, InputSet set, ReluSplits splits, RegionSink sink,
                                   Consumer<Progress> progress) {
        if (set.dimension() != network.inputSize()) {
            throw new IllegalArgumentException("input set has dimension " + set.dimension() + " but the network takes "
                    + network.inputSize() + " inputs");
        }
        long start = System.nanoTime();
        InputSet s = pointIfDegenerate(set);
        SetGeometry geometry = new SetGeometry(s, options.interiorTolerance());
        RegionRun run = new RegionRun(network, geometry, options, solver, distance, sink, splits, start);
        ScheduledExecutorService ticker = progress == null ? null : startTicker(run, progress, start);
        try {
            Piece root = run.root();
            if (root != null) {
                ForkJoinPool pool = new ForkJoinPool(options.threads());
                try {
                    pool.invoke(run.new Task(root));
                } finally {
                    pool.shutdown();
                }
            }
        } finally {
            if (ticker != null) {
                ticker.shutdownNow();
            }
        }
        if (options.sorted()) {
            replaySorted(run, sink);
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new RegionSummary(run.regions.get(), run.thin.sum(), run.counts.distinctMaps(), run.counts.perDepth(),
                run.counts.ranks(), run.unexplored.sum() == 0, seconds, run.pieces.sum(), run.lpCount.sum());
    }

    /** A ball of radius 0 is its centre: the box [x0, x0] (∩ its domain). */
    private static InputSet pointIfDegenerate(InputSet set) {
        if (set instanceof L2Ball ball && ball.radius() == 0) {
            Box point = new Box(ball.center(), ball.center());
            return ball.domainBox().map(point::intersect).orElse(point);
        }
        return set;
    }

    private static ScheduledExecutorService startTicker(RegionRun run, Consumer<Progress> progress, long start) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "region-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> progress.accept(new Progress((System.nanoTime() - start) * 1e-9,
                run.pieces.sum(), run.open.get(), run.regions.get(), run.thin.sum())), 1000, 500, TimeUnit.MILLISECONDS);
        return ticker;
    }

    private static void replaySorted(RegionRun run, RegionSink sink) {
        List<Region> all = new ArrayList<>(run.buffered);
        all.sort((a, b) -> a.pattern().compareTo(b.pattern()));
        for (Region r : all) {
            if (r.fullDimensional()) {
                sink.region(r);
            } else {
                sink.thin(r);
            }
        }
        run.bufferedUnexplored.forEach(sink::unexplored);
    }
}
