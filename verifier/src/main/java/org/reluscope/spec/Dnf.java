package org.reluscope.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A formula in disjunctive normal form, built in place: a disjunction of terms, each the
 * conjunction of its constraints. Conjunction distributes over disjunction,
 * (a ∨ b) ∧ (c ∨ d) = ac ∨ ad ∨ bc ∨ bd, so the number of terms multiplies; callers bound it
 * before combining (see {@link FormulaReader}).
 *
 * <p>Each term list is owned by exactly one Dnf; constraints are immutable and shared.
 */
final class Dnf {
    private final List<List<Constraint>> terms;

    private Dnf(List<List<Constraint>> terms) {
        this.terms = terms;
    }

    /** The empty conjunction: one term with no constraint. */
    static Dnf alwaysTrue() {
        return of(List.of());
    }

    /** The empty disjunction: no term. */
    static Dnf alwaysFalse() {
        return new Dnf(new ArrayList<>());
    }

    /** A single term. Not modified: conjunction. */
    static Dnf of(List<Constraint> conjunction) {
        List<List<Constraint>> terms = new ArrayList<>(1);
        terms.add(new ArrayList<>(conjunction));
        return new Dnf(terms);
    }

    int size() {
        return terms.size();
    }

    /** The terms, read-only. */
    List<List<Constraint>> terms() {
        return Collections.unmodifiableList(terms);
    }

    /** this := this ∧ other, distributing. Modified: this; other is left unchanged. */
    void andWith(Dnf other) {
        if (other.terms.size() == 1) {
            // the common case (a plain conjunction): append, no copying of existing terms
            for (List<Constraint> t : terms) {
                t.addAll(other.terms.get(0));
            }
            return;
        }
        List<List<Constraint>> product = new ArrayList<>(terms.size() * other.terms.size());
        for (List<Constraint> t : terms) {
            for (List<Constraint> u : other.terms) {
                List<Constraint> both = new ArrayList<>(t.size() + u.size());
                both.addAll(t);
                both.addAll(u);
                product.add(both);
            }
        }
        terms.clear();
        terms.addAll(product);
    }

    /** this := this ∨ other. Modified: this; other gives up its terms and must not be used again. */
    void orWith(Dnf other) {
        terms.addAll(other.terms);
        other.terms.clear();
    }
}
