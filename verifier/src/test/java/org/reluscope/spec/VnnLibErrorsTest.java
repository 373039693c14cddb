package org.reluscope.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.reluscope.spec.VnnLib.header;
import static org.reluscope.spec.VnnLib.parse;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reluscope.BadInputException;

/**
 * Every malformed or unsupported file gets its own message, with the line and column worked
 * out by hand. Unless noted, the text is a 4-line header declaring X_0, X_1, Y_0, Y_1
 * followed by the body, which therefore starts on line 5.
 */
class VnnLibErrorsTest {
    private static final String BOX = "(assert (<= X_1 1)) (assert (>= X_1 0))";
    private static final String OR_PAIR = "(or (<= Y_0 1) (<= Y_0 2)) ";

    static Stream<Arguments> cases() {
        return Stream.of(
                body("(assert (<= X_0 1)))", "line 5, column 20: ')' without a matching '('"),
                body("(assert (<= X_0 1)", "line 5, column 1: '(' is never closed"),
                body("assert", "line 5, column 1: 'assert' outside parentheses; expected a command such as (assert …)"),
                body("(define-fun f () Real 1.0)", "line 5, column 1: unknown command 'define-fun'; expected declare-const or assert"),
                body("()", "line 5, column 1: unknown command (no name); expected declare-const or assert"),
                body("(assert (<= X_0 1) (>= X_0 0))", "line 5, column 1: 'assert' takes one formula, found 2"),
                body("(assert (<= X_2 1))", "line 5, column 13: undeclared variable X_2"),
                body("(assert (<= X_0 1.2.3))", "line 5, column 17: '1.2.3' is neither a number nor a declared variable"),
                body("(assert (<= X_0 inf))", "line 5, column 17: 'inf' is neither a number nor a declared variable"),
                body("(assert (not (<= X_0 1)))", "line 5, column 9: unsupported operator 'not': formulas combine"
                        + " comparisons (<=, >=, <, >, =) with 'and' and 'or'"),
                body("(assert X_0)", "line 5, column 9: expected a comparison, 'and' or 'or', found 'X_0'"),
                body("(assert ((<= X_0 1)))", "line 5, column 9: expected a comparison, 'and' or 'or', found a list"),
                body("(assert (or))", "line 5, column 9: 'or' needs at least one operand"),
                body("(assert (<= (/ X_0 2) 1))", "line 5, column 13: unsupported operator '/' in a linear term (expected +, - or *)"),
                body("(assert (<= (* 2) 1))", "line 5, column 13: '*' needs at least 2 operand(s)"),
                body("(assert (<= (* X_0 Y_0) 1))", "line 5, column 20: product of two variable terms is not linear"),
                body("(assert (<= X_0))", "line 5, column 9: '<=' needs at least two operands, found 1"),
                body("(assert (<= X_0 Y_0))", "line 5, column 9: unsupported constraint mixing inputs and outputs [X_0, Y_0]:"
                        + " inputs may only be bounded one at a time, outputs constrained among themselves"),
                body("(assert (<= (+ X_0 X_1) 1))", "line 5, column 9: unsupported constraint on several inputs [X_0, X_1]:"
                        + " input sets must be boxes, bounding one input at a time"),
                body("(assert (<= 1 2))", "line 5, column 9: comparison does not involve any variable"),
                body("(assert (<= Y_0 Y_0))", "line 5, column 9: comparison does not involve any variable"),
                body("(assert (<= X_0 1e400))", "line 5, column 9: number 1E+400 is outside the double range"),
                body("(assert (<= (* 1e-400 Y_0) 1))", "line 5, column 9: coefficient 1E-400 of Y_0 is too small for double precision"),
                body("(assert (<= X_0 0))\n(assert (>= X_0 1))" + BOX,
                        "line 6, column 9: the input box is empty: X_0 ≥ 1.0 contradicts X_0 ≤ 0.0 at line 5, column 9"),
                body("(assert (<= X_0 1))" + BOX, "line 1, column 16: X_0 has no lower bound; every input needs both"),
                body("(assert (or (and (<= X_0 1) (>= X_0 0)) (and (>= X_0 0))))" + BOX,
                        "line 1, column 16: X_0 has no upper bound in disjunct 2 of 2; every input needs both"),
                body("(declare-const X_1 Real)", "line 5, column 16: X_1 is declared twice (first at line 2, column 16)"),
                body("(declare-const Z Real)", "line 5, column 16: unsupported variable name 'Z':"
                        + " VNN-LIB names inputs X_0, X_1, … and outputs Y_0, Y_1, …"),
                body("(declare-const X_02 Real)", "line 5, column 16: unsupported variable name 'X_02':"
                        + " VNN-LIB names inputs X_0, X_1, … and outputs Y_0, Y_1, …"),
                body("(declare-const X_2 Int)", "line 5, column 20: X_2 has sort 'Int'; only Real is supported"),
                body("(declare-const X_2)", "line 5, column 1: expected (declare-const NAME Real)"),
                body("(declare-const Y_3 Real)", "line 5, column 16: Y_3 is declared but Y_2 is not:"
                        + " variables must be numbered Y_0, Y_1, … without gaps"),
                body("(assert (<= X_0 1))\r\n(assert (<= X_9 1))", "line 6, column 13: undeclared variable X_9"),
                body("; ((( in a comment\n(assert (<= X_0 q))", "line 6, column 17: 'q' is neither a number nor a declared variable"),
                body("(assert " + "(and ".repeat(600), "line 5, column 2504: nesting deeper than 500 levels"),
                body("(assert (and " + OR_PAIR.repeat(17) + "))", "line 5, column 446: the property has 131072 disjuncts"
                        + " here in disjunctive normal form, more than the limit of 100000; split it into several files"),
                body(("(assert " + OR_PAIR + ")\n").repeat(17), "line 21, column 1: the property has 131072 disjuncts"
                        + " here in disjunctive normal form, more than the limit of 100000; split it into several files"),
                Arguments.of("no outputs", "(declare-const X_0 Real)\n(assert (<= X_0 1))",
                        "line 1, column 1: no output variables (Y_0, …) are declared"),
                Arguments.of("empty file", "", "line 1, column 1: no input variables (X_0, …) are declared"));
    }

    private static Arguments body(String body, String message) {
        return Arguments.of(body.length() > 60 ? body.substring(0, 60) + "…" : body, header(2, 2) + body, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachMalformedFileHasItsOwnMessage(String name, String text, String message) {
        BadInputException e = assertThrows(BadInputException.class, () -> parse(text));
        assertEquals("test.vnnlib", e.source());
        assertEquals(message, e.getMessage());
    }

    @Test
    void missingFileIsBadInput(@TempDir Path dir) {
        Path missing = dir.resolve("absent.vnnlib");
        BadInputException e = assertThrows(BadInputException.class, () -> VnnLibParser.parse(missing));
        assertEquals(missing + ": no such file", e.describe());
    }
}
