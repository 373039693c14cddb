package org.reluscope.numeric;

import java.util.Arrays;

/**
 * The Wilcoxon–Mann–Whitney rank-sum test of two independent samples a (size m) and b
 * (size n): do values of one group tend to be larger than those of the other?
 *
 * <p>Pool the samples and rank them 1…m+n, ties getting the mean of their ranks; with R_a
 * the rank sum of a, U = R_a − m(m+1)/2 counts the pairs (aᵢ, bⱼ) with aᵢ &gt; bⱼ (ties
 * count ½). Under the null hypothesis (same distribution) E U = mn/2 and, with t_k the sizes
 * of the tie groups among N = m + n values,
 * <pre>  Var U = mn/12 · ((N + 1) − Σ (t_k³ − t_k) / (N(N − 1))).  </pre>
 * The two-sided p-value uses the normal approximation with a continuity correction,
 * z = (|U − mn/2| − ½) / √Var U, p = 2(1 − Φ(z)) = erfc(z/√2): adequate for m, n ≥ 8 or so;
 * for smaller samples it is an approximation (the exact distribution would be needed).
 */
public final class RankSumTest {
    private RankSumTest() {
    }

    /**
     * @param u      Mann–Whitney U of the first sample
     * @param z      the normal score (signed: positive when the first sample tends to be larger)
     * @param pValue two-sided p-value; 1 when either sample is empty or every value is tied
     */
    public record Result(double u, double z, double pValue) {
    }

    /**
     * The test of {@code a} against {@code b}. Values may be ±∞ (they rank at the ends);
     * NaN is rejected. Not modified: a, b.
     *
     * @throws IllegalArgumentException on a NaN value
     */
    public static Result of(double[] a, double[] b) {
        int m = a.length;
        int n = b.length;
        double[] pooled = new double[m + n];
        System.arraycopy(a, 0, pooled, 0, m);
        System.arraycopy(b, 0, pooled, m, n);
        for (double v : pooled) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("rank-sum test of a NaN value");
            }
        }
        if (m == 0 || n == 0) {
            return new Result(0, 0, 1);
        }
        double[] sorted = pooled.clone();
        Arrays.sort(sorted);
        double rankSumA = 0;
        for (double v : a) {
            rankSumA += midRank(sorted, v);
        }
        double u = rankSumA - m * (m + 1) / 2.0;
        int total = m + n;
        double ties = 0;
        for (int i = 0; i < total; ) {
            int j = i;
            while (j < total && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            ties += t * t * t - t;
            i = j;
        }
        double variance = m * (double) n / 12.0 * ((total + 1) - ties / (total * (double) (total - 1)));
        if (!(variance > 0)) {
            return new Result(u, 0, 1);
        }
        double deviation = u - m * (double) n / 2;
        double z = Math.signum(deviation) * Math.max(0, Math.abs(deviation) - 0.5) / Math.sqrt(variance);
        return new Result(u, z, Math.min(1, Erfc.erfc(Math.abs(z) / Math.sqrt(2))));
    }

    /** The mean 1-based rank of v among the sorted values. */
    private static double midRank(double[] sorted, double v) {
        int first = lowerBound(sorted, v);
        int last = first;
        while (last < sorted.length && sorted[last] == v) {
            last++;
        }
        return (first + 1 + last) / 2.0;
    }

    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
