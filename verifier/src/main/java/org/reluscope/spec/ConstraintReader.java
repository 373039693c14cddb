package org.reluscope.spec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.reluscope.numeric.Decimals;
import org.reluscope.spec.SExpression.Atom;
import org.reluscope.spec.SExpression.Compound;
import org.reluscope.spec.SExpression.Position;

/**
 * Turns one comparison {@code (op t1 t2 …)} of a VNN-LIB formula into normalised
 * {@link Constraint}s. Terms are linear: numbers, declared variables, {@code (+ …)},
 * {@code (- …)} and {@code (* …)} with at most one non-constant factor. A comparison
 * e₁ ≤ e₂ becomes e₁ − e₂ ≤ 0, then
 * <ul>
 * <li>c·x_i + k ≤ 0 (one input) becomes the bound x_i ≤ −k/c (c &gt; 0) or x_i ≥ −k/c (c &lt; 0),
 *     rounded outward, so the input box contains the one the file describes;</li>
 * <li>Σ a_j y_j + k ≤ 0 (outputs only) becomes the row a·y ≤ −k with −k rounded up, so the
 *     unsafe set contains the one the file describes (the coefficients a_j are rounded to
 *     nearest; they are exact for the usual integers).</li>
 * </ul>
 * Strict {@code <}, {@code >} are read as ≤, ≥ (the closure, again the larger set);
 * {@code =} gives both directions; a chain {@code (<= a b c)} means a ≤ b and b ≤ c.
 * Other comparisons — several inputs, inputs with outputs, no variable at all — are rejected.
 */
final class ConstraintReader {
    private static final Set<String> COMPARISONS = Set.of("<=", ">=", "<", ">", "=");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[XY]_[0-9]+");
    /** Precision of an inexact quotient −k/c; its directed rounding is then tightened to a double. */
    private static final int QUOTIENT_DIGITS = 40;

    private final String source;
    private final Declarations declarations;

    ConstraintReader(String source, Declarations declarations) {
        this.source = source;
        this.declarations = declarations;
    }

    static boolean isComparison(String operator) {
        return COMPARISONS.contains(operator);
    }

    /** The conjunction of constraints that {@code comparison} states. */
    List<Constraint> read(Compound comparison) {
        String op = comparison.head();
        List<SExpression> operands = comparison.arguments();
        if (operands.size() < 2) {
            throw comparison.at().error(source, "'" + op + "' needs at least two operands, found " + operands.size());
        }
        List<Constraint> out = new ArrayList<>(2);
        LinearExpression left = term(operands.get(0));
        for (int i = 1; i < operands.size(); i++) {
            LinearExpression right = term(operands.get(i));
            if (!op.startsWith(">")) {
                normalise(left.minus(right), comparison.at(), out);
            }
            if (!op.startsWith("<")) {
                normalise(right.minus(left), comparison.at(), out);
            }
            left = right;
        }
        return out;
    }

    /** Adds the constraint e ≤ 0 to out. */
    private void normalise(LinearExpression e, Position at, List<Constraint> out) {
        if (e.isConstant()) {
            throw at.error(source, "comparison does not involve any variable");
        }
        long inputs = e.coefficients().keySet().stream().filter(v -> !v.output()).count();
        if (inputs > 0 && inputs < e.coefficients().size()) {
            throw at.error(source, "unsupported constraint mixing inputs and outputs " + e.coefficients().keySet()
                    + ": inputs may only be bounded one at a time, outputs constrained among themselves");
        }
        if (inputs > 1) {
            throw at.error(source, "unsupported constraint on several inputs " + e.coefficients().keySet()
                    + ": input sets must be boxes, bounding one input at a time");
        }
        out.add(inputs == 1 ? inputBound(e, at) : outputRow(e, at));
    }

    /** c·x + k ≤ 0 as x ≤ −k/c or x ≥ −k/c. */
    private Constraint inputBound(LinearExpression e, Position at) {
        Map.Entry<Variable, BigDecimal> only = e.coefficients().entrySet().iterator().next();
        BigDecimal c = only.getValue();
        BigDecimal minusK = e.constant().negate();
        boolean upper = c.signum() > 0;
        BigDecimal quotient = c.abs().compareTo(BigDecimal.ONE) == 0
                ? minusK.multiply(c)
                : minusK.divide(c, new MathContext(QUOTIENT_DIGITS, upper ? RoundingMode.CEILING : RoundingMode.FLOOR));
        double value = upper ? Decimals.up(quotient) : Decimals.down(quotient);
        return new Constraint.InputBound(only.getKey().index(), upper, finite(value, quotient, at), at);
    }

    /** Σ a_j y_j + k ≤ 0 as the row a·y ≤ −k. */
    private Constraint outputRow(LinearExpression e, Position at) {
        int n = e.coefficients().size();
        int[] indices = new int[n];
        double[] coefficients = new double[n];
        int k = 0;
        for (Map.Entry<Variable, BigDecimal> entry : e.coefficients().entrySet()) {
            double c = Decimals.nearest(entry.getValue());
            if (c == 0) {
                throw at.error(source, "coefficient " + entry.getValue() + " of " + entry.getKey()
                        + " is too small for double precision");
            }
            indices[k] = entry.getKey().index();
            coefficients[k++] = finite(c, entry.getValue(), at);
        }
        BigDecimal rhs = e.constant().negate();
        return new Constraint.OutputRow(indices, coefficients, finite(Decimals.up(rhs), rhs, at), at);
    }

    private double finite(double value, BigDecimal exact, Position at) {
        if (!Double.isFinite(value) || Math.abs(value) == Double.MAX_VALUE) {
            throw at.error(source, "number " + exact.stripTrailingZeros() + " is outside the double range");
        }
        return value;
    }

    /** A linear term: number, declared variable, or (+ …), (- …), (* …) of terms. */
    private LinearExpression term(SExpression e) {
        if (e instanceof Atom atom) {
            return atomTerm(atom);
        }
        Compound c = (Compound) e;
        String op = c.head();
        List<SExpression> args = c.arguments();
        if (op == null) {
            throw c.at().error(source, "expected an operator after '('");
        }
        int minimum = op.equals("*") ? 2 : 1;
        if (!(op.equals("+") || op.equals("-") || op.equals("*"))) {
            throw c.at().error(source, "unsupported operator '" + op + "' in a linear term (expected +, - or *)");
        }
        if (args.size() < minimum) {
            throw c.at().error(source, "'" + op + "' needs at least " + minimum + " operand(s)");
        }
        LinearExpression result = term(args.get(0));
        if (op.equals("-") && args.size() == 1) {
            return result.times(BigDecimal.ONE.negate());
        }
        for (SExpression arg : args.subList(1, args.size())) {
            LinearExpression next = term(arg);
            result = switch (op) {
                case "+" -> result.plus(next);
                case "-" -> result.minus(next);
                default -> product(result, next, arg.at());
            };
        }
        return result;
    }

    private LinearExpression product(LinearExpression a, LinearExpression b, Position at) {
        if (!a.isConstant() && !b.isConstant()) {
            throw at.error(source, "product of two variable terms is not linear");
        }
        return a.isConstant() ? b.times(a.constant()) : a.times(b.constant());
    }

    private LinearExpression atomTerm(Atom atom) {
        Variable v = declarations.lookup(atom.text());
        if (v != null) {
            return LinearExpression.variable(v);
        }
        if (VARIABLE_NAME.matcher(atom.text()).matches()) {
            throw atom.at().error(source, "undeclared variable " + atom.text());
        }
        try {
            return LinearExpression.constant(new BigDecimal(atom.text()));
        } catch (NumberFormatException e) {
            throw atom.at().error(source, "'" + atom.text() + "' is neither a number nor a declared variable");
        }
    }
}
