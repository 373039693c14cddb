package org.reluscope.local;

import java.util.Optional;

/**
 * What {@link Neighborhood} finds around one point.
 *
 * @param point         the point (owned by the record: do not modify)
 * @param regions       the regions meeting its ball
 * @param boundary      the distance to its region's boundary, in the ball's norm
 * @param jacobianNorm  the operator norm of the local map's J induced by the ball's norm
 *                      (spectral norm for L2, largest absolute row sum for L∞)
 * @param certification robustness of its label, when asked for
 */
public record PointAnalysis(double[] point, RegionCount regions, BoundaryDistance.Result boundary,
                            double jacobianNorm, Optional<Certification> certification) {
}
