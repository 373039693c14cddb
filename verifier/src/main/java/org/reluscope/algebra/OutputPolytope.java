package org.reluscope.algebra;

import java.util.List;

/**
 * The outputs of one region, J P + c for its input polytope P, as a polytope in output
 * space: its vertices and its description by inequalities a·y ≤ b together with the
 * equations of its affine hull.
 *
 * @param vertices     the vertices y (in the plane of a 2-dimensional image, counter-clockwise)
 * @param inequalities rows (a, b) meaning a·y ≤ b, a of unit length within the hull
 * @param complete     whether every facet was confirmed by a support query; false when the
 *                     query budget ran out or the polytope given was not full-dimensional
 *                     (the vertices found are then some, not all, of them)
 * @param queries      how many support queries (LPs or vertex scans) were spent
 */
public record OutputPolytope(List<double[]> vertices, List<Inequality> inequalities, boolean complete, int queries) {
    /** a·y ≤ b. */
    public record Inequality(double[] a, double b) {
    }

    public OutputPolytope {
        vertices = List.copyOf(vertices);
        inequalities = List.copyOf(inequalities);
    }
}
