package org.reluscope.algebra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.input.Box;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;

class OutputConstraintsTest {
    /** The worked case of the issue: W1 = [[1,0],[0,1],[1,1]], b1 = (0,0,−1), W2 = [[1,2,0],[0,1,−1]], b2 = (0.5,0). */
    static final Network WORKED = new Network(List.of(
            AffineLayer.of(new double[][] {{1, 0}, {0, 1}, {1, 1}}, new double[] {0, 0, -1}, Activation.RELU),
            AffineLayer.of(new double[][] {{1, 2, 0}, {0, 1, -1}}, new double[] {0.5, 0}, Activation.IDENTITY)));

    /** A box inside the region of pattern (0,1,0): x0 ≤ 0, x1 ≥ 0, x0 + x1 ≤ 1. */
    static final Box INSIDE = new Box(new double[] {-1, 0.2}, new double[] {-0.5, 0.5});
    /** A box crossing into the region of pattern (1,1,0). */
    static final Box CROSSING = new Box(new double[] {-0.5, 0.2}, new double[] {0.3, 0.5});

    static AffinePiece handBuilt010(Box box) {
        return AffinePiece.of("010", new double[][] {{0, 2}, {0, 1}}, new double[] {0.5, 0},
                HPolytope.box(box.lower(), box.upper()));
    }

    @Test
    void workedCaseFindsTheLineInsideRegion010() {
        OutputConstraints.Result r = OutputConstraints.analyse(List.of(handBuilt010(INSIDE)),
                OutputConstraints.Options.DEFAULT, VertexEnumeration.factory());
        OutputConstraints.RegionConstraints region = r.regions().get(0);
        assertEquals(1, region.hull().rank());
        assertEquals(1, r.dimension());
        assertEquals(1, r.distinctHulls().size());
        assertEquals(OutputConstraints.UnionKind.EQUATIONS, r.kind());
        // y0 − 0.5 = 2·y1, in echelon form with the largest coefficient as pivot: 0.5·y0 − y1 − 0.25
        Polynomial line = region.equations().get(0);
        assertEquals("0.5*y0 - y1 - 0.25", line.toString());
        assertEquals(1, r.generators().size());
        assertEquals(line, r.generators().get(0).expand());
        // the output polytope is the segment from (0.9, 0.2) to (1.5, 0.5)
        OutputPolytope poly = region.polytope().orElseThrow();
        assertTrue(poly.complete());
        List<double[]> v = new ArrayList<>(poly.vertices());
        v.sort(Comparator.comparingDouble(y -> y[0]));
        assertArrayEquals(new double[] {0.9, 0.2}, v.get(0), 1e-12);
        assertArrayEquals(new double[] {1.5, 0.5}, v.get(1), 1e-12);
    }

    @Test
    void workedCaseCrossingBoxHasTwoHullsAndNoEquation() {
        AffinePiece p110 = AffinePiece.of("110", new double[][] {{1, 2}, {0, 1}}, new double[] {0.5, 0}, null);
        OutputConstraints.Result r = OutputConstraints.analyse(List.of(handBuilt010(CROSSING), p110),
                OutputConstraints.Options.DEFAULT, null);
        assertEquals(2, r.distinctHulls().size());
        assertEquals(2, r.dimension());
        assertEquals(2, r.regions().get(1).hull().rank());
        assertTrue(r.regions().get(1).equations().isEmpty());
        assertEquals(OutputConstraints.UnionKind.FULL_DIMENSIONAL, r.kind());
        assertTrue(r.generators().isEmpty());
        // the rank-1 hull lies inside the plane, so only the plane is maximal
        assertEquals(List.of(1), r.maximalHulls());
    }

    @Test
    void workedCaseRegionsFromTheSamplingOracleAgreeWithTheHandBuiltOnes() {
        SampledRegions inside = new SampledRegions(WORKED, INSIDE, 2000, 1);
        assertEquals(1, inside.pieces.size());
        OutputConstraints.Result r = OutputConstraints.analyse(inside.pieces, OutputConstraints.Options.DEFAULT, null);
        assertEquals("0.5*y0 - y1 - 0.25", r.regions().get(0).equations().get(0).toString());
        assertTrue(ResidualCheck.check(r, inside.samples).maxResidual() < 1e-12);

        SampledRegions crossing = new SampledRegions(WORKED, CROSSING, 2000, 2);
        List<String> labels = crossing.pieces.stream().map(AffinePiece::label).sorted().toList();
        assertEquals(List.of("010", "110"), labels);
        OutputConstraints.Result c = OutputConstraints.analyse(crossing.pieces, OutputConstraints.Options.DEFAULT, null);
        assertEquals(2, c.distinctHulls().size());
        assertEquals(OutputConstraints.UnionKind.FULL_DIMENSIONAL, c.kind());
    }

    @Test
    void twoLinesGiveOneProductAndAContainedPointIsDropped() {
        // lines y1 = 0 and y0 = y1 + 1, and the point (1, 0) that lies on both
        AffinePiece a = AffinePiece.of("a", new double[][] {{1}, {0}}, new double[] {0, 0}, null);
        AffinePiece b = AffinePiece.of("b", new double[][] {{3}, {3}}, new double[] {1, 0}, null);
        AffinePiece point = AffinePiece.of("p", new double[][] {{0}, {0}}, new double[] {1, 0}, null);
        AffinePiece again = AffinePiece.of("a2", new double[][] {{-2}, {0}}, new double[] {5, 0}, null);
        OutputConstraints.Result r = OutputConstraints.analyse(List.of(a, b, point, again),
                OutputConstraints.Options.DEFAULT, null);
        assertEquals(3, r.distinctHulls().size());
        assertEquals(0, r.regions().get(3).hullIndex());
        assertEquals(List.of(0, 1), r.maximalHulls());
        assertEquals(1, r.generatorCount());
        LinearProduct g = r.generators().get(0);
        Random random = new Random(3);
        for (int s = 0; s < 100; s++) {
            double t = random.nextGaussian();
            assertTrue(g.relativeResidual(new double[] {t, 0}) < 1e-15);
            assertTrue(g.relativeResidual(new double[] {t + 1, t}) < 1e-15);
        }
        assertTrue(g.relativeResidual(new double[] {0.3, 0.7}) > 0.1);
        // expanded: y1·(y0 − y1 − 1) up to a factor
        Polynomial p = g.expand();
        assertEquals(3, p.termCount());
        assertEquals(0, p.evaluate(new double[] {4, 3}), 1e-14);
    }

    @Test
    void pointHullsHaveCoordinateEquationsAndProductsOfEveryChoice() {
        AffinePiece p = AffinePiece.of("p", new double[][] {{0}, {0}, {0}}, new double[] {1, 2, 3}, null);
        AffinePiece q = AffinePiece.of("q", new double[][] {{0}, {0}, {0}}, new double[] {-1, 0, 0.5}, null);
        OutputConstraints.Result r = OutputConstraints.analyse(List.of(p, q), OutputConstraints.Options.DEFAULT, null);
        assertEquals(List.of("y0 - 1", "y1 - 2", "y2 - 3"),
                r.regions().get(0).equations().stream().map(Polynomial::toString).toList());
        assertEquals(9, r.generatorCount());
        assertEquals(0, r.dimension());
        for (LinearProduct g : r.generators()) {
            assertEquals(0, g.evaluate(new double[] {1, 2, 3}), 0);
            assertEquals(0, g.evaluate(new double[] {-1, 0, 0.5}), 0);
        }
        OutputConstraints.Result capped = OutputConstraints.analyse(List.of(p, q),
                new OutputConstraints.Options(1e-9, 8, 3, PolytopeImage.Options.DEFAULT), null);
        assertEquals(OutputConstraints.UnionKind.TOO_MANY, capped.kind());
        assertEquals(9, capped.generatorCount());
        assertTrue(capped.generators().isEmpty());
        assertTrue(capped.message().contains("more than the cap of 8"), capped.message());
    }

    @Test
    void everyRegionFullRankIsSaidPlainly() {
        AffinePiece a = AffinePiece.of("a", new double[][] {{1, 0}, {0, 1}}, new double[] {0, 0}, null);
        OutputConstraints.Result r = OutputConstraints.analyse(List.of(a), OutputConstraints.Options.DEFAULT, null);
        assertEquals(OutputConstraints.UnionKind.ALL_FULL_RANK, r.kind());
        assertTrue(r.message().contains("no polynomial equation, only the bounds"), r.message());
    }

    /** Bottleneck: a hidden layer of width 2 before 4 outputs; every J has rank ≤ 2. */
    @Test
    void bottleneckNetworkConstraintsVanishOnSampledOutputs() {
        Network net = org.reluscope.net.RandomNetworks.relu(11, 0.3, 3, 5, 2, 4);
        checkAgainstSamples(net, Box.linf(new double[] {0.1, -0.2, 0.3}, 0.15), 2);
    }

    /** More outputs (4) than inputs (2): every J has rank ≤ 2. */
    @Test
    void moreOutputsThanInputsConstraintsVanishOnSampledOutputs() {
        Network net = org.reluscope.net.RandomNetworks.relu(12, 0.3, 2, 6, 4);
        checkAgainstSamples(net, Box.linf(new double[] {0.2, -0.1}, 0.2), 2);
    }

    private static void checkAgainstSamples(Network net, Box box, int maxRank) {
        SampledRegions regions = new SampledRegions(net, box, 10_000, 5);
        OutputConstraints.Result r = OutputConstraints.analyse(regions.pieces, OutputConstraints.Options.DEFAULT, null);
        assertTrue(r.dimension() <= maxRank);
        assertEquals(OutputConstraints.UnionKind.EQUATIONS, r.kind(), r.message());
        assertTrue(regions.pieces.size() >= 2, "the box should cross several regions, got " + regions.pieces.size());
        ResidualCheck.Report report = ResidualCheck.check(r, regions.samples);
        assertEquals(10_000, report.regionSamples());
        assertTrue(report.maxResidual() < 1e-9, "residual " + report.maxResidual());
        // each sample's output also satisfies J x + c of its region (the oracle is consistent)
        for (int s = 0; s < 100; s++) {
            ResidualCheck.Sample sample = regions.samples.get(s);
            assertArrayEquals(sample.output(), regions.pieces.get(sample.region()).apply(regions.inputs.get(s)), 1e-12);
        }
        // a random output point off the hulls violates some generator clearly
        Random random = new Random(9);
        double[] off = new double[net.outputSize()];
        for (int i = 0; i < off.length; i++) {
            off[i] = random.nextGaussian();
        }
        for (AffineHull h : r.distinctHulls()) {
            assertTrue(h.distance(off) > 1e-3);
        }
        double worst = 0;
        for (LinearProduct g : r.generators()) {
            worst = Math.max(worst, g.relativeResidual(off));
        }
        assertTrue(worst > 1e-6, "an off-hull point satisfies every generator: " + worst);
        assertFalse(r.generators().isEmpty());
    }
}
