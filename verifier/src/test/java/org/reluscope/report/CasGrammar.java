package org.reluscope.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small recursive-descent reader of the polynomial expressions we emit, for tests: numbers,
 * names (with Macaulay2's indexed form y_(0,1)), + − * / and the power operator of one syntax
 * ({@code **} for SymPy, {@code ^} for Macaulay2), parentheses and unary minus. It evaluates
 * as it parses, so a test checks both that the text is well-formed and that it means the
 * polynomial it was made from. Grammar:
 * <pre>
 *   expr  := term (('+' | '−') term)*      term := unary (('*' | '/') unary)*
 *   unary := '−' unary | power             power := atom (POW unary)?
 *   atom  := number | name | '(' expr ')'
 * </pre>
 */
final class CasGrammar {
    private final String text;
    private final String power;
    private final Map<String, Double> values;
    private int pos;

    private CasGrammar(String text, String power, Map<String, Double> values) {
        this.text = text;
        this.power = power;
        this.values = values;
    }

    /** The value of a complete expression; throws IllegalArgumentException on any syntax error. */
    static double evaluate(String text, String power, Map<String, Double> values) {
        CasGrammar g = new CasGrammar(text, power, values);
        double v = g.expr();
        g.skipSpaces();
        if (g.pos != text.length()) {
            throw g.error("unexpected text");
        }
        return v;
    }

    /** Splits "a, b, c" at top-level commas (not inside parentheses). */
    static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                out.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(s.substring(start).strip());
        return out;
    }

    private double expr() {
        double v = term();
        while (true) {
            if (accept("+")) {
                v += term();
            } else if (accept("-")) {
                v -= term();
            } else {
                return v;
            }
        }
    }

    private double term() {
        double v = unary();
        while (true) {
            if (!lookingAt(power) && accept("*")) {
                v *= unary();
            } else if (accept("/")) {
                v /= unary();
            } else {
                return v;
            }
        }
    }

    private double unary() {
        return accept("-") ? -unary() : power();
    }

    private double power() {
        double base = atom();
        if (accept(power)) {
            return Math.pow(base, unary());
        }
        return base;
    }

    private double atom() {
        skipSpaces();
        if (accept("(")) {
            double v = expr();
            expect(")");
            return v;
        }
        int start = pos;
        if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            return Double.parseDouble(text.substring(start, pos));
        }
        if (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            if (text.startsWith("(", pos) && text.charAt(pos - 1) == '_') {
                pos = text.indexOf(')', pos) + 1;
            }
            String name = text.substring(start, pos);
            Double v = values.get(name);
            if (v == null) {
                throw error("unknown variable " + name);
            }
            return v;
        }
        throw error("expected a number, a name or '('");
    }

    private boolean lookingAt(String s) {
        skipSpaces();
        return text.startsWith(s, pos);
    }

    private boolean accept(String s) {
        if (lookingAt(s)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    private void expect(String s) {
        if (!accept(s)) {
            throw error("expected '" + s + "'");
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at " + pos + " in: " + text);
    }
}
