package org.reluscope.report;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.reluscope.symmetry.CanonicalForm;
import org.reluscope.symmetry.CanonicalUnit;
import org.reluscope.symmetry.EquivalenceVerdict;
import org.reluscope.symmetry.Genericity;
import org.reluscope.symmetry.LayerChange;
import org.reluscope.symmetry.MinimalWidth;
import org.reluscope.symmetry.ShallowAnalysis;
import org.reluscope.symmetry.Simplification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Text and JSON for the symmetry results: canonical forms ({@code canonical}), equivalence
 * verdicts ({@code equiv}) and simplifications ({@code simplify}). Numbers are printed in
 * Java's shortest round-trip form, so a reader gets the exact doubles back.
 */
public final class SymmetryReport {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SymmetryReport() {
    }

    /** The JSON object of a canonical-form analysis (keys {@code units}, {@code G}, {@code g}, {@code hyperplanes}, …). */
    public static ObjectNode canonical(ShallowAnalysis a, double tolerance) {
        CanonicalForm f = a.form();
        ObjectNode o = JSON.objectNode();
        o.put("inputs", f.inputSize());
        o.put("outputs", f.outputSize());
        o.put("width", a.width());
        o.put("tolerance", tolerance);
        ArrayNode units = o.putArray("units");
        for (CanonicalUnit u : f.units()) {
            ObjectNode unit = units.addObject();
            unit.set("u", array(u.u()));
            unit.put("beta", u.beta());
            unit.set("alpha", array(u.alpha()));
        }
        ArrayNode g = o.putArray("G");
        for (double[] row : f.linear()) {
            g.add(array(row));
        }
        o.set("g", array(f.offset()));
        o.put("hyperplanes", f.hyperplaneCount());
        MinimalWidth w = a.minimalWidth();
        o.put("minimal_width", w.width());
        o.put("minimal_width_proven", w.proven());
        o.put("minimal_width_lower_bound", w.lowerBound());
        Genericity gen = a.genericity();
        if (gen.status() == Genericity.Status.UNDECIDED) {
            o.putNull("generic");
        } else {
            o.put("generic", gen.isGeneric());
        }
        o.put("generic_reason", gen.reason());
        ObjectNode orbit = o.putObject("orbit");
        orbit.put("permutations", a.orbit().permutations().toString());
        orbit.put("scaling_dimension", a.orbit().scalingDimension());
        orbit.put("complete", a.orbit().complete());
        return o;
    }

    /** The canonical-form analysis as text. */
    public static String canonicalText(ShallowAnalysis a, double tolerance) {
        CanonicalForm f = a.form();
        StringBuilder sb = new StringBuilder();
        sb.append("f(x) = Σ α_h σ(u_h·x + β_h) + G x + g   (").append(f.inputSize()).append(" inputs, ")
                .append(f.outputSize()).append(" outputs, width ").append(a.width()).append(", tolerance ")
                .append(tolerance).append(")\n");
        sb.append("units (").append(f.hyperplaneCount()).append("):\n");
        for (CanonicalUnit u : f.units()) {
            sb.append("  α = ").append(Arrays.toString(u.alpha())).append("  u = ").append(Arrays.toString(u.u()))
                    .append("  β = ").append(u.beta()).append('\n');
        }
        sb.append("G = ").append(Arrays.deepToString(f.linear())).append('\n');
        sb.append("g = ").append(Arrays.toString(f.offset())).append('\n');
        sb.append("hyperplanes: ").append(f.hyperplaneCount()).append('\n');
        MinimalWidth w = a.minimalWidth();
        sb.append("minimal width: ").append(w.width()).append(w.proven() ? " (proven)"
                : " (realisable; proven ≥ " + w.lowerBound() + ", search budget exhausted)").append('\n');
        sb.append("generic: ").append(switch (a.genericity().status()) {
            case GENERIC -> "yes";
            case DEGENERATE -> "no";
            case UNDECIDED -> "undecided";
        }).append(" (").append(a.genericity().reason()).append(")\n");
        sb.append("orbit: ").append(a.width()).append("! = ").append(a.orbit().permutations()).append(" permutations × ")
                .append(a.orbit().scalingDimension()).append("-dimensional positive scalings")
                .append(a.orbit().complete() ? " (all parameters of this width computing f)"
                        : " (a part of the parameters computing f: they are not generic)").append('\n');
        return sb.toString();
    }

    /** The JSON object of an equivalence verdict; {@code answer} is its first-line word. */
    public static ObjectNode equivalence(EquivalenceVerdict v) {
        ObjectNode o = JSON.objectNode();
        o.put("answer", v.word());
        if (v instanceof EquivalenceVerdict.Equivalent e) {
            o.put("method", e.method());
            if (Double.isNaN(e.differenceBound())) {
                o.putNull("difference_bound");
            } else {
                o.put("difference_bound", e.differenceBound());
            }
        } else if (v instanceof EquivalenceVerdict.Different d) {
            o.set("witness", array(d.witness()));
            o.set("output1", array(d.output1()));
            o.set("output2", array(d.output2()));
            o.put("difference", d.difference());
        } else {
            o.put("reason", ((EquivalenceVerdict.Unknown) v).reason());
        }
        return o;
    }

    /** The verdict as text, its word on the first line. */
    public static String equivalenceText(EquivalenceVerdict v) {
        if (v instanceof EquivalenceVerdict.Equivalent e) {
            return "equivalent\nmethod: " + e.method() + "\n"
                    + (Double.isNaN(e.differenceBound()) ? "" : "max |f1 - f2| ≤ " + e.differenceBound() + "\n");
        }
        if (v instanceof EquivalenceVerdict.Different d) {
            return "different\nwitness: " + Arrays.toString(d.witness()) + "\nf1: " + Arrays.toString(d.output1())
                    + "\nf2: " + Arrays.toString(d.output2()) + "\nmax |f1 - f2| = " + d.difference() + "\n";
        }
        return "unknown\nreason: " + ((EquivalenceVerdict.Unknown) v).reason() + "\n";
    }

    /** The JSON object of a simplification: per-layer counts and totals. */
    public static ObjectNode simplification(Simplification s) {
        ObjectNode o = JSON.objectNode();
        o.put("bounds", s.bounds());
        o.put("units_before", s.unitsBefore());
        o.put("units_after", s.unitsAfter());
        ArrayNode layers = o.putArray("layers");
        for (LayerChange c : s.layers()) {
            ObjectNode l = layers.addObject();
            l.put("layer", c.layer());
            l.put("before", c.before());
            l.put("inactive", c.inactive());
            l.put("unused", c.unused());
            l.put("duplicates", c.duplicates());
            l.put("folded", c.folded());
            l.put("after", c.after());
        }
        o.set("widths_after", JSON.arrayNode().addAll(Arrays.stream(s.network().widths()).mapToObj(JSON::numberNode)
                .map(JsonNode.class::cast).toList()));
        return o;
    }

    /** The simplification as a per-layer table. */
    public static String simplificationText(Simplification s) {
        String rows = s.layers().stream().map(c -> String.format("%5d %7d %8d %6d %10d %6d %6d", c.layer(), c.before(),
                c.inactive(), c.unused(), c.duplicates(), c.folded(), c.after())).collect(Collectors.joining("\n"));
        return "layer  before inactive unused duplicates folded  after\n" + rows + "\n"
                + "units: " + s.unitsBefore() + " → " + s.unitsAfter() + " (phases proven by " + s.bounds() + ")\n"
                + "widths after: " + Arrays.toString(s.network().widths()) + "\n";
    }

    private static ArrayNode array(double[] values) {
        ArrayNode a = JSON.arrayNode();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }
}
