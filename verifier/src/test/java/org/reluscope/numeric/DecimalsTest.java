package org.reluscope.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Directed decimal conversions and sums, checked against exact BigDecimal arithmetic. */
class DecimalsTest {

    @Test
    void upAndDownAreTheNeighbouringDoubles() {
        Random random = new Random(3);
        for (int trial = 0; trial < 2000; trial++) {
            BigDecimal x = new BigDecimal(random.nextLong()).movePointLeft(random.nextInt(40));
            double up = Decimals.up(x);
            double down = Decimals.down(x);
            assertTrue(new BigDecimal(up).compareTo(x) >= 0 && new BigDecimal(Math.nextDown(up)).compareTo(x) < 0, "up " + x);
            assertTrue(new BigDecimal(down).compareTo(x) <= 0 && new BigDecimal(Math.nextUp(down)).compareTo(x) > 0,
                    "down " + x);
            boolean exact = new BigDecimal(Decimals.nearest(x)).compareTo(x) == 0;
            assertEquals(exact ? up : Math.nextUp(down), up, "up and down are one ulp apart unless exact: " + x);
        }
        assertEquals(0.5, Decimals.up(new BigDecimal("0.5")));
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(Decimals.down(new BigDecimal("-0.0"))));
    }

    @Test
    void exactTextReadsBackToTheSameDouble() {
        Random random = new Random(4);
        for (int trial = 0; trial < 2000; trial++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(d)) {
                continue;
            }
            BigDecimal written = new BigDecimal(Decimals.exactText(d));
            assertEquals(0, written.compareTo(new BigDecimal(d)), "not exact: " + d);
        }
        assertEquals("0.5", Decimals.exactText(0.5));
        assertEquals("0.1000000000000000055511151231257827021181583404541015625", Decimals.exactText(0.1));
    }

    @Test
    void directedSumsAreTight() {
        Random random = new Random(5);
        for (int trial = 0; trial < 5000; trial++) {
            double a = random.nextGaussian() * Math.pow(2, random.nextInt(60) - 30);
            double b = random.nextGaussian() * Math.pow(2, random.nextInt(60) - 30);
            BigDecimal exact = new BigDecimal(a).add(new BigDecimal(b));
            double down = Rounding.addDown(a, b);
            double up = Rounding.addUp(a, b);
            assertTrue(new BigDecimal(down).compareTo(exact) <= 0 && new BigDecimal(Math.nextUp(down)).compareTo(exact) > 0,
                    a + " + " + b + " down");
            assertTrue(new BigDecimal(up).compareTo(exact) >= 0 && new BigDecimal(Math.nextDown(up)).compareTo(exact) < 0,
                    a + " + " + b + " up");
        }
    }
}
