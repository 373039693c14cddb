package org.reluscope.spec;

/**
 * A VNN-LIB variable: network input {@code X_index} or output {@code Y_index}.
 */
record Variable(boolean output, int index) {
    @Override
    public String toString() {
        return (output ? "Y_" : "X_") + index;
    }
}
