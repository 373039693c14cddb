package org.reluscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.symmetry.EquivalenceVerdict;
import org.reluscope.symmetry.ShallowAnalysis;
import org.reluscope.symmetry.SymmetryOptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SymmetryReportTest {

    @Test
    void canonicalJsonCarriesTheWorkedExample() throws Exception {
        Network thetaB = new Network(List.of(
                AffineLayer.of(new double[][] {{2, 2}, {0.5, 0}, {0, 4}}, new double[] {-2, 0, 0}, Activation.RELU),
                AffineLayer.of(new double[][] {{1.5, 2, -0.5}}, new double[] {0.5}, Activation.IDENTITY)));
        ShallowAnalysis a = ShallowAnalysis.of(thetaB, SymmetryOptions.DEFAULT);
        String text = new ObjectMapper().writeValueAsString(SymmetryReport.canonical(a, 1e-9));
        JsonNode json = new ObjectMapper().readTree(text);
        assertEquals(3, json.get("hyperplanes").asInt());
        assertEquals(3, json.get("minimal_width").asInt());
        assertTrue(json.get("generic").asBoolean());
        assertEquals(3 * Math.sqrt(2), json.get("units").get(1).get("alpha").get(0).asDouble(), 1e-12);
        assertEquals(-1 / Math.sqrt(2), json.get("units").get(1).get("beta").asDouble(), 1e-12);
        assertEquals(0, json.get("G").get(0).get(1).asDouble(), 0);
        assertEquals(0.5, json.get("g").get(0).asDouble(), 0);
        assertEquals("6", json.get("orbit").get("permutations").asText());
        assertTrue(SymmetryReport.canonicalText(a, 1e-9).contains("minimal width: 3 (proven)"));
    }

    @Test
    void verdictTextStartsWithItsWord() {
        EquivalenceVerdict d = new EquivalenceVerdict.Different(new double[] {1}, new double[] {2}, new double[] {3});
        assertTrue(SymmetryReport.equivalenceText(d).startsWith("different\n"));
        assertEquals(1.0, SymmetryReport.equivalence(d).get("difference").asDouble(), 0);
        assertTrue(SymmetryReport.equivalenceText(new EquivalenceVerdict.Unknown("x")).startsWith("unknown\n"));
    }
}
