package org.reluscope.lp;

import java.util.Arrays;

/**
 * The outcome of a {@link DistanceSolver}: the squared Euclidean distance d² from a centre c to
 * a polytope P and the nearest point.
 *
 * <p>Sound use: P certainly misses the ball B(c, r) when {@link #provablyMisses(double)}
 * (the rigorous {@code safeLowerBound} exceeds r²); {@link #meets(double)} is the solver's
 * floating-point answer. A region may be skipped only on the former.
 *
 * @param status          OPTIMAL, INFEASIBLE (P is empty as the solver sees it; certify with
 *                        {@link InfeasibilityProof}), LIMIT or ERROR
 * @param squaredDistance ‖x* − c‖² at the returned point (+∞ when INFEASIBLE, NaN on failure)
 * @param safeLowerBound  a rigorous lower bound on the exact d² (by {@link SafeDistanceBound});
 *                        0 when nothing better is known — 0 is always true
 * @param nearestPoint    x* (length = variables), or an empty array
 * @param seconds         wall time of the solve
 */
public record DistanceResult(LpStatus status, double squaredDistance, double safeLowerBound, double[] nearestPoint,
                             double seconds) {
    // nearestPoint is handed over by the solver that made it; callers must not modify it

    /** A result without a point. */
    public static DistanceResult withoutPoint(LpStatus status, double seconds) {
        double d2 = status == LpStatus.INFEASIBLE ? Double.POSITIVE_INFINITY : Double.NaN;
        return new DistanceResult(status, d2, 0, new double[0], seconds);
    }

    /** Rigorous: the exact distance exceeds {@code radius}, so P and B(c, radius) are disjoint. */
    public boolean provablyMisses(double radius) {
        return safeLowerBound > OutwardRounding.mulUp(radius, radius);
    }

    /** The solver's answer: an optimal nearest point lies within {@code radius} (not rigorous). */
    public boolean meets(double radius) {
        return status.isOptimal() && squaredDistance <= radius * radius;
    }

    @Override
    public String toString() {
        return "DistanceResult[" + status + ", d²=" + squaredDistance + " ≥ " + safeLowerBound + ", x="
                + Arrays.toString(nearestPoint) + "]";
    }
}
