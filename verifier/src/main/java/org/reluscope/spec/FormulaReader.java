package org.reluscope.spec;

import java.util.List;

import org.reluscope.spec.SExpression.Atom;
import org.reluscope.spec.SExpression.Compound;
import org.reluscope.spec.SExpression.Position;

/**
 * Converts a VNN-LIB formula — comparisons combined with {@code and} / {@code or}, nested in
 * any way — to disjunctive normal form. Distribution can multiply the number of terms, so
 * every combination is checked against a limit first and fails with a clear message rather
 * than exhausting memory.
 */
final class FormulaReader {
    private final String source;
    private final ConstraintReader constraints;
    private final int maxDisjuncts;

    FormulaReader(String source, ConstraintReader constraints, int maxDisjuncts) {
        this.source = source;
        this.constraints = constraints;
        this.maxDisjuncts = maxDisjuncts;
    }

    /** The DNF of {@code formula}. */
    Dnf read(SExpression formula) {
        if (!(formula instanceof Compound c) || c.head() == null) {
            String found = formula instanceof Atom a ? "'" + a.text() + "'" : "a list";
            throw formula.at().error(source, "expected a comparison, 'and' or 'or', found " + found);
        }
        String op = c.head();
        if (ConstraintReader.isComparison(op)) {
            return Dnf.of(constraints.read(c));
        }
        boolean and = op.equals("and");
        if (!and && !op.equals("or")) {
            throw c.at().error(source, "unsupported operator '" + op
                    + "': formulas combine comparisons (<=, >=, <, >, =) with 'and' and 'or'");
        }
        List<SExpression> args = c.arguments();
        if (args.isEmpty()) {
            throw c.at().error(source, "'" + op + "' needs at least one operand");
        }
        Dnf result = and ? Dnf.alwaysTrue() : Dnf.alwaysFalse();
        for (SExpression arg : args) {
            Dnf part = read(arg);
            if (and) {
                conjoin(result, part, arg.at());
            } else {
                checkSize((long) result.size() + part.size(), arg.at());
                result.orWith(part);
            }
        }
        return result;
    }

    /** acc := acc ∧ part, unless that has too many terms. Modified: acc. */
    void conjoin(Dnf acc, Dnf part, Position at) {
        checkSize((long) acc.size() * part.size(), at);
        acc.andWith(part);
    }

    private void checkSize(long size, Position at) {
        if (size > maxDisjuncts) {
            throw at.error(source, "the property has " + size + " disjuncts here in disjunctive normal form,"
                    + " more than the limit of " + maxDisjuncts + "; split it into several files");
        }
    }
}
