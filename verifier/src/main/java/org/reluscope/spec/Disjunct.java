package org.reluscope.spec;

import java.util.Objects;

import org.reluscope.input.InputSet;

/**
 * One disjunct of an unsafe set: inputs in {@code input} whose outputs satisfy every row of
 * {@code unsafe}. The property is violated if some x in the input set has f(x) in unsafe.
 */
public record Disjunct(InputSet input, LinearConstraints unsafe) {
    public Disjunct {
        Objects.requireNonNull(input);
        Objects.requireNonNull(unsafe);
    }
}
