package org.reluscope.net.io;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reluscope.BadInputException;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.InputNormalization;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;

class JsonNetworksTest {
    /** Every double, normalisation included, reads back bit for bit. */
    @Test
    void roundTripIsExact() {
        Network random = RandomNetworks.relu(5, 0.3, 4, 7, 6, 3);
        InputNormalization norm = new InputNormalization(new double[] {-1, 0, 1e-300, -2.5},
                new double[] {1, Math.PI, 1e300, 0.1}, new double[] {0, 1.0 / 3, 2, Math.E},
                new double[] {2, 0.1, 7, 3}, 7.5188840201005975, 373.94992);
        Network net = new Network(random.layers(), norm);
        Network back = JsonNetworks.parse(JsonNetworks.toJson(net), "round.json");
        assertEquals(net, back);
        for (int l = 0; l < net.layerCount(); l++) {
            assertArrayEquals(net.layer(l).weights(), back.layer(l).weights(), 0.0);
        }
    }

    @Test
    void handWrittenNetworkReads() {
        String json = """
                {"layers": [
                  {"weights": [[1, -1], [0, 2]], "bias": [0.5, -1], "activation": "relu"},
                  {"weights": [[3, 1]], "bias": [0], "activation": "linear"}
                ]}
                """;
        Network net = JsonNetworks.parse(json, "hand.json");
        assertEquals(new AffineLayer(2, 2, new double[] {1, -1, 0, 2}, new double[] {0.5, -1}, Activation.RELU),
                net.layer(0));
        assertEquals(Activation.IDENTITY, net.layer(1).activation());
        // x = (1, 1): relu(0.5, 1) = (0.5, 1); 3·0.5 + 1 = 2.5
        assertArrayEquals(new double[] {2.5}, net.evaluate(new double[] {1, 1}), 0);
        assertTrue(net.normalization().isEmpty());
    }

    /** Each problem is reported with the line it is on and what is wrong. */
    @Test
    void errorsCarryTheirLine() {
        List<String[]> cases = List.of(
                new String[] {"{\"layers\": [\n{\"weights\": [[1, NaN]], \"bias\": [0], \"activation\": \"relu\"}]}",
                        "line 2: layer 1 weights[0][1] is NaN; weights must be finite"},
                new String[] {"{\"layers\": [\n{\"weights\": [[1, 2]], \"bias\": [0], \"activation\": \"relu\"},\n"
                        + "{\"weights\": [[1, 2, 3]], \"bias\": [0], \"activation\": \"linear\"}]}",
                        "line 3: layer 2 has 3 inputs (weight columns) but layer 1 has 1 outputs"},
                new String[] {"{\"layers\": [\n{\"weights\": [[1, 2]], \"bias\": [0, 1], \"activation\": \"relu\"}]}",
                        "line 2: layer 1: bias has 2 entries but the layer has 1 outputs"},
                new String[] {"{\"layers\": [\n{\"weights\": [[1, 2]], \"bias\": [0], \"activation\": \"tanh\"}]}",
                        "line 2: layer 1: activation must be \"relu\" or \"linear\", found tanh"},
                new String[] {"{\"layers\": [\n\n{\"weights\": [[1, 2], [3]], \"bias\": [0], \"activation\": \"relu\"}]}",
                        "line 3: layer 1 weights: row 1 has 1 entries, row 0 has 2"},
                new String[] {"{\"layer\": []}", "line 1: unknown key 'layer' (expected layers, normalization)"});
        for (String[] c : cases) {
            BadInputException e = assertThrows(BadInputException.class, () -> JsonNetworks.parse(c[0], "bad.json"));
            assertEquals(c[1], e.getMessage());
            assertEquals("bad.json", e.source());
        }
    }

    @Test
    void syntaxErrorHasLineAndColumn() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> JsonNetworks.parse("{\"layers\": [\n  {\"weights\": [[1,, 2]]}]}", "syntax.json"));
        assertTrue(e.getMessage().startsWith("line 2, column 19: "), e.getMessage());
    }
}
