package org.reluscope.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reluscope.input.InputSet;

/**
 * A verification problem in VNN-LIB's sense: the UNSAFE set is the union of its
 * {@link Disjunct}s. The property holds ({@code unsat}) when no input of any disjunct's
 * input set maps into that disjunct's unsafe output polyhedron.
 */
public record Property(int inputSize, int outputSize, List<Disjunct> disjuncts) {

    public Property {
        if (disjuncts.isEmpty()) {
            throw new IllegalArgumentException("property has no disjuncts");
        }
        for (Disjunct d : disjuncts) {
            if (d.input().dimension() != inputSize) {
                throw new IllegalArgumentException("disjunct input set has dimension " + d.input().dimension()
                        + " but the property declares " + inputSize + " inputs");
            }
            if (d.unsafe().rowCount() > 0 && d.unsafe().row(0).length != outputSize) {
                throw new IllegalArgumentException("disjunct output rows have " + d.unsafe().row(0).length
                        + " entries but the property declares " + outputSize + " outputs");
            }
        }
        disjuncts = List.copyOf(disjuncts);
    }

    /**
     * The disjuncts grouped by input set, in first-seen order: work on one input set (bounds,
     * regions, splitting) is shared by all of its output disjuncts.
     */
    public Map<InputSet, List<LinearConstraints>> byInputSet() {
        Map<InputSet, List<LinearConstraints>> groups = new LinkedHashMap<>();
        for (Disjunct d : disjuncts) {
            groups.computeIfAbsent(d.input(), k -> new ArrayList<>()).add(d.unsafe());
        }
        return groups;
    }

    /** The distinct input sets, in first-seen order. */
    public List<InputSet> inputSets() {
        return List.copyOf(byInputSet().keySet());
    }

    /**
     * Robustness around a point: unsafe when some other class scores at least as high as
     * {@code label}, i.e. the disjuncts y_j − y_label ≥ 0 for every j ≠ label.
     */
    public static Property robustness(InputSet input, int outputSize, int label) {
        if (label < 0 || label >= outputSize) {
            throw new IllegalArgumentException("label " + label + " is not an output index (0.." + (outputSize - 1) + ")");
        }
        List<Disjunct> disjuncts = new ArrayList<>();
        for (int j = 0; j < outputSize; j++) {
            if (j != label) {
                double[] row = new double[outputSize];
                row[label] = 1;
                row[j] = -1;
                disjuncts.add(new Disjunct(input, LinearConstraints.of(row, 0)));
            }
        }
        return new Property(input.dimension(), outputSize, disjuncts);
    }

    /** Whether the concrete pair (x, f(x)) lies in some disjunct (x within {@code tol} of its input set). */
    public boolean isViolatedBy(double[] x, double[] y, double tol) {
        for (Disjunct d : disjuncts) {
            if (d.input().contains(x, tol) && d.unsafe().contains(y)) {
                return true;
            }
        }
        return false;
    }
}
