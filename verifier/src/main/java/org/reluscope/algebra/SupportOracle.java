package org.reluscope.algebra;

import java.util.Optional;

/**
 * Maximises a linear function over a fixed input polytope: the one query that the output
 * polytope of a region needs (its support points in chosen directions). An LP back-end
 * answers it for any polytope; {@link VertexEnumeration} answers it exactly for small ones.
 */
@FunctionalInterface
public interface SupportOracle {

    /**
     * A point x of the polytope maximising g·x (a vertex where the solver gives one), or
     * empty when the polytope is empty or the solve failed. Not modified: g.
     */
    Optional<double[]> argmax(double[] g);

    /** Makes the oracle for one polytope, or says it cannot (empty). */
    @FunctionalInterface
    interface Factory {
        Optional<SupportOracle> forPolytope(HPolytope polytope);
    }
}
