package org.reluscope.region;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.DoubleAccumulator;

import org.reluscope.algebra.AffinePiece;
import org.reluscope.algebra.HPolytope;
import org.reluscope.bounds.BoundOptions;
import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.OutputBounder;
import org.reluscope.bounds.ReluSplits;
import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.input.InputSet;
import org.reluscope.lp.DistanceSolver;
import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.LpSolvers;
import org.reluscope.net.Network;
import org.reluscope.numeric.Rounding;
import org.reluscope.numeric.Vectors;

/**
 * Exact output bounds ({@code bounds --method exact}): max and min of each output, or of c·y,
 * over the set = the max/min over the activation regions of one LP per region (MISSION.md §1).
 *
 * <p>Regions come from {@link RegionEnumerator} with {@link RegionOptions#refineThin()} set, so
 * thin leaves are bounded too. On each leaf, the LP max of g·x + g₀ (g = Jᵀc, g₀ = c·c_R) over
 * its polytope ∩ S is taken as the solver's rigorous {@link org.reluscope.lp.LpResult#safeBound()}
 * (for a ball, after outer tangent cuts — a relaxation, so still an upper bound). A leaf whose
 * LP fails falls back to CROWN under its full pattern, and pieces a limit left unexplored to
 * CROWN under their splits: both sound. The result is intersected with CROWN over the whole set.
 *
 * <p>Tolerance: the LPs are formed from J, c and the region rows as computed in double
 * precision (relative error about depth·width·2⁻⁵³); the safe bound is rigorous for those LPs
 * and is widened by {@value #MARGIN}·(1 + |v|) to cover that rounding. Within this margin the
 * bounds are the true optimum; they are never tighter than the truth by construction, up to the
 * interior tolerance of the slack tests (pieces are only dropped when proven empty). For a
 * box the LP optimum is exact; for a ball each region's bound comes from column generation
 * ({@link BallPieceSupport}) or the tangent-cut loop, rigorous but possibly above the region's
 * maximum: in more than 64 dimensions by the column generation's remaining gap (mnistfc ball ∩
 * [0, 1]: at most 1.1e-8 relative, median 8.5e-11).
 *
 * <p>A run stopped by {@link RegionOptions#timeoutSeconds()} or {@link RegionOptions#maxRegions()}
 * is still sound; its method name is {@value #PARTIAL} instead of {@value #NAME}.
 */
public final class ExactBounds implements OutputBounder {
    public static final String NAME = "exact";
    public static final String PARTIAL = "exact-partial";
    /** Relative widening of every bound, see the class comment. */
    public static final double MARGIN = 1e-9;

    private final LpSolver solver;
    private final DistanceSolver distance;
    private final RegionOptions options;
    private final SymbolicPropagation crown = new SymbolicPropagation();

    public ExactBounds(LpSolver solver, DistanceSolver distance, RegionOptions options) {
        this.solver = Objects.requireNonNull(solver);
        this.distance = Objects.requireNonNull(distance);
        this.options = options.withRefineThin(true).withSorted(false);
    }

    /** All cores, no limits, ojAlgo's distance QP. */
    public ExactBounds(LpSolver solver) {
        this(solver, LpSolvers.distance(LpOptions.DEFAULT), RegionOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The exact bounds of the given linear functions c_k·y over the set (under the splits).
     *
     * @param lower    rigorous lower bounds of min c_k·y, one per objective
     * @param upper    rigorous upper bounds of max c_k·y
     * @param complete whether every region was enumerated
     * @param summary  the enumeration's counts
     */
    public record Result(double[] lower, double[] upper, boolean complete, RegionSummary summary) {
    }

    /** Bounds on each c_k·f(x), k = 0 … objectives.length − 1. Not modified: objectives. */
    public Result bound(Network network, InputSet set, double[][] objectives, ReluSplits splits) {
        int k = objectives.length;
        DoubleAccumulator[] max = new DoubleAccumulator[2 * k];
        for (int q = 0; q < max.length; q++) {
            max[q] = new DoubleAccumulator(Math::max, Double.NEGATIVE_INFINITY);
        }
        double[][] signed = new double[2 * k][];
        for (int q = 0; q < k; q++) {
            signed[2 * q] = objectives[q].clone();
            signed[2 * q + 1] = Vectors.scaled(-1, objectives[q]);
        }
        RegionSink sink = new Leaves(network, set, signed, max, options.deadline(System.nanoTime()));
        RegionSummary summary = new RegionEnumerator(solver, distance, options)
                .enumerate(network, set, splits, sink, null);
        double[] lower = new double[k];
        double[] upper = new double[k];
        BoundOptions whole = BoundOptions.withSplits(splits);
        for (int q = 0; q < k; q++) {
            upper[q] = Math.min(widenUp(max[2 * q].get()), crown.upperBound(network, set, signed[2 * q], whole));
            lower[q] = Math.max(-widenUp(max[2 * q + 1].get()),
                    -crown.upperBound(network, set, signed[2 * q + 1], whole));
        }
        return new Result(lower, upper, summary.complete(), summary);
    }

    @Override
    public Bounds compute(Network network, InputSet set, BoundOptions boundOptions) {
        Bounds plain = crown.compute(network, set, boundOptions);
        if (plain.empty()) {
            return Bounds.emptySet(NAME, network);
        }
        int m = network.outputSize();
        double[][] units = new double[m][m];
        for (int j = 0; j < m; j++) {
            units[j][j] = 1;
        }
        Result r = bound(network, set, units, boundOptions.splits());
        if (r.summary().regions() == 0 && r.summary().thinPieces() == 0 && r.complete()) {
            return Bounds.emptySet(NAME, network);
        }
        double[] lower = r.lower();
        double[] upper = r.upper();
        for (int j = 0; j < m; j++) {
            lower[j] = Math.max(lower[j], plain.outputLower(j));
            upper[j] = Math.min(upper[j], plain.outputUpper(j));
        }
        return new Bounds(r.complete() ? NAME : PARTIAL, plain.layers(), lower, upper, false);
    }

    @Override
    public double upperBound(Network network, InputSet set, double[] c, BoundOptions boundOptions) {
        if (c.length != network.outputSize()) {
            throw new IllegalArgumentException("objective has " + c.length + " entries but the network has "
                    + network.outputSize() + " outputs");
        }
        return bound(network, set, new double[][] {c}, boundOptions.splits()).upper()[0];
    }

    /** v + MARGIN·(1 + |v|), rounded up; ±∞ stay. */
    private static double widenUp(double v) {
        return Double.isInfinite(v) ? v : Math.nextUp(v + MARGIN * (1 + Math.abs(v)));
    }

    /** Maximises every signed objective over each leaf; unexplored pieces get CROWN. */
    private final class Leaves implements RegionSink {
        private final Network network;
        private final InputSet set;
        private final double[][] objectives;
        private final DoubleAccumulator[] max;
        private final PieceLp lps;

        Leaves(Network network, InputSet set, double[][] objectives, DoubleAccumulator[] max, long deadline) {
            this.network = network;
            this.set = set;
            this.objectives = objectives;
            this.max = max;
            this.lps = new PieceLp(new SetGeometry(set, options.interiorTolerance()), solver, distance, () -> { },
                    deadline);
        }

        /**
         * Per objective, the LP bound of the region — skipped when even the objective's support
         * over all of S cannot beat the best value so far. The interior point's value (a value
         * the network attains) is offered first: it never exceeds the true maximum, and it lets
         * later regions skip their LPs sooner. Sound: the region holding the maximiser is either
         * solved, or skipped because the running value already reaches its support, which bounds
         * that maximum.
         */
        @Override
        public void region(Region region) {
            try (PieceSupport support = lps.support(options.warmStarts())) {
                region(region, support);
            }
        }

        /** The objectives over one region, through the {@code support} of warm starts (else {@code null}). */
        private void region(Region region, PieceSupport support) {
            Piece.Rows rows = null;
            AffineMap map = region.map();
            AffinePiece piece = region.toAffinePiece();
            for (int q = 0; q < objectives.length; q++) {
                double[] g = piece.pullBack(objectives[q]);
                double g0 = map.offsetDot(objectives[q]);
                if (region.fullDimensional()) {
                    max[q].accumulate(Vectors.dot(g, region.interiorPoint()) + g0);
                }
                if (Rounding.addUp(Rounding.addUp(set.support(g), g0), MARGIN * (1 + Math.abs(g0))) <= max[q].get()) {
                    continue;
                }
                rows = rows == null ? rows(region.polytope()) : rows;
                double v = support == null ? lps.maximum(Piece.Rows.list(rows), g, g0)
                        : lps.maximum(support, rows, g, g0, region.interiorPoint());
                if (Double.isNaN(v)) {
                    v = crown.upperBound(network, set, objectives[q],
                            BoundOptions.withSplits(region.pattern().toSplits(network)));
                }
                max[q].accumulate(v);
            }
        }

        @Override
        public void thin(Region piece) {
            region(piece);
        }

        @Override
        public void unexplored(ReluSplits splits) {
            BoundOptions under = BoundOptions.withSplits(splits);
            for (int q = 0; q < objectives.length; q++) {
                max[q].accumulate(crown.upperBound(network, set, objectives[q], under));
            }
        }
    }

    private static Piece.Rows rows(HPolytope p) {
        Piece.Rows rows = null;
        for (int i = 0; i < p.rowCount(); i++) {
            rows = Piece.Rows.add(rows, new HalfSpace(Arrays.copyOf(p.a()[i], p.dimension()), p.b()[i]));
        }
        return rows;
    }
}
