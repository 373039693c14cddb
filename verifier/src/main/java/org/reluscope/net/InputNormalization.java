package org.reluscope.net;

import java.util.Arrays;

/**
 * The input normalisation a {@code .nnet} file declares: a raw input u is clipped to
 * [min, max] and mapped to x = (u − mean) / range before the network sees it; outputs are
 * mapped back by y_raw = y · outputRange + outputMean.
 *
 * <p>reluscope verifies the network on normalised inputs, as VNN-COMP does; this record is
 * kept so that {@code info} can show it and users can convert points.
 *
 * <p>Every entry is finite and every range non-zero (the constructor throws
 * {@link IllegalArgumentException} otherwise).
 */
public record InputNormalization(double[] min, double[] max, double[] mean, double[] range,
                                 double outputMean, double outputRange) {
    public InputNormalization {
        int n = min.length;
        if (max.length != n || mean.length != n || range.length != n) {
            throw new IllegalArgumentException("normalisation vectors have lengths " + min.length + ", " + max.length
                    + ", " + mean.length + ", " + range.length + "; expected equal lengths");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(min[i]) || !Double.isFinite(max[i]) || !Double.isFinite(mean[i])
                    || !Double.isFinite(range[i]) || range[i] == 0) {
                throw new IllegalArgumentException("normalisation entry " + i + " has min " + min[i] + ", max " + max[i]
                        + ", mean " + mean[i] + ", range " + range[i] + "; all must be finite and the range non-zero");
            }
        }
        if (!Double.isFinite(outputMean) || !Double.isFinite(outputRange) || outputRange == 0) {
            throw new IllegalArgumentException("output mean " + outputMean + " and range " + outputRange
                    + " must be finite and the range non-zero");
        }
        min = min.clone();
        max = max.clone();
        mean = mean.clone();
        range = range.clone();
    }

    @Override
    public double[] min() {
        return min.clone();
    }

    @Override
    public double[] max() {
        return max.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] range() {
        return range.clone();
    }

    /** x = (clip(u) − mean) / range. Not modified: raw. */
    public double[] normalize(double[] raw) {
        double[] x = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            double u = Math.min(Math.max(raw[i], min[i]), max[i]);
            x[i] = (u - mean[i]) / range[i];
        }
        return x;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputNormalization n && Arrays.equals(n.min, min) && Arrays.equals(n.max, max)
                && Arrays.equals(n.mean, mean) && Arrays.equals(n.range, range)
                && n.outputMean == outputMean && n.outputRange == outputRange;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mean) * 31 + Arrays.hashCode(range);
    }

    @Override
    public String toString() {
        return "InputNormalization[mean=" + Arrays.toString(mean) + ", range=" + Arrays.toString(range) + "]";
    }
}
