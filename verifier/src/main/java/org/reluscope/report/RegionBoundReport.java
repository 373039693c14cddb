package org.reluscope.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Locale;

import org.reluscope.local.RegionBound;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The upper bound on the region count ({@code regions --upper-bound}) next to the exact count:
 * JSON keys {@code upper_bound} (an exact integer), {@code ratio} (regions / upper_bound),
 * {@code bound_method} and {@code unstable} (unstable neurons per ReLU layer).
 */
public final class RegionBoundReport {
    private RegionBoundReport() {
    }

    /** Adds the bound's keys to a summary object. Modified: summary. */
    public static void addTo(ObjectNode summary, RegionBound bound, long regions) {
        summary.put("upper_bound", bound.upperBound());
        summary.put("ratio", ratio(bound, regions));
        summary.put("bound_method", bound.method());
        Arrays.stream(bound.unstable()).forEach(summary.putArray("unstable")::add);
    }

    /** "upper bound 12 (crown classification, unstable per layer [3, 2]; regions / bound 0.583)". */
    public static String text(RegionBound bound, long regions) {
        return String.format(Locale.ROOT, "upper bound %s (%s classification, unstable per layer %s; regions / bound %.3g)%n",
                bound.upperBound(), bound.method(), Arrays.toString(bound.unstable()), ratio(bound, regions));
    }

    /** regions / bound; 0 for a bound of 0 (an empty set has no regions either). */
    private static double ratio(RegionBound bound, long regions) {
        if (bound.upperBound().signum() == 0) {
            return 0;
        }
        return new BigDecimal(regions).divide(new BigDecimal(bound.upperBound()), MathContext.DECIMAL64).doubleValue();
    }
}
