package org.reluscope.verify;

/**
 * What a search found for one disjunct of a property (one input set, one unsafe output
 * polyhedron { y : A y ≤ b }).
 */
public sealed interface DisjunctOutcome permits DisjunctOutcome.Proved, Witness, DisjunctOutcome.Undecided {

    /** No input of the set reaches the unsafe polyhedron; proven with sound arithmetic. */
    record Proved(String method) implements DisjunctOutcome {
    }

    /** Neither: the budget ran out or the method is incomplete for this case; {@code reason} says which. */
    record Undecided(String reason, boolean timedOut) implements DisjunctOutcome {
    }
}
