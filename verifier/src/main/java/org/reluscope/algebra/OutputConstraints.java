package org.reluscope.algebra;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The polynomial constraints on the outputs of a network over an input set, from the affine
 * pieces of the regions that meet the set (MISSION.md §2; seed 000).
 *
 * <p>Per region, the outputs lie in the hull H = c + col(J) of dimension rank J, cut out by
 * the m − rank J linear equations of {@link AffineHull#equations}. The reachable set is the
 * union of the regions' images, so it lies in H_1 ∪ … ∪ H_s. Identical hulls are merged and a
 * hull contained in another is dropped (the union does not change); for the remaining
 * (maximal) hulls with equation sets {ℓ_{i,1}, …, ℓ_{i,q_i}}, the products
 * ℓ_{1,j_1}·ℓ_{2,j_2}·…·ℓ_{s,j_s}, one factor per hull, generate the product ideal
 * I(H_1)·…·I(H_s). Its zero set is exactly the union, and its radical is the vanishing ideal
 * I(H_1) ∩ … ∩ I(H_s) of the union, so these polynomials vanish on every reachable output and
 * nowhere off the hulls. There are ∏ q_i of them, which is why their number is capped.
 *
 * <p>When some maximal hull is the whole space (a full-rank region), the union is the whole
 * space and there is no equation at all: only the bounds constrain the outputs.
 */
public final class OutputConstraints {

    /**
     * @param tolerance          relative tolerance for ranks and hull comparisons (see {@link AffineHull})
     * @param maxUnionGenerators refuse to list more product generators than this
     * @param maxPolytopeOutputs draw output polytopes only when there are at most this many outputs (≤ 3)
     * @param polytope           options of the output-polytope computation
     */
    public record Options(double tolerance, long maxUnionGenerators, int maxPolytopeOutputs,
                          PolytopeImage.Options polytope) {
        public static final Options DEFAULT = new Options(1e-9, 10_000, 3, PolytopeImage.Options.DEFAULT);

        public Options {
            if (maxPolytopeOutputs > 3) {
                throw new IllegalArgumentException("output polytopes are drawn in at most 3 dimensions, not "
                        + maxPolytopeOutputs);
            }
        }

        public Options withTolerance(double t) {
            return new Options(t, maxUnionGenerators, maxPolytopeOutputs, polytope);
        }
    }

    /**
     * One region's constraints.
     *
     * @param hullIndex index of its hull among {@link Result#distinctHulls()}
     * @param equations the linear equations of its hull (empty when J has full row rank)
     * @param polytope  its output polytope, when the outputs are few and a polytope was given
     */
    public record RegionConstraints(AffinePiece piece, AffineHull hull, int hullIndex, List<Polynomial> equations,
                                    Optional<OutputPolytope> polytope) {
        public RegionConstraints {
            equations = List.copyOf(equations);
        }
    }

    /** What the union of the hulls amounts to. */
    public enum UnionKind {
        /** No region was given: nothing is reachable. */
        NO_REGIONS,
        /** Every region is full-rank: no equations, only bounds. */
        ALL_FULL_RANK,
        /** Some region is full-rank, so the reachable set is full-dimensional: no equations. */
        FULL_DIMENSIONAL,
        /** The product generators are listed. */
        EQUATIONS,
        /** There would be more product generators than the cap: none are listed. */
        TOO_MANY
    }

    /**
     * The constraints of all regions and of their union.
     *
     * @param variables      the output variables y0, y1, …
     * @param distinctHulls  the hulls after merging identical ones
     * @param maximalHulls   indices (into distinctHulls) of the hulls contained in no other
     * @param dimension      the dimension of the reachable set: the largest rank
     * @param generatorCount ∏ q_i over the maximal hulls (0 when there are no equations)
     * @param generators     the product generators (empty unless kind is EQUATIONS)
     * @param message        a sentence saying what the union amounts to
     */
    public record Result(List<String> variables, double tolerance, List<RegionConstraints> regions,
                         List<AffineHull> distinctHulls, List<Integer> maximalHulls, int dimension, UnionKind kind,
                         long generatorCount, List<LinearProduct> generators, String message) {
        public Result {
            variables = List.copyOf(variables);
            regions = List.copyOf(regions);
            distinctHulls = List.copyOf(distinctHulls);
            maximalHulls = List.copyOf(maximalHulls);
            generators = List.copyOf(generators);
        }
    }

    private OutputConstraints() {
    }

    /** The names y0, …, y_{m−1}. */
    public static List<String> outputVariables(int m) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            names.add("y" + i);
        }
        return names;
    }

    /**
     * Analyses the pieces of the regions meeting an input set.
     *
     * @param pieces  one per region, all with the same number of outputs
     * @param oracles support oracles for the pieces' polytopes, or {@code null} for no polytopes
     */
    public static Result analyse(List<AffinePiece> pieces, Options options, SupportOracle.Factory oracles) {
        int m = pieces.isEmpty() ? 0 : pieces.get(0).outputs();
        List<String> variables = outputVariables(m);
        List<AffineHull> distinct = new ArrayList<>();
        List<RegionConstraints> regions = new ArrayList<>();
        int dimension = -1;
        for (AffinePiece piece : pieces) {
            if (piece.outputs() != m) {
                throw new IllegalArgumentException("region " + piece.label() + " has " + piece.outputs()
                        + " outputs, the first region has " + m);
            }
            AffineHull hull = piece.hull(options.tolerance());
            dimension = Math.max(dimension, hull.rank());
            int index = indexOf(distinct, hull);
            regions.add(new RegionConstraints(piece, hull, index, hull.equations(variables),
                    polytope(piece, hull, m, options, oracles)));
        }
        List<Integer> maximal = maximal(distinct);
        return union(variables, options, regions, distinct, maximal, dimension);
    }

    private static Result union(List<String> variables, Options options, List<RegionConstraints> regions,
                                List<AffineHull> distinct, List<Integer> maximal, int dimension) {
        int m = variables.size();
        if (regions.isEmpty()) {
            return new Result(variables, options.tolerance(), regions, distinct, maximal, dimension,
                    UnionKind.NO_REGIONS, 0, List.of(), "no region meets the input set: nothing is reachable");
        }
        if (regions.stream().allMatch(r -> r.hull().isFullRank())) {
            return new Result(variables, options.tolerance(), regions, distinct, maximal, dimension,
                    UnionKind.ALL_FULL_RANK, 0, List.of(), "every region is full-rank (rank " + m
                    + "): the outputs satisfy no polynomial equation, only the bounds");
        }
        for (RegionConstraints r : regions) {
            if (r.hull().isFullRank()) {
                return new Result(variables, options.tolerance(), regions, distinct, maximal, dimension,
                        UnionKind.FULL_DIMENSIONAL, 0, List.of(), "region " + r.piece().label() + " is full-rank, so"
                        + " the reachable set is " + m + "-dimensional: no polynomial equation, only the bounds");
            }
        }
        long count = 1;
        for (int h : maximal) {
            int q = distinct.get(h).codimension();
            count = count > Long.MAX_VALUE / q ? Long.MAX_VALUE : count * q;
        }
        if (count > options.maxUnionGenerators()) {
            return new Result(variables, options.tolerance(), regions, distinct, maximal, dimension, UnionKind.TOO_MANY,
                    count, List.of(), "the union of " + maximal.size() + " maximal hulls needs "
                    + (count == Long.MAX_VALUE ? "more than 9.2e18" : String.valueOf(count)) + " product generators, more than the cap of " + options.maxUnionGenerators()
                    + ": raise the cap or use a smaller input set");
        }
        List<LinearProduct> generators = products(variables, distinct, maximal);
        return new Result(variables, options.tolerance(), regions, distinct, maximal, dimension, UnionKind.EQUATIONS,
                count, generators, maximal.size() + " maximal hull(s) of " + distinct.size() + " distinct: "
                + count + " product generator(s) of degree " + maximal.size());
    }

    /** Every choice of one equation per maximal hull, multiplied (a mixed-radix count over the hulls). */
    private static List<LinearProduct> products(List<String> variables, List<AffineHull> distinct, List<Integer> maximal) {
        List<List<Polynomial>> choices = new ArrayList<>();
        for (int h : maximal) {
            choices.add(distinct.get(h).equations(variables));
        }
        List<LinearProduct> out = new ArrayList<>();
        int[] digit = new int[choices.size()];
        while (true) {
            List<Polynomial> factors = new ArrayList<>();
            for (int i = 0; i < digit.length; i++) {
                factors.add(choices.get(i).get(digit[i]));
            }
            out.add(new LinearProduct(factors));
            int i = digit.length - 1;
            while (i >= 0 && ++digit[i] == choices.get(i).size()) {
                digit[i--] = 0;
            }
            if (i < 0) {
                return out;
            }
        }
    }

    private static int indexOf(List<AffineHull> distinct, AffineHull hull) {
        for (int i = 0; i < distinct.size(); i++) {
            if (distinct.get(i).sameAs(hull)) {
                return i;
            }
        }
        distinct.add(hull);
        return distinct.size() - 1;
    }

    private static List<Integer> maximal(List<AffineHull> distinct) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            boolean contained = false;
            for (int j = 0; j < distinct.size() && !contained; j++) {
                contained = j != i && distinct.get(j).contains(distinct.get(i));
            }
            if (!contained) {
                out.add(i);
            }
        }
        return out;
    }

    private static Optional<OutputPolytope> polytope(AffinePiece piece, AffineHull hull, int m, Options options,
                                                     SupportOracle.Factory oracles) {
        if (oracles == null || m > options.maxPolytopeOutputs() || piece.domain() == null) {
            return Optional.empty();
        }
        return oracles.forPolytope(piece.domain())
                .flatMap(oracle -> PolytopeImage.of(piece, hull, oracle, options.polytope()));
    }
}
