package org.reluscope.report;

import java.util.Locale;
import java.util.Map;

import org.reluscope.algebra.HPolytope;
import org.reluscope.region.AffineMap;
import org.reluscope.region.Progress;
import org.reluscope.region.Region;
import org.reluscope.region.RegionSummary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders regions and enumeration summaries: one JSON line per region
 * ({@code {"pattern":[[0,1,…],…],"A":[[…]],"b":[…],"J":[[…]],"c":[…]}}, the polytope being
 * A x ≤ b), a short text line per region, the summary as text or JSON (top-level keys
 * {@code regions}, {@code distinct_maps}, {@code ranks}, {@code complete}, {@code seconds}, …),
 * and the progress line.
 */
public final class RegionReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RegionReport() {
    }

    /** The region as one JSON object; {@code set} ≥ 0 adds the index of its input set. */
    public static ObjectNode json(Region region, int set) {
        ObjectNode o = MAPPER.createObjectNode();
        if (set >= 0) {
            o.put("set", set);
        }
        ArrayNode pattern = o.putArray("pattern");
        for (int[] layer : region.pattern().bits()) {
            ArrayNode row = pattern.addArray();
            for (int bit : layer) {
                row.add(bit);
            }
        }
        HPolytope p = region.polytope();
        matrix(o.putArray("A"), p.a());
        vector(o.putArray("b"), p.b());
        AffineMap map = region.map();
        matrix(o.putArray("J"), map.jacobianRows());
        vector(o.putArray("c"), map.offset());
        return o;
    }

    /** The region as one JSON line (no line break). */
    public static String jsonLine(Region region, int set) {
        return json(region, set).toString();
    }

    /** "pattern 0110|101  rank 2  depth 5". */
    public static String textLine(Region region) {
        return String.format(Locale.ROOT, "pattern %s  rank %d  depth %d", region.pattern().label(), region.rank(),
                region.depth());
    }

    /** The summary as a JSON object; {@code source} names the input set. */
    public static ObjectNode json(RegionSummary s, String source) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("input", source);
        o.put("regions", s.regions());
        o.put("distinct_maps", s.distinctMaps());
        histogram(o.putObject("ranks"), s.ranks());
        o.put("complete", s.complete());
        o.put("seconds", s.seconds());
        o.put("thin_pieces", s.thinPieces());
        histogram(o.putObject("per_depth"), s.perDepth());
        o.put("pieces", s.pieces());
        o.put("lps", s.lps());
        o.put("regions_per_second", s.regionsPerSecond());
        return o;
    }

    /** The summary as text lines. */
    public static String text(RegionSummary s, String source) {
        return String.format(Locale.ROOT, "input %s%nregions %d%ndistinct affine maps %d%nranks %s%n"
                        + "thin pieces %d (lower-dimensional or thinner than the interior tolerance; not counted)%n"
                        + "regions per depth %s%ncomplete %s%nseconds %.3f (%d pieces, %d LPs, %.1f regions/s)%n",
                source, s.regions(), s.distinctMaps(), s.ranks(), s.thinPieces(), s.perDepth(), s.complete(),
                s.seconds(), s.pieces(), s.lps(), s.regionsPerSecond());
    }

    /** One progress line (no line break). */
    public static String progressLine(Progress p) {
        return String.format(Locale.ROOT, "regions %d  pieces %d done / %d open  %.0f regions/s  %.1f s",
                p.regions(), p.pieces(), p.open(), p.regionsPerSecond(), p.seconds());
    }

    private static void histogram(ObjectNode o, Map<Integer, Long> counts) {
        counts.forEach((k, v) -> o.put(Integer.toString(k), v));
    }

    private static void matrix(ArrayNode node, double[][] rows) {
        for (double[] row : rows) {
            vector(node.addArray(), row);
        }
    }

    private static void vector(ArrayNode node, double[] v) {
        for (double x : v) {
            node.add(x);
        }
    }
}
