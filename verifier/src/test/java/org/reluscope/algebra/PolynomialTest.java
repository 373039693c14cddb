package org.reluscope.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PolynomialTest {
    static final List<String> VARS = List.of("a", "b", "c");

    static Polynomial random(Random random, int terms) {
        Polynomial p = Polynomial.constant(VARS, random.nextGaussian());
        for (int t = 0; t < terms; t++) {
            Polynomial m = Polynomial.constant(VARS, random.nextGaussian());
            for (int d = random.nextInt(3); d > 0; d--) {
                m = m.times(Polynomial.variable(VARS, random.nextInt(3)));
            }
            p = p.plus(m);
        }
        return p;
    }

    @Test
    void arithmeticAgreesWithEvaluation() {
        Random random = new Random(1);
        for (int trial = 0; trial < 50; trial++) {
            Polynomial p = random(random, 4);
            Polynomial q = random(random, 4);
            double[] y = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            assertEquals(p.evaluate(y) * q.evaluate(y), p.times(q).evaluate(y), 1e-12);
            assertEquals(p.evaluate(y) - q.evaluate(y), p.minus(q).evaluate(y), 1e-12);
            assertEquals(2.5 * p.evaluate(y), p.scaled(2.5).evaluate(y), 1e-12);
            assertTrue(p.minus(p).isZero());
        }
    }

    @Test
    void expansionCollectsLikeTerms() {
        Polynomial a = Polynomial.variable(VARS, 0);
        Polynomial b = Polynomial.variable(VARS, 1);
        Polynomial one = Polynomial.constant(VARS, 1);
        Polynomial square = a.plus(b).times(a.plus(b));
        assertEquals("a^2 + 2*a*b + b^2", square.toString());
        assertEquals("a**2 + 2*a*b + b**2", PolynomialSyntax.SYMPY.format(square));
        assertEquals(2, square.degree());
        assertEquals("a^2 - 1", a.minus(one).times(a.plus(one)).toString());
    }

    @Test
    void determinantMatchesLeibnizOnNumericMatrices() {
        List<String> vars = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            vars.add("m" + i);
        }
        Polynomial[][] m = new Polynomial[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                m[i][j] = Polynomial.variable(vars, 4 * i + j);
            }
        }
        Polynomial det = Minors.determinant(m);
        assertEquals(24, det.termCount());
        Random random = new Random(2);
        double[] x = new double[16];
        for (int i = 0; i < 16; i++) {
            x[i] = random.nextGaussian();
        }
        assertEquals(leibniz(x, 4), det.evaluate(x), 1e-12);
    }

    /** Σ over permutations of sign·∏ x[i][σ(i)], by Heap's algorithm. */
    static double leibniz(double[] x, int n) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        double[] sum = {0};
        permute(x, n, perm, n, 1, sum);
        return sum[0];
    }

    private static int permute(double[] x, int n, int[] perm, int k, int sign, double[] sum) {
        if (k == 1) {
            double prod = sign;
            for (int i = 0; i < n; i++) {
                prod *= x[i * n + perm[i]];
            }
            sum[0] += prod;
            return sign;
        }
        int s = permute(x, n, perm, k - 1, sign, sum);
        for (int i = 0; i < k - 1; i++) {
            int j = k % 2 == 0 ? i : 0;
            int t = perm[j];
            perm[j] = perm[k - 1];
            perm[k - 1] = t;
            s = permute(x, n, perm, k - 1, -s, sum);
        }
        return s;
    }

    @Test
    void minorsOfATwoByThreeMatrix() {
        List<String> vars = List.of("p", "q", "r", "s", "t", "u");
        Polynomial[][] m = new Polynomial[2][3];
        for (int k = 0; k < 6; k++) {
            m[k / 3][k % 3] = Polynomial.variable(vars, k);
        }
        Minors.Result r = Minors.of(m, 2, 100, 1000);
        assertEquals(3, r.count());
        assertEquals(List.of("p*t - q*s", "p*u - r*s", "q*u - r*t"),
                r.polynomials().stream().map(Polynomial::toString).toList());
        assertEquals(0, Minors.of(m, 3, 100, 1000).count());
        assertTrue(Minors.of(m, 2, 2, 1000).refused());
        assertEquals(Long.MAX_VALUE, Minors.count(200, 200, 100));
        assertEquals(20 * 10, Minors.count(6, 5, 3));
        assertEquals(118264581564861424L, Minors.binomial(60, 30));
    }

    @Test
    void residualIsRelativeToTheTermsThatCancel() {
        Polynomial p = Polynomial.linear(VARS, new double[] {1, -2, 0}, -0.5);
        assertEquals(0, p.relativeResidual(new double[] {2.5, 1, 7}), 0);
        assertEquals(1.0 / 4, p.relativeResidual(new double[] {2.5, 0.5, 7}), 1e-15); // |1| / (2.5 + 1 + 0.5)
        assertEquals(0.5, Polynomial.linear(VARS, new double[] {1, 0, 0}, 0).times(p).evaluate(new double[] {1, 0, 0}),
                1e-16);
    }

    @Test
    void cleaningRemovesOnlyRoundOff() {
        Polynomial noisy = Polynomial.linear(VARS, new double[] {0.5000000000000001, 1e-17, -1}, 0.1 + 0.2);
        assertEquals("0.5*a - c + 0.3", noisy.cleaned(1e-9).toString());
        Polynomial genuine = Polynomial.linear(VARS, new double[] {0.123456789012345, 0, 0.01}, 0);
        assertEquals(0.123456789012345, genuine.cleaned(1e-9).coefficient(0), 0);
    }

    @Test
    void rationalCoefficientsAreTheShortestDecimal() {
        assertEquals("1/10", PolynomialSyntax.rational(0.1));
        assertEquals("3/2", PolynomialSyntax.rational(1.5));
        assertEquals("1000000000000000000000", PolynomialSyntax.rational(1e21));
        assertEquals("1/10000000", PolynomialSyntax.rational(1e-7));
        assertEquals("1e-7", PolynomialSyntax.decimal(1e-7));
        assertEquals("y_(0,12)", PolynomialSyntax.MACAULAY2.variable("y_0_12"));
        assertEquals("y_3", PolynomialSyntax.MACAULAY2.variable("y_3"));
        assertEquals("y3", PolynomialSyntax.MACAULAY2.variable("y3"));
    }

    @Test
    void mixingRingsIsRefused() {
        Polynomial a = Polynomial.variable(VARS, 0);
        Polynomial b = Polynomial.variable(List.of("x"), 0);
        assertThrows(IllegalArgumentException.class, () -> a.plus(b));
    }
}
