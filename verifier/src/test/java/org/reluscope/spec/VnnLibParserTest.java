package org.reluscope.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reluscope.spec.VnnLib.assertTight;
import static org.reluscope.spec.VnnLib.header;
import static org.reluscope.spec.VnnLib.parse;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.reluscope.input.Box;

class VnnLibParserTest {
    private static final String UNIT_BOX_2 = "(assert (<= X_0 1)) (assert (>= X_0 0)) (assert (<= X_1 1)) (assert (>= X_1 0))\n";

    @Test
    void boundsAndOneRow() {
        Property p = parse(header(2, 3) + "(assert (<= X_0 1.0))\n(assert (>= X_0 -2))\n(assert (>= X_1 0.25))\n"
                + "(assert (<= X_1 0.5))\n(assert (<= Y_0 Y_2))\n");
        assertEquals(2, p.inputSize());
        assertEquals(3, p.outputSize());
        assertEquals(1, p.disjuncts().size());
        Disjunct d = p.disjuncts().get(0);
        assertEquals(new Box(new double[] {-2, 0.25}, new double[] {1, 0.5}), d.input());
        assertEquals(LinearConstraints.of(new double[] {1, 0, -1}, 0), d.unsafe());
    }

    @Test
    void boundsOnOneInputIntersect() {
        Property p = parse(header(2, 1) + "(assert (<= X_0 1)) (assert (<= X_0 0.5)) (assert (>= X_0 -1))"
                + " (assert (>= X_0 0)) (assert (= X_1 0.25)) (assert (<= 0 X_0 3))");
        assertEquals(new Box(new double[] {0, 0.25}, new double[] {0.5, 0.25}), p.disjuncts().get(0).input());
        assertEquals(0, p.disjuncts().get(0).unsafe().rowCount(), "no output comparison: every output is unsafe");
    }

    @Test
    void scaledAndFlippedInputComparisonsBecomeTightOutwardBounds() {
        Property p = parse(header(3, 1) + "(assert (>= 1 X_0)) (assert (<= (* -2 X_0) 1))"
                + " (assert (<= (* 3 X_1) 1)) (assert (< (- X_1) 1))"
                + " (assert (> X_2 0.1)) (assert (<= (+ X_2 (* 2 X_2) -1) (- 0.5 1)))");
        Box box = (Box) p.disjuncts().get(0).input();
        assertEquals(1, box.upper(0));
        assertEquals(-0.5, box.lower(0));
        assertEquals(-1, box.lower(1));
        // x1 ≤ 1/3: the smallest double above the real 1/3
        BigDecimal third = new BigDecimal(box.upper(1)).multiply(BigDecimal.valueOf(3));
        BigDecimal below = new BigDecimal(Math.nextDown(box.upper(1))).multiply(BigDecimal.valueOf(3));
        assertTrue(third.compareTo(BigDecimal.ONE) >= 0 && below.compareTo(BigDecimal.ONE) < 0, "x1 ≤ 1/3 not tight");
        assertTight("0.1", box.lower(2), false);
        // 3 x2 − 1 ≤ −0.5 ⇔ x2 ≤ 1/6
        BigDecimal sixth = new BigDecimal(box.upper(2)).multiply(BigDecimal.valueOf(6));
        assertTrue(sixth.compareTo(BigDecimal.ONE) >= 0, "x2 ≤ 1/6 rounded inward");
    }

    @Test
    void inexactDecimalsRoundOutward() {
        Property p = parse(header(1, 1) + "(assert (>= X_0 0.1)) (assert (<= X_0 0.3)) (assert (<= Y_0 0.1))"
                + " (assert (>= Y_0 -0.7))");
        Box box = (Box) p.disjuncts().get(0).input();
        assertTight("0.1", box.lower(0), false);
        assertTight("0.3", box.upper(0), true);
        LinearConstraints rows = p.disjuncts().get(0).unsafe();
        assertArrayEquals(new double[] {1}, rows.row(0));
        assertTight("0.1", rows.rhs(0), true);
        assertArrayEquals(new double[] {-1}, rows.row(1));
        assertTight("0.7", rows.rhs(1), true);
    }

    @Test
    void outputComparisonsNormaliseToRows() {
        Property p = parse(header(1, 3) + "(assert (<= X_0 1)) (assert (>= X_0 0))\n"
                + "(assert (>= Y_0 3.5))\n"
                + "(assert (<= (+ Y_0 (* 2 Y_1)) (- 1 Y_1)))\n"
                + "(assert (> Y_1 Y_0))\n"
                + "(assert (= (* Y_2 -0.5) 2))\n"
                + "(assert (<= (- Y_0 Y_1 Y_2) (* 2 4 0.25)))\n");
        LinearConstraints rows = p.disjuncts().get(0).unsafe();
        double[][] a = {{-1, 0, 0}, {1, 3, 0}, {1, -1, 0}, {0, 0, -0.5}, {0, 0, 0.5}, {1, -1, -1}};
        double[] b = {-3.5, 1, 0, 2, -2, 2};
        assertEquals(new LinearConstraints(a, b), rows);
    }

    @Test
    void nestedAndOrDistributeInOrder() {
        String row = "(<= Y_0 %d)";
        String a = String.format(row, 1);
        String b = String.format(row, 2);
        String c = String.format(row, 3);
        String d = String.format(row, 4);
        Property p = parse(header(2, 1) + UNIT_BOX_2
                + "(assert (or (and " + a + " (or " + b + " " + c + ")) " + d + "))");
        assertEquals(List.of(List.of(1.0, 2.0), List.of(1.0, 3.0), List.of(4.0)), rhsOf(p));
        Property q = parse(header(2, 1) + UNIT_BOX_2
                + "(assert (and (or " + a + " " + b + ") (or " + c + " (and " + d + " " + a + "))))");
        assertEquals(List.of(List.of(1.0, 3.0), List.of(1.0, 4.0, 1.0), List.of(2.0, 3.0), List.of(2.0, 4.0, 1.0)),
                rhsOf(q));
        Property r = parse(header(2, 1) + "(assert (or " + a + " " + b + "))\n" + UNIT_BOX_2
                + "(assert (or " + c + " " + d + "))");
        assertEquals(List.of(List.of(1.0, 3.0), List.of(1.0, 4.0), List.of(2.0, 3.0), List.of(2.0, 4.0)), rhsOf(r));
    }

    @Test
    void eachDisjunctHasItsOwnBoxAndEqualBoxesAreShared() {
        Property p = parse(header(1, 2) + "(assert (or\n"
                + "  (and (<= X_0 1) (>= X_0 0) (<= Y_0 Y_1))\n"
                + "  (and (<= X_0 3) (>= X_0 2))\n"
                + "  (and (>= X_0 0) (<= X_0 1) (>= Y_0 5))))");
        assertEquals(3, p.disjuncts().size());
        assertEquals(2, p.inputSets().size());
        assertEquals(new Box(new double[] {2}, new double[] {3}), p.disjuncts().get(1).input());
        assertEquals(0, p.disjuncts().get(1).unsafe().rowCount());
        assertSame(p.disjuncts().get(0).input(), p.disjuncts().get(2).input());
        assertEquals(List.of(LinearConstraints.of(new double[] {1, -1}, 0), LinearConstraints.of(new double[] {-1, 0}, -5)),
                p.byInputSet().get(p.disjuncts().get(0).input()));
    }

    @Test
    void layoutCommentsLineEndingsAndNumberForms() {
        String text = "; a comment (with parentheses\r\n(declare-const X_0 Real) ; trailing\r\n"
                + "(declare-const\tY_0\n   Real)\n(set-logic QF_LRA)\n"
                + "(assert\n  (<=\n X_0\n 1E2))(assert (>= X_0 -1.5e-3));\n(assert (>= Y_0 +2.))\n(check-sat)\n(exit)\n";
        Property p = parse(text);
        Box box = (Box) p.disjuncts().get(0).input();
        assertEquals(100, box.upper(0));
        assertTight("-1.5e-3", box.lower(0), false);
        assertEquals(LinearConstraints.of(new double[] {-1}, -2), p.disjuncts().get(0).unsafe());
    }

    private static List<List<Double>> rhsOf(Property p) {
        return p.disjuncts().stream()
                .map(d -> {
                    LinearConstraints c = d.unsafe();
                    return IntStream.range(0, c.rowCount()).mapToObj(c::rhs).toList();
                })
                .toList();
    }
}
