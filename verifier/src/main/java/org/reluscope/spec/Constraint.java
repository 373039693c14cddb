package org.reluscope.spec;

import org.reluscope.spec.SExpression.Position;

/**
 * One comparison of a VNN-LIB formula after normalisation: either a bound on one input or a
 * row a·y ≤ b over the outputs. Every double here is already rounded in the sound direction
 * (see {@link ConstraintReader}).
 */
sealed interface Constraint permits Constraint.InputBound, Constraint.OutputRow {

    /** Where the comparison is written. */
    Position at();

    /** x_index ≤ value (upper) or x_index ≥ value (lower). */
    record InputBound(int index, boolean upper, double value, Position at) implements Constraint {
        @Override
        public String toString() {
            return "X_" + index + (upper ? " ≤ " : " ≥ ") + value;
        }
    }

    /**
     * Σ_k coefficients[k] · y_{indices[k]} ≤ rhs. Arrays are owned by the record and never
     * modified.
     */
    record OutputRow(int[] indices, double[] coefficients, double rhs, Position at) implements Constraint {
        /** The dense row a over {@code outputs} outputs. */
        double[] dense(int outputs) {
            double[] a = new double[outputs];
            for (int k = 0; k < indices.length; k++) {
                a[indices[k]] = coefficients[k];
            }
            return a;
        }
    }
}
