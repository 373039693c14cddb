package org.reluscope.algebra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PatternVarietyTest {

    static VarietyProblem singlePattern(int[] widths, boolean bias, int k, boolean[][] pattern, long seed) {
        boolean[][][] patterns = new boolean[k][][];
        java.util.Arrays.fill(patterns, pattern);
        return new VarietyProblem(widths, bias, PatternVariety.randomPoints(k, widths[0], seed), patterns);
    }

    @Test
    void threeByThreeWithTwoActiveUnitsIsTheDeterminantHypersurface() {
        VarietyProblem p = singlePattern(new int[] {3, 3, 3}, false, 3, new boolean[][] {{true, true, false}}, 4);
        PatternVariety.Result r = PatternVariety.analyse(p, PatternVariety.Options.DEFAULT);
        assertEquals(8, r.dimension());
        assertTrue(r.drawsAgree());
        assertEquals(9, r.ambientDimension());
        assertEquals(9, r.expectedDimension()); // min(9, 18 − 2): the variety is defective by one
        assertEquals(1, r.defect());
        DeterminantalConstraints.Result c = r.constraints();
        assertEquals(DeterminantalConstraints.Completeness.PROVEN, c.completeness());
        List<Polynomial> all = c.polynomials();
        assertEquals(1, all.size());
        // det Y: six terms ±y_{0,σ0} y_{1,σ1} y_{2,σ2}, equal to the expansion we check at random matrices
        Polynomial det = all.get(0);
        assertEquals(6, det.termCount());
        Random random = new Random(5);
        for (int s = 0; s < 20; s++) {
            double[] y = new double[9];
            double[][] m = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    m[i][j] = random.nextGaussian();
                    y[p.variable(i, j)] = m[i][j];
                }
            }
            double leibniz = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                    - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                    + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
            assertEquals(leibniz, det.evaluate(y), 1e-12);
        }
    }

    @Test
    void morePointsAddLinearEquationsButKeepDimensionEight() {
        VarietyProblem p = singlePattern(new int[] {3, 3, 3}, false, 5, new boolean[][] {{false, true, true}}, 6);
        PatternVariety.Result r = PatternVariety.analyse(p, PatternVariety.Options.DEFAULT);
        assertEquals(8, r.dimension());
        DeterminantalConstraints.Family rank = r.constraints().families().get(0);
        assertEquals(10, rank.count()); // C(3,3)·C(5,3)
        DeterminantalConstraints.Family linear = r.constraints().families().get(1);
        assertEquals(6, linear.count()); // 3 outputs × (5 − 3) kernel vectors
        assertVanishOnOutputs(p, r.constraints(), 7);
    }

    /** rank J ≤ r* and the image is { M X : rank M ≤ r* }, of dimension r*(n_0 + n_L − r*). */
    @Test
    void jacobianRankMatchesTheClosedFormForSinglePatternBiasFreeNetworks() {
        int[][] shapes = {{3, 3, 3}, {2, 5, 4}, {4, 6, 2}, {5, 3, 4}, {3, 4, 3}, {4, 2, 6}};
        Random random = new Random(8);
        for (int[] w : shapes) {
            for (int trial = 0; trial < 3; trial++) {
                boolean[] active = new boolean[w[1]];
                for (int i = 0; i < active.length; i++) {
                    active[i] = random.nextBoolean();
                }
                int s = 0;
                for (boolean a : active) {
                    s += a ? 1 : 0;
                }
                int rStar = Math.min(Math.min(w[0], w[2]), s);
                VarietyProblem p = singlePattern(w, false, w[0] + 2, new boolean[][] {active}, trial);
                PatternVariety.Result r = PatternVariety.analyse(p, PatternVariety.Options.DEFAULT);
                assertEquals(rStar * (w[0] + w[2] - rStar), r.dimension(),
                        java.util.Arrays.toString(w) + " with " + s + " active units");
                assertTrue(r.drawsAgree());
            }
        }
    }

    @Test
    void deepSinglePatternFollowsTheSameClosedForm() {
        boolean[][] pattern = {{true, true, true, false}, {true, true, false}};
        VarietyProblem p = singlePattern(new int[] {4, 4, 3, 5}, false, 6, pattern, 9);
        assertEquals(2 * (4 + 5 - 2), PatternVariety.analyse(p, PatternVariety.Options.DEFAULT).dimension());
    }

    @Test
    void jacobianAgreesWithCentralDifferences() {
        int[] widths = {3, 4, 3, 2};
        boolean[][][] patterns = PatternVariety.randomPatterns(widths, 4, 2, 10);
        VarietyProblem p = new VarietyProblem(widths, true, PatternVariety.randomPoints(4, 3, 11), patterns);
        Random random = new Random(12);
        double[] theta = new double[p.parameterCount()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = random.nextGaussian();
        }
        double[] jac = PatternJacobian.jacobian(p, theta);
        int rows = p.outputs() * p.pointCount();
        double h = 1e-6;
        for (int c = 0; c < theta.length; c++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[c] += h;
            minus[c] -= h;
            double[] yp = PatternJacobian.outputs(p, plus);
            double[] ym = PatternJacobian.outputs(p, minus);
            for (int row = 0; row < rows; row++) {
                assertEquals((yp[row] - ym[row]) / (2 * h), jac[row * theta.length + c], 1e-7,
                        "row " + row + ", parameter " + c);
            }
        }
    }

    @Test
    void twoBlocksOfAShallowNetworkGiveTheConjecturedFamilies() {
        int[] widths = {2, 3, 3};
        boolean[][] s1 = {{true, true, false}};
        boolean[][] s2 = {{false, true, true}};
        boolean[][][] patterns = {s1, s1, s1, s2, s2, s2};
        VarietyProblem p = new VarietyProblem(widths, false, PatternVariety.randomPoints(6, 2, 13), patterns);
        PatternVariety.Result r = PatternVariety.analyse(p, PatternVariety.Options.DEFAULT);
        DeterminantalConstraints.Result c = r.constraints();
        assertEquals(DeterminantalConstraints.Completeness.CONJECTURED, c.completeness());
        List<String> names = c.families().stream().map(DeterminantalConstraints.Family::name).toList();
        assertEquals(List.of("block rank", "block linearity", "block rank", "block linearity", "joint columns",
                "joint rows", "difference"), names);
        // rank Y_b ≤ 2 for 3×3 blocks: one determinant; |S1 ∪ S2| = 3 = n_L makes joint columns vacuous;
        // joint rows: [M1; M2] is 6×2 of rank ≤ 3: vacuous; difference: |S1 Δ S2| = 2 ≥ min(3, 2): vacuous
        assertEquals(1, c.families().get(0).count());
        assertTrue(c.families().get(5).vacuous());
        assertTrue(c.families().get(6).vacuous());
        assertEquals(3, c.families().get(1).count()); // 3 outputs × (3 points − 2)
        assertTrue(c.families().get(4).vacuous());
        assertVanishOnOutputs(p, c, 14);
        // the Jacobian rank never exceeds what the equations leave: 18 − 6 linear equations
        assertTrue(r.dimension() <= 12);
    }

    @Test
    void twoBlocksWithRankDeficientDifference() {
        int[] widths = {3, 4, 3};
        boolean[][] s1 = {{true, true, true, false}};
        boolean[][] s2 = {{true, true, false, false}};
        boolean[][][] patterns = {s1, s1, s1, s2, s2, s2};
        VarietyProblem p = new VarietyProblem(widths, false, PatternVariety.randomPoints(6, 3, 15), patterns);
        DeterminantalConstraints.Result c = PatternVariety.analyse(p, PatternVariety.Options.DEFAULT).constraints();
        DeterminantalConstraints.Family diff = c.families().get(c.families().size() - 1);
        assertEquals("difference", diff.name());
        assertEquals(1, diff.bound()); // |S1 Δ S2| = 1: all 2-minors of M1 − M2 vanish
        assertEquals(9, diff.count());
        DeterminantalConstraints.Family block2 = c.families().get(2);
        assertEquals(1, block2.count()); // rank Y_2 ≤ 2: det of the 3×3 block
        assertVanishOnOutputs(p, c, 16);
        assertSomeFailOffVariety(p, c, 17);
    }

    @Test
    void deepNetworkWithBiasesAndThreeBlocks() {
        int[] widths = {3, 3, 2, 4};
        boolean[][][] patterns = PatternVariety.randomPatterns(widths, 9, 3, 18);
        VarietyProblem p = new VarietyProblem(widths, true, PatternVariety.randomPoints(9, 3, 19), patterns);
        PatternVariety.Result r = PatternVariety.analyse(p, PatternVariety.Options.DEFAULT);
        assertEquals(DeterminantalConstraints.Completeness.PARTIAL, r.constraints().completeness());
        assertFalse(r.constraints().polynomials().isEmpty());
        assertVanishOnOutputs(p, r.constraints(), 20);
        assertSomeFailOffVariety(p, r.constraints(), 21);
    }

    @Test
    void tooManyMinorsAreRefusedWithTheCount() {
        VarietyProblem p = singlePattern(new int[] {2, 3, 6}, false, 40, new boolean[][] {{true, false, true}}, 22);
        PatternVariety.Options small = new PatternVariety.Options(1, 1, 1e-9,
                new DeterminantalConstraints.Options(1e-9, 100, 1_000_000));
        DeterminantalConstraints.Family rank = PatternVariety.analyse(p, small).constraints().families().get(0);
        assertEquals(Minors.count(6, 40, 3), rank.count());
        assertTrue(rank.polynomials().isEmpty());
        assertTrue(rank.note().contains("more than the cap of 100"), rank.note());
    }

    static void assertVanishOnOutputs(VarietyProblem p, DeterminantalConstraints.Result c, long seed) {
        Random random = new Random(seed);
        for (int draw = 0; draw < 5; draw++) {
            double[] theta = new double[p.parameterCount()];
            for (int i = 0; i < theta.length; i++) {
                theta[i] = random.nextGaussian();
            }
            double[] y = PatternJacobian.outputs(p, theta);
            for (Polynomial q : c.polynomials()) {
                assertTrue(q.relativeResidual(y) < 1e-9, q + " at Y(θ): " + q.relativeResidual(y));
            }
        }
    }

    static void assertSomeFailOffVariety(VarietyProblem p, DeterminantalConstraints.Result c, long seed) {
        Random random = new Random(seed);
        double[] y = new double[p.outputs() * p.pointCount()];
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextGaussian();
        }
        double worst = 0;
        for (Polynomial q : c.polynomials()) {
            worst = Math.max(worst, q.relativeResidual(y));
        }
        assertTrue(worst > 1e-3, "a random Y satisfies every equation: " + worst);
    }

    @Test
    void forwardValuesMatchTheClosedFormOfASingleBlock() {
        int[] widths = {2, 3, 2};
        boolean[][] pattern = {{true, false, true}};
        VarietyProblem p = singlePattern(widths, false, 2, pattern, 23);
        double[] theta = {1, 2, 3, 4, 5, 6, 1, 0, -1, 2, 1, 1};
        // W1 = [[1,2],[3,4],[5,6]], W2 = [[1,0,−1],[2,1,1]], D = diag(1,0,1): J = W2 D W1 = [[−4,−4],[7,10]]
        double[] y = PatternJacobian.outputs(p, theta);
        for (int j = 0; j < 2; j++) {
            double[] x = p.points()[j];
            assertArrayEquals(new double[] {-4 * x[0] - 4 * x[1], 7 * x[0] + 10 * x[1]},
                    new double[] {y[p.variable(0, j)], y[p.variable(1, j)]}, 1e-12);
        }
    }
}
