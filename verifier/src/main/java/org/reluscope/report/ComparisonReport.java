package org.reluscope.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.reluscope.local.PointComparison;
import org.reluscope.local.RegionCount;
import org.reluscope.numeric.SampleSummary;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Text and JSON for {@code reluscope compare}: per point the two region counts, the cosine
 * similarity of the local Jacobians, ‖c₁ − c₂‖ and whether the predictions agree; then the
 * overall statistics.
 */
public final class ComparisonReport {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ComparisonReport() {
    }

    /** The overall statistics of a comparison. */
    private record Totals(SampleSummary cosine, SampleSummary offset, double agreement, long sameRegions, long decided) {
        static Totals of(List<PointComparison> points) {
            return new Totals(
                    SampleSummary.of(points.stream().mapToDouble(p -> p.maps().cosine()).toArray()),
                    SampleSummary.of(points.stream().mapToDouble(p -> p.maps().offsetDifference()).toArray()),
                    points.stream().filter(PointComparison::samePrediction).count() / (double) points.size(),
                    points.stream().filter(p -> p.sameRegionCount().orElse(false)).count(),
                    points.stream().filter(p -> p.sameRegionCount().isPresent()).count());
        }
    }

    public static ObjectNode json(List<PointComparison> points) {
        ObjectNode root = JSON.objectNode();
        ArrayNode array = root.putArray("points");
        for (int k = 0; k < points.size(); k++) {
            PointComparison p = points.get(k);
            ObjectNode o = array.addObject();
            o.put("index", k);
            p.first().ifPresent(c -> count(o, "regions_first", c));
            p.second().ifPresent(c -> count(o, "regions_second", c));
            p.sameRegionCount().ifPresent(same -> o.put("same_regions", same));
            o.put("cosine", p.maps().cosine());
            o.put("offset_difference", p.maps().offsetDifference());
            o.put("jacobian_distance", p.maps().jacobianDistance());
            o.put("same_prediction", p.samePrediction());
        }
        Totals t = Totals.of(points);
        ObjectNode summary = root.putObject("summary");
        summary.put("points", points.size());
        summary.put("cosine_mean", t.cosine().mean());
        summary.put("cosine_median", t.cosine().median());
        summary.put("offset_difference_mean", t.offset().mean());
        summary.put("offset_difference_median", t.offset().median());
        summary.put("prediction_agreement", t.agreement());
        if (t.decided() > 0) {
            summary.put("same_regions_fraction", t.sameRegions() / (double) t.decided());
            summary.put("regions_compared", t.decided());
        }
        return root;
    }

    private static void count(ObjectNode o, String key, RegionCount c) {
        o.put(key, c.value());
        o.put(key + "_exact", c.exact());
    }

    public static String text(List<PointComparison> points) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%5s  %-12s  %-12s  %-9s  %-12s  %s%n", "point",
                "regions 1", "regions 2", "cosine J", "|c1 - c2|", "same class"));
        for (int k = 0; k < points.size(); k++) {
            PointComparison p = points.get(k);
            sb.append(String.format(Locale.ROOT, "%5d  %-12s  %-12s  %-9.4f  %-12.5g  %s%n", k, cell(p.first()),
                    cell(p.second()), p.maps().cosine(), p.maps().offsetDifference(), p.samePrediction() ? "yes" : "no"));
        }
        Totals t = Totals.of(points);
        sb.append(String.format(Locale.ROOT, "cosine of the Jacobians: mean %.4f, median %.4f; |c1 - c2|: mean %.5g, "
                + "median %.5g; same prediction at %.1f%% of the points%n", t.cosine().mean(), t.cosine().median(),
                t.offset().mean(), t.offset().median(), 100 * t.agreement()));
        if (t.decided() > 0) {
            sb.append(String.format(Locale.ROOT, "same region count at %d of %d points counted exactly%n",
                    t.sameRegions(), t.decided()));
        }
        return sb.toString();
    }

    private static String cell(Optional<RegionCount> c) {
        return c.map(r -> (r.exact() ? "" : "≤ ") + r.value()).orElse("-");
    }
}
