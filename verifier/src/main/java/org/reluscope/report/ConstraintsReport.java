package org.reluscope.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.reluscope.algebra.LinearProduct;
import org.reluscope.algebra.OutputConstraints;
import org.reluscope.algebra.OutputPolytope;
import org.reluscope.algebra.Polynomial;
import org.reluscope.algebra.PolynomialSyntax;
import org.reluscope.algebra.ResidualCheck;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders {@link OutputConstraints.Result} (and optionally a {@link ResidualCheck.Report}) as
 * text, JSON, Macaulay2 or SymPy input. In the SymPy listing only the union generators are
 * polynomial lines (they hold on every reachable output); each region's equations hold only
 * on that region and are written as comments. In Macaulay2 each region's equations form a
 * named ideal and {@code I} is the ideal of the union.
 */
public final class ConstraintsReport {
    private ConstraintsReport() {
    }

    /** @param check the residual check, or {@code null} when none was run */
    public static String render(OutputConstraints.Result result, ResidualCheck.Report check, ReportFormat format) {
        return switch (format) {
            case TEXT -> text(result, check);
            case JSON -> json(result, check);
            case M2, SYMPY -> listing(result, check, format.syntax());
        };
    }

    private static String summary(OutputConstraints.Result r) {
        return String.format(Locale.ROOT, "output constraints: %d region(s), %d output(s), rank tolerance %s"
                        + " (relative to σ_max)%nreachable set of dimension %d; %d distinct affine hull(s), %d maximal%n%s",
                r.regions().size(), r.variables().size(), PolynomialSyntax.TEXT.coefficient(r.tolerance()),
                Math.max(r.dimension(), 0), r.distinctHulls().size(), r.maximalHulls().size(), r.message());
    }

    private static String checkLine(ResidualCheck.Report c) {
        return String.format(Locale.ROOT, "verification: %d sampled outputs, largest relative residual %.3g"
                        + " (union generators %.3g; region equations %.3g over %d samples in listed regions)",
                c.samples(), c.maxResidual(), c.maxUnionResidual(), c.maxRegionResidual(), c.regionSamples());
    }

    private static String text(OutputConstraints.Result r, ResidualCheck.Report check) {
        StringBuilder sb = new StringBuilder(summary(r)).append('\n');
        for (OutputConstraints.RegionConstraints region : r.regions()) {
            sb.append("region ").append(region.piece().label()).append(": rank ").append(region.hull().rank())
                    .append(", hull H").append(region.hullIndex());
            sb.append(region.equations().isEmpty() ? ", full rank: no equation\n" : ", equations:\n");
            for (Polynomial e : region.equations()) {
                sb.append("    ").append(e).append(" = 0\n");
            }
            region.polytope().ifPresent(p -> sb.append("  output polytope").append(p.complete() ? "" : " (incomplete)")
                    .append(", vertices: ").append(vertices(p)).append('\n'));
        }
        if (!r.generators().isEmpty()) {
            sb.append("union: ").append(r.generatorCount()).append(" generator(s), each = 0 on every reachable output:\n");
            for (LinearProduct g : r.generators()) {
                sb.append("    ").append(g.format(PolynomialSyntax.TEXT)).append(" = 0\n");
            }
        }
        if (check != null) {
            sb.append(checkLine(check)).append('\n');
        }
        return sb.toString();
    }

    private static String vertices(OutputPolytope p) {
        List<String> out = new ArrayList<>();
        for (double[] v : p.vertices()) {
            out.add(Arrays.toString(v));
        }
        return String.join(" ", out);
    }

    private static String listing(OutputConstraints.Result r, ResidualCheck.Report check, PolynomialSyntax syntax) {
        String header = summary(r) + "\nvariables y0, y1, …: the network's outputs; each polynomial = 0"
                + (check == null ? "" : "\n" + checkLine(check));
        List<PolynomialListing.Group> groups = new ArrayList<>();
        for (OutputConstraints.RegionConstraints region : r.regions()) {
            groups.add(new PolynomialListing.Group("region " + region.piece().label() + ", rank " + region.hull().rank()
                    + (region.equations().isEmpty() ? ": no equation" : ": on this region only"),
                    region.equations().stream().map(syntax::format).toList(), false));
        }
        groups.add(new PolynomialListing.Group("union of the regions: " + r.message(),
                r.generators().stream().map(g -> g.format(syntax)).toList(), true));
        return PolynomialListing.write(syntax, header, r.variables(), groups);
    }

    private static String json(OutputConstraints.Result r, ResidualCheck.Report check) {
        ObjectNode root = PolynomialJson.object();
        root.put("outputs", r.variables().size());
        root.put("tolerance", r.tolerance());
        root.put("dimension", Math.max(r.dimension(), 0));
        root.put("distinctHulls", r.distinctHulls().size());
        ArrayNode maximal = root.putArray("maximalHulls");
        r.maximalHulls().forEach(maximal::add);
        root.put("union", r.kind().name().toLowerCase(Locale.ROOT));
        root.put("message", r.message());
        ArrayNode regions = root.putArray("regions");
        for (OutputConstraints.RegionConstraints region : r.regions()) {
            ObjectNode node = regions.addObject();
            node.put("label", region.piece().label());
            node.put("rank", region.hull().rank());
            node.put("rankGap", region.hull().rankGap());
            node.put("hull", region.hullIndex());
            node.set("offset", PolynomialJson.vector(region.hull().offset()));
            ArrayNode normals = node.putArray("normals");
            Arrays.stream(region.hull().normals()).forEach(n -> normals.add(PolynomialJson.vector(n)));
            node.set("equations", PolynomialJson.list(region.equations()));
            region.polytope().ifPresent(p -> node.set("polytope", polytope(p)));
        }
        root.put("generatorCount", r.generatorCount());
        ArrayNode generators = root.putArray("generators");
        r.generators().forEach(g -> generators.add(PolynomialJson.of(g)));
        if (check != null) {
            ObjectNode c = root.putObject("verification");
            c.put("samples", check.samples());
            c.put("maxResidual", check.maxResidual());
            c.put("maxUnionResidual", check.maxUnionResidual());
            c.put("maxRegionResidual", check.maxRegionResidual());
            c.put("regionSamples", check.regionSamples());
        }
        return PolynomialJson.write(root);
    }

    private static ObjectNode polytope(OutputPolytope p) {
        ObjectNode node = PolynomialJson.object();
        node.put("complete", p.complete());
        node.put("queries", p.queries());
        ArrayNode vertices = node.putArray("vertices");
        p.vertices().forEach(v -> vertices.add(PolynomialJson.vector(v)));
        ArrayNode rows = node.putArray("inequalities");
        for (OutputPolytope.Inequality q : p.inequalities()) {
            ObjectNode row = rows.addObject();
            row.set("a", PolynomialJson.vector(q.a()));
            row.put("b", q.b());
        }
        return node;
    }
}
