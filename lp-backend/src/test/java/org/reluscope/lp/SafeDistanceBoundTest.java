package org.reluscope.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SafeDistanceBound} on polytopes whose distance is known exactly: a box cut by rows
 * that do not reach it, so d² is the clamping distance, evaluated in BigDecimal.
 */
class SafeDistanceBoundTest {

    private record Case(LinearProgram polytope, double[] centre, BigDecimal exact) {
    }

    private static Case randomCase(Random random) {
        int n = 1 + random.nextInt(6);
        LinearProgram.Builder b = LinearProgram.builder();
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] centre = new double[n];
        BigDecimal exact = BigDecimal.ZERO;
        for (int j = 0; j < n; j++) {
            lo[j] = random.nextGaussian();
            hi[j] = lo[j] + random.nextDouble();
            b.addVariable(lo[j], hi[j]);
            centre[j] = 2 * random.nextGaussian();
            double clamped = Math.max(lo[j], Math.min(hi[j], centre[j]));
            BigDecimal d = new BigDecimal(clamped).subtract(new BigDecimal(centre[j]));
            exact = exact.add(d.multiply(d, MathContext.UNLIMITED));
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            double[] a = new double[n];
            double max = 0;
            double min = 0;
            for (int j = 0; j < n; j++) {
                a[j] = random.nextGaussian();
                max += Math.max(a[j] * lo[j], a[j] * hi[j]);
                min += Math.min(a[j] * lo[j], a[j] * hi[j]);
            }
            b.addDenseRow(a, min - 1, random.nextBoolean() ? max + 1 : Double.POSITIVE_INFINITY);
        }
        return new Case(b.build(), centre, exact);
    }

    @Test
    void neverAboveTheExactDistanceForAnyMultipliers() {
        Random random = new Random(41);
        for (int t = 0; t < 300; t++) {
            Case c = randomCase(random);
            double[] y = new double[c.polytope().rowCount()];
            for (int i = 0; i < y.length; i++) {
                y[i] = random.nextGaussian() * Math.pow(10, random.nextInt(5) - 3);
            }
            double bound = SafeDistanceBound.of(c.polytope(), c.centre(), y);
            assertTrue(new BigDecimal(bound).compareTo(c.exact()) <= 0, "case " + t + ": " + bound + " > " + c.exact());
        }
    }

    @Test
    void zeroMultipliersGiveTheBoxDistanceToTheLastUlps() {
        Random random = new Random(42);
        for (int t = 0; t < 300; t++) {
            Case c = randomCase(random);
            double bound = SafeDistanceBound.of(c.polytope(), c.centre(), new double[c.polytope().rowCount()]);
            assertTrue(new BigDecimal(bound).compareTo(c.exact()) <= 0, "case " + t);
            assertEquals(c.exact().doubleValue(), bound, 1e-14 * (1 + c.exact().doubleValue()), "case " + t);
        }
    }

    @Test
    void insideTheHalfSpaceTheMultiplierTermIsExact() {
        // P = {x ≤ 1} on [−5, 5], centre 3: d² = 4, and y = −4 (from 2(x* − c) = y·1) proves it
        LinearProgram.Builder b = LinearProgram.builder();
        b.addVariable(-5, 5);
        b.addLessOrEqual(new double[] {1}, 1);
        double bound = SafeDistanceBound.of(b.build(), new double[] {3}, new double[] {-4});
        assertTrue(bound <= 4 && bound > 4 - 1e-13, "bound " + bound);
        assertEquals(0, SafeDistanceBound.of(b.build(), new double[] {3}, new double[] {0}), 1e-300,
                "without the multiplier the box alone contains the centre");
    }

    @Test
    void rejectsMismatchedShapes() {
        LinearProgram.Builder b = LinearProgram.builder();
        b.addVariable(0, 1);
        assertThrows(IllegalArgumentException.class, () -> SafeDistanceBound.of(b.build(), new double[2], new double[0]));
    }
}
