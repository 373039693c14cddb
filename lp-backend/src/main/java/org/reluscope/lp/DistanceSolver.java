package org.reluscope.lp;

/**
 * Solves the convex QP min ‖x − c‖² over a polytope P = {x : lo ≤ A x ≤ hi, l ≤ x ≤ u}: the
 * point of P nearest to c. Whether P meets the L2 ball B(c, r) is whether that distance is
 * ≤ r — the test region enumeration in an L2 ball applies to every candidate region.
 */
public interface DistanceSolver {

    /**
     * The point of P nearest to {@code centre}, where P is the feasible set of {@code polytope}
     * (its objective, sense and integer flags are ignored). Not modified: centre.
     *
     * @throws IllegalArgumentException when centre's length is not the variable count
     */
    DistanceResult nearest(LinearProgram polytope, double[] centre);
}
