package org.reluscope.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Reference points for comparisons: uniform in the bounding box of a data set. */
public final class RandomPoints {
    private RandomPoints() {
    }

    /**
     * {@code count} points drawn uniformly from the smallest box containing {@code data}, seeded.
     *
     * @param data at least one point, all of one dimension. Not modified.
     */
    public static List<double[]> inBoundingBox(List<double[]> data, int count, long seed) {
        int n = data.get(0).length;
        double[] lo = data.get(0).clone();
        double[] hi = data.get(0).clone();
        for (double[] p : data) {
            if (p.length != n) {
                throw new IllegalArgumentException("points have " + n + " and " + p.length + " coordinates");
            }
            for (int j = 0; j < n; j++) {
                lo[j] = Math.min(lo[j], p[j]);
                hi[j] = Math.max(hi[j], p[j]);
            }
        }
        Random random = new Random(seed);
        List<double[]> points = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            double[] x = new double[n];
            for (int j = 0; j < n; j++) {
                x[j] = lo[j] + random.nextDouble() * (hi[j] - lo[j]);
            }
            points.add(x);
        }
        return points;
    }
}
