package org.reluscope.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.reluscope.input.Box;
import org.reluscope.spec.Constraint.InputBound;
import org.reluscope.spec.Constraint.OutputRow;

/**
 * Turns the DNF terms of a VNN-LIB file into {@link Disjunct}s: the input bounds of a term
 * intersect into its box (every input needs a lower and an upper bound), its output rows
 * form the unsafe polyhedron A y ≤ b (no rows: every output is unsafe). Terms with equal
 * boxes share one {@link Box} instance, so {@link Property#byInputSet()} groups them cheaply.
 */
final class DisjunctBuilder {
    private final String source;
    private final Declarations declarations;
    private final Map<Box, Box> boxes = new HashMap<>();

    DisjunctBuilder(String source, Declarations declarations) {
        this.source = source;
        this.declarations = declarations;
    }

    Property build(Dnf unsafe) {
        List<List<Constraint>> terms = unsafe.terms();
        List<Disjunct> disjuncts = new ArrayList<>(terms.size());
        for (int k = 0; k < terms.size(); k++) {
            String where = terms.size() == 1 ? "" : " in disjunct " + (k + 1) + " of " + terms.size();
            Box box = boxes.computeIfAbsent(box(terms.get(k), where), b -> b);
            disjuncts.add(new Disjunct(box, rows(terms.get(k))));
        }
        return new Property(declarations.inputCount(), declarations.outputCount(), disjuncts);
    }

    private Box box(List<Constraint> term, String where) {
        int n = declarations.inputCount();
        double[] lower = new double[n];
        double[] upper = new double[n];
        Arrays.fill(lower, Double.NEGATIVE_INFINITY);
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        InputBound[] lowerBy = new InputBound[n];
        InputBound[] upperBy = new InputBound[n];
        for (Constraint c : term) {
            if (c instanceof InputBound b) {
                int i = b.index();
                if (b.upper() && b.value() < upper[i]) {
                    upper[i] = b.value();
                    upperBy[i] = b;
                } else if (!b.upper() && b.value() > lower[i]) {
                    lower[i] = b.value();
                    lowerBy[i] = b;
                }
                if (lower[i] > upper[i]) {
                    InputBound other = b.upper() ? lowerBy[i] : upperBy[i];
                    throw b.at().error(source, "the input box is empty" + where + ": " + b + " contradicts "
                            + other + " at " + other.at());
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (lowerBy[i] == null || upperBy[i] == null) {
                Variable x = new Variable(false, i);
                throw declarations.position(x).error(source, x + " has no " + (lowerBy[i] == null ? "lower" : "upper")
                        + " bound" + where + "; every input needs both");
            }
        }
        return new Box(lower, upper);
    }

    private LinearConstraints rows(List<Constraint> term) {
        int m = declarations.outputCount();
        List<double[]> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (Constraint c : term) {
            if (c instanceof OutputRow row) {
                a.add(row.dense(m));
                b.add(row.rhs());
            }
        }
        double[] rhs = new double[b.size()];
        for (int r = 0; r < rhs.length; r++) {
            rhs[r] = b.get(r);
        }
        return new LinearConstraints(a.toArray(new double[0][]), rhs);
    }
}
