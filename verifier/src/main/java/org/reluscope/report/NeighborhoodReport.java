package org.reluscope.report;

import java.util.List;
import java.util.Locale;

import org.reluscope.input.Box;
import org.reluscope.local.BoundaryDistance;
import org.reluscope.local.Certification;
import org.reluscope.local.GroupComparison;
import org.reluscope.local.NeighborhoodOptions;
import org.reluscope.local.PointAnalysis;
import org.reluscope.numeric.SampleSummary;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Text, JSON and CSV for {@code reluscope neighborhood}: one record per point (group
 * {@code data} or {@code random}) and the comparison of the groups. Infinite distances (a
 * region without boundary) and absent values are JSON {@code null} and empty CSV cells.
 */
public final class NeighborhoodReport {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The CSV header, one column per field of {@link #csvRow}. */
    public static final String CSV_HEADER = "group,index,label,regions,regions_exact,upper_bound,boundary_distance,"
            + "on_boundary,nearest_layer,nearest_neuron,jacobian_norm,answer,certified_radius,refuted_radius";

    private NeighborhoodReport() {
    }

    /** The whole run as one JSON object. */
    public static ObjectNode json(NeighborhoodOptions options, List<PointAnalysis> data, List<PointAnalysis> random,
                                  List<GroupComparison> comparison, double seconds) {
        ObjectNode root = JSON.objectNode();
        root.put("norm", options.norm().cliName());
        root.put("radius", options.radius());
        root.put("bound_method", options.classifier().name());
        if (options.domain() != null) {
            double[] range = range(options.domain());
            root.putArray("clip").add(range[0]).add(range[1]);
        }
        root.set("points", points(data));
        long labelled = data.stream().filter(p -> p.certification().isPresent()).count();
        if (labelled > 0) {
            root.put("certified", certifiedCount(data));
            root.put("certified_fraction", certifiedCount(data) / (double) labelled);
        }
        if (!random.isEmpty()) {
            root.set("random", points(random));
            ArrayNode rows = root.putArray("comparison");
            for (GroupComparison c : comparison) {
                ObjectNode row = rows.addObject();
                row.put("statistic", c.statistic());
                row.set("data", summary(c.data()));
                row.set("random", summary(c.reference()));
                number(row, "u", c.test().u());
                number(row, "z", c.test().z());
                number(row, "p_value", c.test().pValue());
            }
        }
        root.put("seconds", seconds);
        return root;
    }

    /** [min of the lower bounds, max of the upper bounds]: LO and HI for the box of {@code --clip LO,HI}. */
    private static double[] range(Box domain) {
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < domain.dimension(); i++) {
            range[0] = Math.min(range[0], domain.lower(i));
            range[1] = Math.max(range[1], domain.upper(i));
        }
        return range;
    }

    /** Data points whose whole ball is proven to keep the label (the certified accuracy's numerator). */
    private static long certifiedCount(List<PointAnalysis> group) {
        return group.stream().filter(p -> p.certification().map(Certification::certified).orElse(false)).count();
    }

    private static ArrayNode points(List<PointAnalysis> group) {
        ArrayNode array = JSON.arrayNode();
        for (int k = 0; k < group.size(); k++) {
            array.add(point(k, group.get(k)));
        }
        return array;
    }

    private static ObjectNode point(int index, PointAnalysis p) {
        ObjectNode o = JSON.objectNode();
        o.put("index", index);
        o.put("regions", p.regions().value());
        o.put("regions_exact", p.regions().exact());
        o.put("upper_bound", p.regions().bound().upperBound());
        BoundaryDistance.Result b = p.boundary();
        number(o, "boundary_distance", b.distance());
        o.put("on_boundary", b.onBoundary());
        if (b.layer() >= 0) {
            o.putObject("nearest_neuron").put("layer", b.layer()).put("index", b.index());
        }
        number(o, "jacobian_norm", p.jacobianNorm());
        p.certification().ifPresent(c -> {
            o.put("label", c.label());
            o.put("answer", c.answer());
            o.put("certified", c.certified());
            number(o, "certified_radius", c.certifiedRadius());
            number(o, "refuted_radius", c.refutedRadius());
        });
        return o;
    }

    private static ObjectNode summary(SampleSummary s) {
        ObjectNode o = JSON.objectNode();
        o.put("count", s.count());
        number(o, "mean", s.mean());
        number(o, "median", s.median());
        return o;
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    /** One CSV line (no newline) for point {@code index} of {@code group}. */
    public static String csvRow(String group, int index, PointAnalysis p) {
        BoundaryDistance.Result b = p.boundary();
        Certification c = p.certification().orElse(null);
        return String.join(",", group, Integer.toString(index), c == null ? "" : Integer.toString(c.label()),
                p.regions().value().toString(), Boolean.toString(p.regions().exact()),
                p.regions().bound().upperBound().toString(), cell(b.distance()), Boolean.toString(b.onBoundary()),
                b.layer() >= 0 ? Integer.toString(b.layer()) : "", b.layer() >= 0 ? Integer.toString(b.index()) : "",
                cell(p.jacobianNorm()), c == null ? "" : c.answer(), c == null ? "" : cell(c.certifiedRadius()),
                c == null ? "" : cell(c.refutedRadius()));
    }

    private static String cell(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    /** The human-readable table, then the comparison when there is one. */
    public static String text(NeighborhoodOptions options, List<PointAnalysis> data, List<PointAnalysis> random,
                              List<GroupComparison> comparison, double seconds) {
        StringBuilder sb = new StringBuilder();
        String clipped = options.domain() == null ? "" : String.format(Locale.ROOT, " ∩ [%s, %s]ⁿ",
                range(options.domain())[0], range(options.domain())[1]);
        sb.append(String.format(Locale.ROOT, "%s ball of radius %s%s around %d point(s); regions: exact count, or ≤ the "
                + "%s bound; %.3f s%n", options.norm().cliName(), options.radius(), clipped, data.size(),
                options.classifier().name(), seconds));
        table(sb, "data", data);
        long labelled = data.stream().filter(p -> p.certification().isPresent()).count();
        if (labelled > 0) {
            sb.append(String.format(Locale.ROOT, "certified robust at radius %s: %d of %d labelled points (%.1f%%)%n",
                    options.radius(), certifiedCount(data), labelled, 100.0 * certifiedCount(data) / labelled));
        }
        if (!random.isEmpty()) {
            table(sb, "random", random);
            sb.append(String.format(Locale.ROOT, "%n%-18s  %-23s  %-23s  %s%n", "statistic", "data mean / median",
                    "random mean / median", "rank-sum p"));
            for (GroupComparison c : comparison) {
                sb.append(String.format(Locale.ROOT, "%-18s  %-23s  %-23s  %.3g%n", c.statistic(), pair(c.data()),
                        pair(c.reference()), c.test().pValue()));
            }
        }
        return sb.toString();
    }

    private static void table(StringBuilder sb, String group, List<PointAnalysis> points) {
        sb.append(String.format(Locale.ROOT, "%-7s %5s  %5s  %-14s  %-12s  %-12s  %-8s  %s%n", group, "point", "label",
                "regions", "boundary", "map norm", "answer", "certified radius"));
        for (int k = 0; k < points.size(); k++) {
            PointAnalysis p = points.get(k);
            Certification c = p.certification().orElse(null);
            String regions = (p.regions().exact() ? "" : "≤ ") + p.regions().value();
            sb.append(String.format(Locale.ROOT, "%-7s %5d  %5s  %-14s  %-12.6g  %-12.6g  %-8s  %s%n", "", k,
                    c == null ? "-" : Integer.toString(c.label()), regions, p.boundary().distance(), p.jacobianNorm(),
                    c == null ? "-" : c.answer(), c == null || Double.isNaN(c.certifiedRadius()) ? "-"
                            : String.format(Locale.ROOT, "%.6g", c.certifiedRadius())));
        }
    }

    private static String pair(SampleSummary s) {
        return String.format(Locale.ROOT, "%.4g / %.4g", s.mean(), s.median());
    }
}
