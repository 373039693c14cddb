package org.reluscope.numeric;

import java.util.Arrays;

/**
 * Count, mean and median of a sample of numbers (±∞ allowed: the mean is then infinite, the
 * median stays meaningful).
 *
 * @param count  the number of values
 * @param mean   their mean, NaN for none
 * @param median the middle value (mean of the two middle ones for an even count), NaN for none
 */
public record SampleSummary(int count, double mean, double median) {

    /** The summary of {@code values}. Not modified: values. */
    public static SampleSummary of(double[] values) {
        if (values.length == 0) {
            return new SampleSummary(0, Double.NaN, Double.NaN);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : middle(sorted[mid - 1], sorted[mid]);
        return new SampleSummary(sorted.length, sum / sorted.length, median);
    }

    /** The midpoint of a ≤ b, which is b itself when both are the same infinity. */
    private static double middle(double a, double b) {
        return a == b ? a : 0.5 * (a + b);
    }
}
