package org.reluscope.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.reluscope.algebra.DeterminantalConstraints;
import org.reluscope.algebra.Polynomial;
import org.reluscope.algebra.PatternVariety;
import org.reluscope.algebra.PolynomialSyntax;
import org.reluscope.algebra.VarietyProblem;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders a {@link PatternVariety.Result} as text, JSON, Macaulay2 or SymPy input. */
public final class VarietyReport {
    private VarietyReport() {
    }

    public static String render(VarietyProblem problem, PatternVariety.Result result, ReportFormat format) {
        return switch (format) {
            case TEXT -> text(problem, result);
            case JSON -> json(problem, result);
            case M2, SYMPY -> listing(problem, result, format.syntax());
        };
    }

    private static String summary(VarietyProblem p, PatternVariety.Result r) {
        return String.format(Locale.ROOT, "pattern variety: architecture %s, %s, %d points, %d pattern block(s)%n"
                        + "dimension %d (Jacobian rank over %d draws: %s, %s)%n"
                        + "expected dimension %d = min(n_L·k = %d, parameters %d − hidden units used %d)%s",
                arch(p), p.bias() ? "with biases" : "no biases", p.pointCount(), r.constraints().blocks().size(),
                r.dimension(), r.ranks().length, Arrays.stream(r.ranks()).mapToObj(Integer::toString)
                        .collect(Collectors.joining(" ")), r.drawsAgree() ? "agreed" : "DISAGREED",
                r.expectedDimension(), r.ambientDimension(), r.parameters(), r.hiddenUnitsUsed(),
                r.defect() > 0 ? "; defective by " + r.defect() : "");
    }

    private static String text(VarietyProblem p, PatternVariety.Result r) {
        StringBuilder sb = new StringBuilder(summary(p, r)).append('\n');
        sb.append("smallest rank gap σ_r/σ_{r+1}: ").append(String.format(Locale.ROOT, "%.3g", minGap(r))).append('\n');
        appendBlocksAndPoints(sb, p, r, "");
        sb.append("equations (each proven to vanish for every parameter choice):\n");
        for (DeterminantalConstraints.Family f : r.constraints().families()) {
            sb.append("  ").append(f.name()).append(": ").append(f.statement()).append(" — ").append(describe(f))
                    .append('\n');
            for (Polynomial q : f.polynomials()) {
                sb.append("    ").append(q).append(" = 0\n");
            }
        }
        sb.append("generation: ").append(r.constraints().completeness().name().toLowerCase(Locale.ROOT)).append(" — ")
                .append(r.constraints().completenessReason()).append('\n');
        return sb.toString();
    }

    private static void appendBlocksAndPoints(StringBuilder sb, VarietyProblem p, PatternVariety.Result r,
                                              String indent) {
        List<VarietyProblem.Block> blocks = r.constraints().blocks();
        for (int b = 0; b < blocks.size(); b++) {
            VarietyProblem.Block block = blocks.get(b);
            sb.append(indent).append("B").append(b).append(": pattern ").append(block.label()).append(", points ")
                    .append(Arrays.toString(block.points())).append(", r* = ").append(p.rankBound(block)).append('\n');
        }
        for (int j = 0; j < p.pointCount(); j++) {
            sb.append(indent).append("x").append(j).append(" = ").append(Arrays.toString(p.points()[j])).append('\n');
        }
    }

    private static String describe(DeterminantalConstraints.Family f) {
        if (f.vacuous()) {
            return f.bound() < 0 ? "none (the points are independent)" : "vacuous (rank bound " + f.bound()
                    + " ≥ smaller side of the " + f.rows() + "×" + f.cols() + " matrix)";
        }
        if (f.note() != null) {
            return f.count() + " polynomial(s), not listed: " + f.note();
        }
        return f.count() + " polynomial(s)" + (f.bound() >= 0 ? ", the " + (f.bound() + 1) + "-minors of a "
                + f.rows() + "×" + f.cols() + " matrix" : ", linear");
    }

    private static double minGap(PatternVariety.Result r) {
        return Arrays.stream(r.rankGaps()).min().orElse(Double.POSITIVE_INFINITY);
    }

    private static String listing(VarietyProblem p, PatternVariety.Result r, PolynomialSyntax syntax) {
        StringBuilder header = new StringBuilder(summary(p, r)).append('\n');
        header.append("variables y_i_j: output i at point j; each polynomial = 0\n");
        appendBlocksAndPoints(header, p, r, "");
        header.append("generation: ").append(r.constraints().completeness().name().toLowerCase(Locale.ROOT))
                .append(" — ").append(r.constraints().completenessReason());
        List<PolynomialListing.Group> groups = new ArrayList<>();
        for (DeterminantalConstraints.Family f : r.constraints().families()) {
            List<String> polys = f.polynomials().stream().map(syntax::format).toList();
            groups.add(new PolynomialListing.Group("proven: " + f.name() + ": " + f.statement() + " — "
                    + describe(f), polys, true));
        }
        return PolynomialListing.write(syntax, header.toString(), r.constraints().variables(), groups);
    }

    private static String json(VarietyProblem p, PatternVariety.Result r) {
        ObjectNode root = PolynomialJson.object();
        ArrayNode arch = root.putArray("architecture");
        Arrays.stream(p.widths()).forEach(arch::add);
        root.put("bias", p.bias());
        root.put("points", p.pointCount());
        root.put("dimension", r.dimension());
        ArrayNode ranks = root.putArray("ranks");
        Arrays.stream(r.ranks()).forEach(ranks::add);
        root.put("drawsAgree", r.drawsAgree());
        root.put("minRankGap", minGap(r));
        root.put("ambientDimension", r.ambientDimension());
        root.put("parameters", r.parameters());
        root.put("hiddenUnitsUsed", r.hiddenUnitsUsed());
        root.put("expectedDimension", r.expectedDimension());
        ArrayNode inputs = root.putArray("inputs");
        Arrays.stream(p.points()).forEach(x -> inputs.add(PolynomialJson.vector(x)));
        ArrayNode blocks = root.putArray("blocks");
        for (VarietyProblem.Block b : r.constraints().blocks()) {
            ObjectNode node = blocks.addObject();
            node.put("pattern", b.label());
            ArrayNode pts = node.putArray("points");
            Arrays.stream(b.points()).forEach(pts::add);
            node.put("rankBound", p.rankBound(b));
        }
        ArrayNode families = root.putArray("families");
        for (DeterminantalConstraints.Family f : r.constraints().families()) {
            ObjectNode node = families.addObject();
            node.put("name", f.name());
            node.put("statement", f.statement());
            node.put("status", "proven");
            node.put("bound", f.bound());
            node.put("rows", f.rows());
            node.put("cols", f.cols());
            node.put("vacuous", f.vacuous());
            node.put("count", f.count());
            if (f.note() != null) {
                node.put("note", f.note());
            }
            node.set("polynomials", PolynomialJson.list(f.polynomials()));
        }
        root.put("generation", r.constraints().completeness().name().toLowerCase(Locale.ROOT));
        root.put("generationReason", r.constraints().completenessReason());
        return PolynomialJson.write(root);
    }

    private static String arch(VarietyProblem p) {
        return Arrays.stream(p.widths()).mapToObj(Integer::toString).collect(Collectors.joining("-"));
    }
}
