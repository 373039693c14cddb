package org.reluscope.local;

import org.reluscope.local.PointRegion.Neuron;

/**
 * The distance from a point to the boundary of its activation region, in the L2 or L∞ norm.
 *
 * <p>The region is the polytope R = ∩ { y : s_i h_i(y) ≥ 0 } over the ReLU neurons i, with
 * h_i affine on R and s_i = ±1 the neuron's sign at the point x. For x in the interior, the
 * ball of radius ρ around x lies in R iff it lies in every half-space, i.e. iff ρ ≤ the
 * distance from x to every hyperplane {h_i = 0}; hence
 * <pre>  dist(x, ∂R) = min_i |h_i(x)| / ‖∇h_i‖_*  </pre>
 * over the neurons with ∇h_i ≠ 0 (a redundant half-space contains R, so its hyperplane is no
 * nearer than ∂R and the minimum is unchanged: no LP is needed). A neuron constant on R
 * bounds nothing. A point on a boundary (some h_i(x) = 0 with ∇h_i ≠ 0) has distance 0.
 * The nearest boundary point is x − (h_i(x) / ‖∇h_i‖_*) d_i, d_i the steepest unit
 * direction of h_i ({@link DistanceNorm#steepest}); crossing it flips neuron i.
 */
public final class BoundaryDistance {
    private BoundaryDistance() {
    }

    /**
     * The distance and the neuron whose hyperplane attains it.
     *
     * @param distance the distance; +∞ when no neuron varies on the region (it is all of ℝⁿ)
     * @param layer    the nearest neuron's layer, −1 when the distance is infinite
     * @param index    its index within the layer, −1 when the distance is infinite
     * @param nearest  the nearest point of that hyperplane, {@code null} when the distance is infinite
     */
    public record Result(double distance, int layer, int index, double[] nearest) {
        /** Whether the point lies on its region's boundary. */
        public boolean onBoundary() {
            return distance == 0;
        }
    }

    /** The distance from the region's point to its boundary in {@code norm}. */
    public static Result of(PointRegion region, DistanceNorm norm) {
        Neuron best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        double bestDual = 0;
        for (Neuron neuron : region.neurons()) {
            double dual = norm.dualNorm(neuron.normal());
            if (dual == 0) {
                continue;
            }
            double d = Math.abs(neuron.value()) / dual;
            if (d < bestDistance) {
                bestDistance = d;
                best = neuron;
                bestDual = dual;
            }
        }
        if (best == null) {
            return new Result(Double.POSITIVE_INFINITY, -1, -1, null);
        }
        double[] x = region.point();
        double[] step = norm.steepest(best.normal());
        double t = best.value() / bestDual;
        for (int j = 0; j < x.length; j++) {
            x[j] -= t * step[j];
        }
        return new Result(bestDistance, best.layer(), best.index(), x);
    }
}
