package org.reluscope.algebra;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a {@link Polynomial} is written for a reader.
 *
 * <ul>
 *   <li>{@link #TEXT}: for people; decimal coefficients ({@code 0.5*y0 - y1^2 + 0.25}).</li>
 *   <li>{@link #SYMPY}: an expression SymPy's {@code sympify} reads; {@code **} for powers
 *       and exact rational coefficients ({@code 1/2*y0 - y1**2 + 1/4}), so that SymPy works
 *       over ℚ; {@code #} starts a comment.</li>
 *   <li>{@link #MACAULAY2}: Macaulay2 syntax over {@code QQ}, rational coefficients,
 *       {@code ^} for powers, {@code --} comments; a variable {@code y_0_1} is written as the
 *       indexed variable {@code y_(0,1)} because an underscore is Macaulay2's subscript.</li>
 * </ul>
 *
 * <p>Rational coefficients are the shortest decimal that reads back as the same double, as a
 * fraction in lowest terms: 0.1 is written 1/10, not the binary fraction
 * 3602879701896397/36028797018963968. A reader thus sees the value the computation meant,
 * and its distance from the stored double is below half a unit in the last place.
 */
public enum PolynomialSyntax {
    TEXT("#", "^"),
    SYMPY("#", "**"),
    MACAULAY2("--", "^");

    private static final Pattern INDEXED = Pattern.compile("([A-Za-z][A-Za-z0-9]*)((?:_\\d+)+)");

    private final String commentPrefix;
    private final String power;

    PolynomialSyntax(String commentPrefix, String power) {
        this.commentPrefix = commentPrefix;
        this.power = power;
    }

    /** The polynomial in this syntax; the zero polynomial is {@code 0}. */
    public String format(Polynomial p) {
        if (p.isZero()) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < p.termCount(); t++) {
            double c = p.coefficient(t);
            int[] m = p.monomial(t);
            if (t == 0) {
                sb.append(c < 0 ? "-" : "");
            } else {
                sb.append(c < 0 ? " - " : " + ");
            }
            String monomial = monomial(p.variables(), m);
            double a = Math.abs(c);
            if (monomial.isEmpty()) {
                sb.append(coefficient(a));
            } else if (a == 1) {
                sb.append(monomial);
            } else {
                sb.append(coefficient(a)).append('*').append(monomial);
            }
        }
        return sb.toString();
    }

    /** The product f_1·f_2·…, each factor in parentheses when there are several; an empty product is 1. */
    public String formatProduct(List<Polynomial> factors) {
        if (factors.isEmpty()) {
            return "1";
        }
        if (factors.size() == 1) {
            return format(factors.get(0));
        }
        StringJoiner joiner = new StringJoiner("*");
        for (Polynomial f : factors) {
            joiner.add("(" + format(f) + ")");
        }
        return joiner.toString();
    }

    /** A variable name as this syntax must write it. */
    public String variable(String name) {
        if (this != MACAULAY2) {
            return name;
        }
        Matcher m = INDEXED.matcher(name);
        if (!m.matches()) {
            return name;
        }
        String[] indices = m.group(2).substring(1).split("_");
        return m.group(1) + "_" + (indices.length == 1 ? indices[0] : "(" + String.join(",", indices) + ")");
    }

    /** The text as comment lines of this syntax (each line prefixed). */
    public String comment(String text) {
        StringJoiner joiner = new StringJoiner("\n");
        for (String line : text.split("\n", -1)) {
            joiner.add(line.isEmpty() ? commentPrefix : commentPrefix + " " + line);
        }
        return joiner.toString();
    }

    /** For Macaulay2, {@code R = QQ[y0, y1];}; the other syntaxes declare nothing (a comment naming the variables). */
    public String ringDeclaration(String ringName, List<String> variables) {
        StringJoiner joiner = new StringJoiner(", ");
        for (String v : variables) {
            joiner.add(variable(v));
        }
        if (this == MACAULAY2) {
            return ringName + " = QQ[" + joiner + "];";
        }
        return comment("variables: " + joiner);
    }

    /** A non-negative coefficient as this syntax writes it. */
    public String coefficient(double a) {
        if (this == TEXT) {
            return decimal(a);
        }
        return rational(a);
    }

    private String monomial(List<String> variables, int[] m) {
        StringJoiner joiner = new StringJoiner("*");
        int i = 0;
        while (i < m.length) {
            int j = i;
            while (j < m.length && m[j] == m[i]) {
                j++;
            }
            String name = variable(variables.get(m[i]));
            joiner.add(j - i == 1 ? name : name + power + (j - i));
            i = j;
        }
        return joiner.toString();
    }

    /** Shortest round-trip decimal, without a trailing ".0", exponent as {@code e-7}. */
    static String decimal(double a) {
        String s = Double.toString(a);
        if (s.endsWith(".0")) {
            return s.substring(0, s.length() - 2);
        }
        return s.replace(".0E", "E").replace('E', 'e');
    }

    /** Shortest round-trip decimal as a fraction p/q in lowest terms (or an integer). */
    static String rational(double a) {
        BigDecimal d = new BigDecimal(Double.toString(a));
        BigInteger numerator = d.unscaledValue();
        int scale = d.scale();
        if (scale <= 0) {
            return numerator.multiply(BigInteger.TEN.pow(-scale)).toString();
        }
        BigInteger denominator = BigInteger.TEN.pow(scale);
        BigInteger g = numerator.gcd(denominator);
        numerator = numerator.divide(g);
        denominator = denominator.divide(g);
        return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
    }
}
