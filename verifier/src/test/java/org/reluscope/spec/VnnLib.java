package org.reluscope.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

/** Helpers for VNN-LIB tests: declaration headers and the tight-enclosure oracle. */
final class VnnLib {
    private VnnLib() {
    }

    /** {@code (declare-const X_i Real)} for i &lt; inputs, then the same for Y, one per line. */
    static String header(int inputs, int outputs) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < inputs; i++) {
            s.append("(declare-const X_").append(i).append(" Real)\n");
        }
        for (int j = 0; j < outputs; j++) {
            s.append("(declare-const Y_").append(j).append(" Real)\n");
        }
        return s.toString();
    }

    static Property parse(String text) {
        return VnnLibParser.parse(text, "test.vnnlib");
    }

    /**
     * Asserts that {@code value} is the tightest double on the safe side of the decimal
     * {@code exact}: the smallest double ≥ it when {@code up}, the largest ≤ it otherwise.
     */
    static void assertTight(String exact, double value, boolean up) {
        BigDecimal x = new BigDecimal(exact);
        BigDecimal v = new BigDecimal(value);
        BigDecimal beyond = new BigDecimal(up ? Math.nextDown(value) : Math.nextUp(value));
        if (up) {
            assertTrue(v.compareTo(x) >= 0 && beyond.compareTo(x) < 0, value + " is not the smallest double ≥ " + exact);
        } else {
            assertTrue(v.compareTo(x) <= 0 && beyond.compareTo(x) > 0, value + " is not the largest double ≤ " + exact);
        }
    }
}
