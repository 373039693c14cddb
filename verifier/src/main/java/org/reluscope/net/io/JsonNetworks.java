package org.reluscope.net.io;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;

import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.InputNormalization;
import org.reluscope.net.Network;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * reluscope's own JSON network format, a direct transcription of f(x) = W_L σ(… σ(W_1 x + b_1) …) + b_L:
 * <pre>
 * {"layers": [{"weights": [[w11, w12, …], …], "bias": [b1, …], "activation": "relu"},
 *             …,
 *             {"weights": …, "bias": …, "activation": "linear"}],
 *  "normalization": {"min": […], "max": […], "mean": […], "range": […],
 *                    "outputMean": m, "outputRange": r}}
 * </pre>
 * Weights are rows (outputs × inputs). {@code normalization} is optional (see
 * {@link InputNormalization}). Numbers are written in the shortest form that reads back to
 * the same double, so a write–read round trip is exact.
 */
public final class JsonNetworks {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonNetworks() {
    }

    /** @throws org.reluscope.BadInputException with the line of the problem: syntax, a NaN weight, mismatched shapes */
    public static Network read(Path file) {
        return parse(NetworkFiles.readText(file), file.toString());
    }

    /** The network in {@code json}; {@code source} names it in error messages. */
    public static Network parse(String json, String source) {
        return read(new StringReader(json), source);
    }

    public static Network read(Reader in, String source) {
        return JsonNetworkParser.parse(in, source);
    }

    /** The network as JSON text, one weight row per line. */
    public static String toJson(Network network) {
        try {
            return MAPPER.writer(new RowPrinter()).writeValueAsString(toTree(network)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@link #toJson(Network)} to {@code out}. */
    public static void write(Network network, Writer out) throws IOException {
        out.write(toJson(network));
    }

    /** The JSON tree of the network. */
    public static ObjectNode toTree(Network network) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode layers = root.putArray("layers");
        for (AffineLayer layer : network.layers()) {
            ObjectNode node = layers.addObject();
            ArrayNode weights = node.putArray("weights");
            for (int i = 0; i < layer.outputSize(); i++) {
                numbers(weights.addArray(), layer.row(i));
            }
            numbers(node.putArray("bias"), layer.bias());
            node.put("activation", activationName(layer.activation()));
        }
        network.normalization().ifPresent(n -> root.set("normalization", toTree(n)));
        return root;
    }

    /** The JSON tree of a normalisation, as it appears in a network file. */
    public static ObjectNode toTree(InputNormalization normalization) {
        ObjectNode node = MAPPER.createObjectNode();
        numbers(node.putArray("min"), normalization.min());
        numbers(node.putArray("max"), normalization.max());
        numbers(node.putArray("mean"), normalization.mean());
        numbers(node.putArray("range"), normalization.range());
        node.put("outputMean", normalization.outputMean());
        node.put("outputRange", normalization.outputRange());
        return node;
    }

    /** The name of an activation in this format: "relu" or "linear". */
    public static String activationName(Activation activation) {
        return activation == Activation.RELU ? "relu" : "linear";
    }

    private static void numbers(ArrayNode array, double[] values) {
        for (double v : values) {
            array.add(v);
        }
    }

    /**
     * Pretty printing that keeps arrays of numbers on one line: each weight row, bias and
     * normalisation vector is a line, the structure around them is indented.
     */
    private static final class RowPrinter extends DefaultPrettyPrinter {
        private static final long serialVersionUID = 1L;

        RowPrinter() {
            super(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
            _arrayIndenter = DefaultIndenter.SYSTEM_LINEFEED_INSTANCE;
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new RowPrinter();
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            if (inline(g)) {
                g.writeRaw('[');
            } else {
                super.writeStartArray(g);
            }
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (!inline(g)) {
                super.beforeArrayValues(g);
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            if (inline(g)) {
                g.writeRaw(", ");
            } else {
                super.writeArrayValueSeparator(g);
            }
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            if (inline(g)) {
                g.writeRaw(']');
            } else {
                super.writeEndArray(g, values);
            }
        }

        /** Every array holds numbers except "layers" and "weights". */
        private static boolean inline(JsonGenerator g) {
            String name = g.getOutputContext().getParent().getCurrentName();
            return !("layers".equals(name) || "weights".equals(name));
        }
    }
}
