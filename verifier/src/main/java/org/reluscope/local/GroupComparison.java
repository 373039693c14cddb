package org.reluscope.local;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.reluscope.numeric.RankSumTest;
import org.reluscope.numeric.SampleSummary;

/**
 * One statistic compared between the data points and reference points: each group's mean and
 * median, and the two-sided Mann–Whitney rank-sum p-value (small: the groups differ).
 *
 * @param statistic the statistic's name ({@code regions}, {@code boundary_distance}, …)
 * @param data      the data points' summary
 * @param reference the reference points' summary
 * @param test      the rank-sum test of data against reference (z &gt; 0: data larger)
 */
public record GroupComparison(String statistic, SampleSummary data, SampleSummary reference, RankSumTest.Result test) {

    /**
     * The comparisons of region count, boundary distance, map norm and, when both groups have
     * one, the certified radius.
     */
    public static List<GroupComparison> of(List<PointAnalysis> data, List<PointAnalysis> reference) {
        List<GroupComparison> all = new ArrayList<>();
        all.add(compare("regions", data, reference, p -> p.regions().asDouble()));
        all.add(compare("boundary_distance", data, reference, p -> p.boundary().distance()));
        all.add(compare("jacobian_norm", data, reference, PointAnalysis::jacobianNorm));
        if (hasRadius(data) && hasRadius(reference)) {
            all.add(compare("certified_radius", data, reference,
                    p -> p.certification().orElseThrow().certifiedRadius()));
        }
        return all;
    }

    private static boolean hasRadius(List<PointAnalysis> group) {
        return !group.isEmpty() && group.stream().allMatch(
                p -> p.certification().isPresent() && !Double.isNaN(p.certification().get().certifiedRadius()));
    }

    private static GroupComparison compare(String name, List<PointAnalysis> data, List<PointAnalysis> reference,
                                           ToDoubleFunction<PointAnalysis> statistic) {
        double[] a = data.stream().mapToDouble(statistic).toArray();
        double[] b = reference.stream().mapToDouble(statistic).toArray();
        return new GroupComparison(name, SampleSummary.of(a), SampleSummary.of(b), RankSumTest.of(a, b));
    }
}
