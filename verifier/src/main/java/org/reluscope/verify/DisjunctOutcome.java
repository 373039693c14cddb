package org.reluscope.verify;

/**
 * What a search found for one disjunct of a property (one input set, one unsafe output
 * polyhedron { y : A y ≤ b }).
 */
public sealed interface DisjunctOutcome {

    /** No input of the set reaches the unsafe polyhedron; proven with sound arithmetic. */
    record Proved(String method) implements DisjunctOutcome {
    }

    /**
     * An input that reaches the unsafe polyhedron; it has passed {@link WitnessCheck} (re-evaluated
     * in double precision, inside the input set, violating every row).
     */
    record Violated(double[] input, double[] output) implements DisjunctOutcome {
        public Violated {
            input = input.clone();
            output = output.clone();
        }

        @Override
        public double[] input() {
            return input.clone();
        }

        @Override
        public double[] output() {
            return output.clone();
        }
    }

    /** Neither: the budget ran out or the method is incomplete for this case; {@code reason} says which. */
    record Undecided(String reason, boolean timedOut) implements DisjunctOutcome {
    }
}
