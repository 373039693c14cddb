package org.reluscope.region;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.reluscope.algebra.HPolytope;
import org.reluscope.bounds.ReluSplits;
import org.reluscope.input.Box;
import org.reluscope.lp.DistanceSolver;
import org.reluscope.lp.LpSolver;
import org.reluscope.net.Network;

/**
 * One enumeration: the split tree explored depth-first by fork/join tasks, with the counters
 * that progress reports and the summary read.
 *
 * <p>At neuron i of the current layer of a piece P: if S alone fixes its sign
 * ({@link LayerState#onSet}) the phase is recorded without a row; otherwise each half
 * P ∩ {z_i ≥ 0}, P ∩ {z_i ≤ 0} is tested ({@link #test}): a half that still contains P's
 * interior point with enough slack needs no LP, the other gets the slack LP. An empty half
 * means the neuron is stable on P (no row); two live halves split P — one continues in this
 * task, the other is forked, and work stealing spreads the tree over the threads. Thin halves
 * are counted and dropped, or, with {@link RegionOptions#refineThin}, refined like the rest
 * and delivered as thin leaves. After the last layer the piece is a leaf: its pattern, its
 * rows and the map J x + c.
 */
final class RegionRun {
    final Network network;
    final SetGeometry geometry;
    final RegionOptions options;
    final PieceLp lps;
    private final RegionSink sink;
    private final byte[][] forced;
    private final int[] reluLayers;
    private final HPolytope box;
    private final long deadline;

    final AtomicLong regions = new AtomicLong();
    final LongAdder thin = new LongAdder();
    final LongAdder pieces = new LongAdder();
    final LongAdder lpCount = new LongAdder();
    final AtomicLong open = new AtomicLong();
    final LongAdder unexplored = new LongAdder();
    final RegionCounts counts = new RegionCounts();
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** Sorted runs: what the sink gets at the end. */
    final ConcurrentLinkedQueue<Region> buffered = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<ReluSplits> bufferedUnexplored = new ConcurrentLinkedQueue<>();

    RegionRun(Network network, SetGeometry geometry, RegionOptions options, LpSolver solver, DistanceSolver distance,
              RegionSink sink, ReluSplits splits, long startNanos) {
        this.network = network;
        this.geometry = geometry;
        this.options = options;
        this.deadline = options.deadline(startNanos);
        this.lps = new PieceLp(geometry, solver, distance, lpCount::increment, deadline);
        this.sink = sink;
        this.forced = splits.dense(network);
        this.reluLayers = ActivationPattern.reluLayers(network);
        this.box = geometry.boundingPolytope();
    }

    /** The root piece (S itself), or {@code null} when S ∩ splits is empty from the start. */
    Piece root() {
        int n = geometry.dimension;
        double[] identity = new double[n * n];
        for (int j = 0; j < n; j++) {
            identity[j * n + j] = 1;
        }
        double[] centre = geometry.set.center();
        double centreSlack = geometry.slack(centre);
        Interior whole = centreSlack > geometry.tolerance ? Interior.at(centre, centreSlack) : lps.interior(List.of());
        if (whole.isEmpty()) {
            return null;
        }
        LayerState first = LayerState.enter(network, geometry, 0, identity, new double[n]);
        return new Piece(reluLayers.length, first, whole.point(), whole.slack());
    }

    /** A task exploring the subtree of one piece. */
    final class Task extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient Piece piece;

        Task(Piece piece) {
            this.piece = piece;
            open.incrementAndGet();
        }

        @Override
        protected void compute() {
            List<Task> forks = new ArrayList<>();
            try (PieceSupport support = lps.support(options.warmStarts())) {
                explore(piece, forks, support);
            } finally {
                open.decrementAndGet();
            }
            for (int k = forks.size() - 1; k >= 0; k--) {
                forks.get(k).join();
            }
        }
    }

    private boolean shouldStop() {
        if (stopped.get()) {
            return true;
        }
        if (deadline != Long.MAX_VALUE && System.nanoTime() > deadline) {
            stopped.set(true);
            return true;
        }
        return false;
    }

    private void explore(Piece p, List<Task> forks, PieceSupport support) {
        while (true) {
            if (shouldStop()) {
                leaveUnexplored(p.splits(reluLayers));
                return;
            }
            if (p.neuron == 0 && p.state.relu && p.screened == null) {
                screen(p, support);
            }
            if (p.neuron == p.state.width || !p.state.relu) {
                if (!advance(p)) {
                    leaf(p);
                    return;
                }
                continue;
            }
            if (!decide(p, forks, support)) {
                return;
            }
        }
    }

    /** Finishes the current layer; false when it was the last (the piece is a leaf). */
    private boolean advance(Piece p) {
        double[][] mv = p.state.activations(p.state.relu ? p.bits[p.reluLayer] : null);
        if (p.state.layer + 1 == network.layerCount()) {
            return false;
        }
        p.enter(LayerState.enter(network, geometry, p.state.layer + 1, mv[0], mv[1]));
        return true;
    }

    /** Decides neuron p.neuron; false when the piece ends here (both halves gone). */
    private boolean decide(Piece p, List<Task> forks, PieceSupport support) {
        LayerState s = p.state;
        int i = p.neuron;
        byte force = forced[s.layer][i];
        if (p.known[i] == LayerState.UNDECIDED && force == 0 && options.outerBoxes() && p.rows != p.screenedRows) {
            // the piece has been split since the screening: its outer box may settle the neuron now
            Box outer = p.outerBox(geometry.bounds);
            if (outer != null) {
                p.known[i] = s.signOn(outer, i);
            }
        }
        byte onSet = p.known[i];
        if (onSet != LayerState.UNDECIDED && (force == 0 || force == onSet)) {
            p.bits[p.reluLayer][i] = onSet == LayerState.ACTIVE;
            p.neuron++;
            return true;
        }
        if (s.constant[i]) {
            return false;
        }
        pieces.increment();
        HalfSpace inactiveRow = s.halfSpace(i, false);
        HalfSpace activeRow = s.halfSpace(i, true);
        Interior inactive = force > 0 ? Interior.EMPTY : test(p, i, false, inactiveRow, support);
        Interior active = force < 0 ? Interior.EMPTY : test(p, i, true, activeRow, support);
        if (shouldStop()) {
            // A test may have been cut short by its time limit: its THIN is no verdict.
            leaveUnexplored(p.splits(reluLayers));
            return false;
        }
        boolean keepInactive = keep(inactive);
        boolean keepActive = keep(active);
        if (keepInactive && keepActive) {
            Piece other = p.fork();
            follow(other, true, activeRow, active, false);
            Task t = new Task(other);
            t.fork();
            forks.add(t);
            follow(p, false, inactiveRow, inactive, false);
            return true;
        }
        if (keepInactive || keepActive) {
            boolean phase = keepActive;
            Interior other = phase ? inactive : active;
            follow(p, phase, phase ? activeRow : inactiveRow, phase ? active : inactive, other.isEmpty());
            return true;
        }
        return false;
    }

    /** Whether a half is explored further; thin halves are counted here when they are dropped. */
    private boolean keep(Interior half) {
        if (half.isEmpty()) {
            return false;
        }
        if (half.hasInterior() || options.refineThin()) {
            return true;
        }
        thin.increment();
        return false;
    }

    /** Sets the phase and moves p into the half; the row is left out when the other half is empty (implied). */
    private void follow(Piece p, boolean phase, HalfSpace row, Interior half, boolean implied) {
        p.bits[p.reluLayer][p.neuron] = phase;
        p.neuron++;
        if (!implied) {
            p.rows = Piece.Rows.add(p.rows, row);
        }
        if (!half.cuts().isEmpty()) {
            p.cuts = half.cuts();
        }
        if (half.hasInterior()) {
            p.point = half.point();
            p.slack = half.slack();
        } else {
            p.point = null;
            p.slack = 0;
        }
    }

    /**
     * Screening at layer entry: every neuron S leaves undecided (and no split forces) is decided
     * on the piece itself — by its interval over the piece's outer box ({@link PieceBox}) where
     * that suffices, else by the slack tests. A neuron stable there is stable on every sub-piece, so it is decided
     * once here instead of once per sub-piece the layer's splits create; the tests are kept, and
     * the first split reuses them while the piece is unchanged. A stop request ends the
     * screening early (the remaining neurons stay undecided and the piece is left unexplored).
     */
    private void screen(Piece p, PieceSupport support) {
        LayerState s = p.state;
        p.screened = new Interior[s.width][];
        p.screenedRows = p.rows;
        Box outer = p.rows == null || !options.outerBoxes() ? null : p.outerBox(geometry.bounds);
        for (int i = 0; i < s.width && !shouldStop(); i++) {
            if (p.known[i] != LayerState.UNDECIDED || forced[s.layer][i] != 0) {
                continue;
            }
            if (outer != null) {
                p.known[i] = s.signOn(outer, i);
                if (p.known[i] != LayerState.UNDECIDED) {
                    continue;
                }
            }
            Interior inactive = test(p, i, false, s.halfSpace(i, false), support);
            Interior active = test(p, i, true, s.halfSpace(i, true), support);
            if (inactive.isEmpty() != active.isEmpty()) {
                p.known[i] = active.isEmpty() ? LayerState.INACTIVE : LayerState.ACTIVE;
            }
        }
    }

    /** The slack test of P ∩ half (neuron i in the given phase), from the screening when P has not changed since. */
    private Interior test(Piece p, int i, boolean phase, HalfSpace half, PieceSupport support) {
        int k = phase ? 1 : 0;
        if (p.screened != null && p.screenedRows == p.rows && p.screened[i] != null && p.screened[i][k] != null) {
            return p.screened[i][k];
        }
        Interior result = slackTest(p, half, support);
        if (p.screened != null && p.screenedRows == p.rows) {
            if (p.screened[i] == null) {
                p.screened[i] = new Interior[2];
            }
            p.screened[i][k] = result;
        }
        return result;
    }

    /**
     * The slack test of P ∩ half, reusing P's interior point when it has enough slack there, else
     * through the task's {@code support} ({@code null} without warm starts).
     */
    private Interior slackTest(Piece p, HalfSpace half, PieceSupport support) {
        if (p.point != null) {
            double s = Math.min(p.slack, half.slack(p.point));
            if (s > geometry.tolerance) {
                return Interior.at(p.point, s);
            }
            if (support != null) {
                return lps.interior(support, p.rows, half, p.point, p.slack);
            }
        }
        Interior result = lps.interior(p.rowListWith(half), p.cuts);
        return p.point == null && result.hasInterior() ? Interior.THIN : result;
    }

    private void leaf(Piece p) {
        pieces.increment();
        double[][] mv = p.state.activations(p.state.relu ? p.bits[p.reluLayer] : null);
        AffineMap map = new AffineMap(p.state.width, geometry.dimension, mv[0], mv[1]);
        List<HalfSpace> rows = p.rowList();
        double[][] a = new double[rows.size()][];
        double[] b = new double[rows.size()];
        for (int k = 0; k < a.length; k++) {
            a[k] = rows.get(k).a();
            b[k] = rows.get(k).b();
        }
        HPolytope polytope = box.intersect(new HPolytope(geometry.dimension, a, b));
        Region region = new Region(new ActivationPattern(p.bits), polytope, map, p.depth(), p.point,
                p.point == null ? 0 : p.slack);
        if (!region.fullDimensional()) {
            thin.increment();
            deliver(region);
            return;
        }
        if (regions.incrementAndGet() > options.maxRegions()) {
            regions.decrementAndGet();
            stopped.set(true);
            leaveUnexplored(region.pattern().toSplits(network));
            return;
        }
        counts.add(region);
        deliver(region);
    }

    private void deliver(Region region) {
        if (options.sorted()) {
            buffered.add(region);
        } else if (region.fullDimensional()) {
            sink.region(region);
        } else {
            sink.thin(region);
        }
    }

    private void leaveUnexplored(ReluSplits splits) {
        unexplored.increment();
        if (options.sorted()) {
            bufferedUnexplored.add(splits);
        } else {
            sink.unexplored(splits);
        }
    }
}
