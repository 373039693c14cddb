package org.reluscope.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic classification data for the training experiments: the 2-D sets here, and
 * digit images from {@link DigitGlyphs}.
 *
 * @param points the inputs, all of one dimension
 * @param labels the class of each input (0, 1, …)
 */
record SyntheticData(List<double[]> points, int[] labels) {

    /**
     * Two interleaving half circles ("two moons"): class 0 on (cos t, sin t), class 1 on
     * (1 − cos t, 1/2 − sin t), t uniform in [0, π], plus Gaussian noise of deviation {@code noise}.
     */
    static SyntheticData twoMoons(int count, double noise, long seed) {
        Random random = new Random(seed);
        List<double[]> points = new ArrayList<>();
        int[] labels = new int[count];
        for (int k = 0; k < count; k++) {
            double t = Math.PI * random.nextDouble();
            int label = k % 2;
            double x = label == 0 ? Math.cos(t) : 1 - Math.cos(t);
            double y = label == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
            points.add(new double[] {x + noise * random.nextGaussian(), y + noise * random.nextGaussian()});
            labels[k] = label;
        }
        return new SyntheticData(points, labels);
    }

    /**
     * Two interleaved spirals: class c at radius s and angle s·3π + cπ for s uniform in
     * [0.1, 1], plus Gaussian noise.
     */
    static SyntheticData spirals(int count, double noise, long seed) {
        Random random = new Random(seed);
        List<double[]> points = new ArrayList<>();
        int[] labels = new int[count];
        for (int k = 0; k < count; k++) {
            double s = 0.1 + 0.9 * random.nextDouble();
            int label = k % 2;
            double angle = s * 3 * Math.PI + label * Math.PI;
            points.add(new double[] {s * Math.cos(angle) + noise * random.nextGaussian(),
                    s * Math.sin(angle) + noise * random.nextGaussian()});
            labels[k] = label;
        }
        return new SyntheticData(points, labels);
    }
}
