package org.reluscope.report;

import java.util.List;

import org.reluscope.algebra.LinearProduct;
import org.reluscope.algebra.Polynomial;
import org.reluscope.algebra.PolynomialSyntax;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Polynomials as JSON: {@code {"text": "0.5*y0 - y1", "sympy": "1/2*y0 - y1", "degree": 1,
 * "terms": [{"coefficient": 0.5, "monomial": {"y0": 1}}, …]}} — the string forms for people
 * and computer-algebra systems, the terms (with exact double coefficients) for programs.
 */
final class PolynomialJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PolynomialJson() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** The tree as indented JSON with a final newline. */
    static String write(ObjectNode root) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a JSON tree to a string cannot fail", e);
        }
    }

    static ObjectNode of(Polynomial p) {
        ObjectNode node = NODES.objectNode();
        node.put("text", PolynomialSyntax.TEXT.format(p));
        node.put("sympy", PolynomialSyntax.SYMPY.format(p));
        node.put("degree", p.degree());
        ArrayNode terms = node.putArray("terms");
        for (int t = 0; t < p.termCount(); t++) {
            ObjectNode term = terms.addObject();
            term.put("coefficient", p.coefficient(t));
            ObjectNode monomial = term.putObject("monomial");
            for (int v : p.monomial(t)) {
                String name = p.variables().get(v);
                monomial.put(name, monomial.path(name).asInt(0) + 1);
            }
        }
        return node;
    }

    static ArrayNode list(List<Polynomial> ps) {
        ArrayNode a = NODES.arrayNode();
        ps.forEach(p -> a.add(of(p)));
        return a;
    }

    /** A product: its factors, and its string forms (factored). */
    static ObjectNode of(LinearProduct g) {
        ObjectNode node = NODES.objectNode();
        node.put("text", g.format(PolynomialSyntax.TEXT));
        node.put("sympy", g.format(PolynomialSyntax.SYMPY));
        node.put("degree", g.degree());
        node.set("factors", list(g.factors()));
        return node;
    }

    static ArrayNode vector(double[] v) {
        ArrayNode a = NODES.arrayNode();
        for (double x : v) {
            a.add(x);
        }
        return a;
    }
}
