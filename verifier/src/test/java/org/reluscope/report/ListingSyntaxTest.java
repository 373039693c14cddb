package org.reluscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reluscope.algebra.AffinePiece;
import org.reluscope.algebra.LinearProduct;
import org.reluscope.algebra.OutputConstraints;
import org.reluscope.algebra.PatternVariety;
import org.reluscope.algebra.Polynomial;
import org.reluscope.algebra.PolynomialSyntax;
import org.reluscope.algebra.VarietyProblem;

/**
 * The emitted SymPy and Macaulay2 text parses, by our own grammar ({@link CasGrammar}), and
 * means the polynomials it came from: each parsed line evaluates, at random values of the
 * variables, to the polynomial's value. Where python3 with SymPy is installed, SymPy itself
 * reads the SymPy text too.
 */
class ListingSyntaxTest {

    /** A two-block shallow variety with non-vacuous linear, rank and difference families. */
    static VarietyProblem twoBlocks() {
        boolean[][] s1 = {{true, true, true, false}};
        boolean[][] s2 = {{true, true, false, false}};
        return new VarietyProblem(new int[] {3, 4, 3}, false, PatternVariety.randomPoints(7, 3, 15),
                new boolean[][][] {s1, s1, s1, s1, s2, s2, s2});
    }

    static OutputConstraints.Result twoLines() {
        AffinePiece a = AffinePiece.of("a", new double[][] {{1}, {0}}, new double[] {0.1, 0}, null);
        AffinePiece b = AffinePiece.of("b", new double[][] {{3}, {3}}, new double[] {1, 0}, null);
        AffinePiece c = AffinePiece.of("c", new double[][] {{0}, {0}}, new double[] {2.5, -1.25}, null);
        return OutputConstraints.analyse(List.of(a, b, c), OutputConstraints.Options.DEFAULT, null);
    }

    @Test
    void sympyVarietyListingParsesAndMeansThePolynomials() {
        VarietyProblem p = twoBlocks();
        PatternVariety.Result r = PatternVariety.analyse(p, PatternVariety.Options.DEFAULT);
        String text = VarietyReport.render(p, r, ReportFormat.SYMPY);
        List<Polynomial> expected = r.constraints().polynomials();
        assertTrue(expected.size() > 10, "the example should have many equations, has " + expected.size());
        checkSympyLines(text, expected.stream().map(LinearProductOrPolynomial::of).toList());
    }

    @Test
    void macaulay2VarietyListingParsesAndMeansThePolynomials() {
        VarietyProblem p = twoBlocks();
        PatternVariety.Result r = PatternVariety.analyse(p, PatternVariety.Options.DEFAULT);
        String text = VarietyReport.render(p, r, ReportFormat.M2);
        checkMacaulay2(text, r.constraints().variables(),
                r.constraints().polynomials().stream().map(LinearProductOrPolynomial::of).toList());
    }

    @Test
    void constraintsListingsCarryTheUnionGeneratorsAndRegionEquationsAsComments() {
        OutputConstraints.Result r = twoLines();
        assertEquals(OutputConstraints.UnionKind.EQUATIONS, r.kind());
        List<LinearProductOrPolynomial> union = r.generators().stream().map(LinearProductOrPolynomial::of).toList();
        String sympy = ConstraintsReport.render(r, null, ReportFormat.SYMPY);
        checkSympyLines(sympy, union);
        assertTrue(sympy.contains("\n# y0 - y1 - 1\n"), "region equations appear as comments:\n" + sympy);
        String m2 = ConstraintsReport.render(r, null, ReportFormat.M2);
        checkMacaulay2Union(m2, r);
    }

    /** Either kind of emitted polynomial, evaluated the same way. */
    record LinearProductOrPolynomial(Polynomial polynomial, LinearProduct product) {
        static LinearProductOrPolynomial of(Polynomial p) {
            return new LinearProductOrPolynomial(p, null);
        }

        static LinearProductOrPolynomial of(LinearProduct g) {
            return new LinearProductOrPolynomial(null, g);
        }

        double evaluate(double[] y) {
            return polynomial != null ? polynomial.evaluate(y) : product.evaluate(y);
        }

        double scale(double[] y) {
            return polynomial != null ? polynomial.termMagnitude(y) : Math.abs(product.expand().termMagnitude(y));
        }

        List<String> variables() {
            return polynomial != null ? polynomial.variables() : product.factors().get(0).variables();
        }
    }

    private static void checkSympyLines(String text, List<LinearProductOrPolynomial> expected) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                lines.add(line);
            }
        }
        assertEquals(expected.size(), lines.size());
        assertFalse(lines.stream().anyMatch(l -> l.contains("^")), "Python reads ^ as exclusive or");
        compare(lines, expected, PolynomialSyntax.SYMPY, "**");
    }

    private static void checkMacaulay2(String text, List<String> variables, List<LinearProductOrPolynomial> expected) {
        String ring = line(text, "R = QQ[");
        assertTrue(ring.endsWith("];"), ring);
        List<String> declared = CasGrammar.splitTopLevel(ring.substring("R = QQ[".length(), ring.length() - 2));
        assertEquals(variables.stream().map(PolynomialSyntax.MACAULAY2::variable).toList(), declared);
        assertFalse(text.contains("**"));
        List<String> generators = new ArrayList<>();
        List<String> idealNames = new ArrayList<>();
        String body = text.replaceAll("(?m)^--.*$", "");
        int at = 0;
        while ((at = body.indexOf(" = ideal(", at)) >= 0) {
            int nameStart = body.lastIndexOf('\n', at) + 1;
            idealNames.add(body.substring(nameStart, at));
            int end = body.indexOf("\n);", at);
            generators.addAll(CasGrammar.splitTopLevel(body.substring(at + " = ideal(".length(), end).strip()));
            at = end;
        }
        assertEquals(expected.size(), generators.size());
        compare(generators, expected, PolynomialSyntax.MACAULAY2, "^");
        assertEquals("I = " + String.join(" + ", idealNames) + ";", line(text, "I = "));
    }

    private static void checkMacaulay2Union(String text, OutputConstraints.Result r) {
        List<LinearProductOrPolynomial> all = new ArrayList<>();
        r.regions().forEach(region -> region.equations().forEach(e -> all.add(LinearProductOrPolynomial.of(e))));
        r.generators().forEach(g -> all.add(LinearProductOrPolynomial.of(g)));
        String body = text.replaceAll("(?m)^--.*$", "");
        List<String> generators = new ArrayList<>();
        int at = 0;
        String last = null;
        while ((at = body.indexOf(" = ideal(", at)) >= 0) {
            last = body.substring(body.lastIndexOf('\n', at) + 1, at);
            int end = body.indexOf("\n);", at);
            generators.addAll(CasGrammar.splitTopLevel(body.substring(at + " = ideal(".length(), end).strip()));
            at = end;
        }
        compare(generators, all, PolynomialSyntax.MACAULAY2, "^");
        assertEquals("I = " + last + ";", line(text, "I = "), "I is the union ideal only");
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() ->
                new AssertionError("no line starting with " + prefix + " in\n" + text));
    }

    private static void compare(List<String> texts, List<LinearProductOrPolynomial> expected, PolynomialSyntax syntax,
                                String power) {
        Random random = new Random(4);
        List<String> vars = expected.get(0).variables();
        for (int trial = 0; trial < 3; trial++) {
            double[] y = new double[vars.size()];
            Map<String, Double> values = new HashMap<>();
            for (int i = 0; i < y.length; i++) {
                y[i] = random.nextGaussian();
                values.put(syntax.variable(vars.get(i)), y[i]);
            }
            for (int k = 0; k < texts.size(); k++) {
                double parsed = CasGrammar.evaluate(texts.get(k), power, values);
                double direct = expected.get(k).evaluate(y);
                assertEquals(direct, parsed, 1e-9 * Math.max(1, expected.get(k).scale(y)), texts.get(k));
            }
        }
    }

    /** SymPy itself, where installed: every line sympifies and expands to as many terms as we emitted. */
    @Test
    void sympyReadsTheListingWhereInstalled(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(sympyAvailable(), "python3 with sympy is not installed");
        VarietyProblem p = twoBlocks();
        PatternVariety.Result r = PatternVariety.analyse(p, PatternVariety.Options.DEFAULT);
        Path listing = dir.resolve("variety.sympy");
        Files.writeString(listing, VarietyReport.render(p, r, ReportFormat.SYMPY));
        String script = "import sys, sympy\n"
                + "for line in open(sys.argv[1]):\n"
                + "    line = line.strip()\n"
                + "    if line and not line.startswith('#'):\n"
                + "        e = sympy.expand(sympy.sympify(line))\n"
                + "        print(len(sympy.Poly(e).terms()))\n";
        Process proc = new ProcessBuilder("python3", "-c", script, listing.toString()).redirectErrorStream(true).start();
        assertTrue(proc.waitFor(120, TimeUnit.SECONDS));
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, proc.exitValue(), out);
        List<Integer> counts = out.lines().map(Integer::parseInt).toList();
        assertEquals(r.constraints().polynomials().stream().map(Polynomial::termCount).toList(), counts);
    }

    private static boolean sympyAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import sympy").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
