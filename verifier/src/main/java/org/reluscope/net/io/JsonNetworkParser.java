package org.reluscope.net.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.reluscope.BadInputException;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.InputNormalization;
import org.reluscope.net.Network;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;

/**
 * Reads the JSON network format token by token, so that every complaint carries the line
 * of the offending value: {@code {"layers": [{"weights": [[…], …], "bias": […],
 * "activation": "relu" | "linear"}, …], "normalization": {…}}}. NaN and Infinity are
 * accepted by the tokenizer only to be rejected with their position.
 */
final class JsonNetworkParser {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final JsonParser p;
    private final String source;

    private JsonNetworkParser(JsonParser p, String source) {
        this.p = p;
        this.source = source;
    }

    /** The network in {@code in}; {@code source} names it in error messages. */
    static Network parse(Reader in, String source) {
        try (JsonParser p = FACTORY.createParser(in)) {
            return new JsonNetworkParser(p, source).network();
        } catch (JsonProcessingException e) {
            throw new BadInputException(source, "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage().replace('\n', ' '), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A layer with the line its object starts on, for messages about its shape. */
    private record PlacedLayer(AffineLayer layer, int line) {
    }

    private Network network() throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw bad("expected a JSON object {\"layers\": [...]}");
        }
        List<PlacedLayer> layers = null;
        InputNormalization normalization = null;
        int normalizationLine = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "layers" -> layers = layers();
                case "normalization" -> {
                    normalizationLine = line();
                    normalization = normalization();
                }
                default -> throw bad("unknown key '" + key + "' (expected layers, normalization)");
            }
        }
        if (p.nextToken() != null) {
            throw bad("unexpected content after the network object");
        }
        if (layers == null || layers.isEmpty()) {
            throw new BadInputException(source, "the network has no layers (expected \"layers\": [ {...}, ... ])");
        }
        for (int l = 1; l < layers.size(); l++) {
            AffineLayer previous = layers.get(l - 1).layer();
            AffineLayer layer = layers.get(l).layer();
            if (layer.inputSize() != previous.outputSize()) {
                throw new BadInputException(source, "line " + layers.get(l).line() + ": layer " + (l + 1) + " has "
                        + layer.inputSize() + " inputs (weight columns) but layer " + l + " has "
                        + previous.outputSize() + " outputs");
            }
        }
        int inputs = layers.get(0).layer().inputSize();
        if (normalization != null && normalization.mean().length != inputs) {
            throw new BadInputException(source, "line " + normalizationLine + ": normalization has "
                    + normalization.mean().length + " entries but the network has " + inputs + " inputs");
        }
        return new Network(layers.stream().map(PlacedLayer::layer).toList(), normalization);
    }

    private List<PlacedLayer> layers() throws IOException {
        expect(JsonToken.START_ARRAY, "\"layers\" must be an array of layer objects");
        List<PlacedLayer> layers = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            layers.add(layer(layers.size() + 1));
        }
        return layers;
    }

    private PlacedLayer layer(int number) throws IOException {
        String what = "layer " + number;
        expect(JsonToken.START_OBJECT, what + " must be an object with weights, bias and activation");
        int line = line();
        double[][] weights = null;
        double[] bias = null;
        Activation activation = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "weights" -> weights = matrix(what + " weights");
                case "bias" -> bias = vector(what + " bias");
                case "activation" -> activation = activation(what);
                default -> throw bad(what + ": unknown key '" + key + "' (expected weights, bias, activation)");
            }
        }
        if (weights == null || bias == null || activation == null) {
            throw new BadInputException(source, "line " + line + ": " + what + " needs weights, bias and activation");
        }
        if (weights.length == 0) {
            throw new BadInputException(source, "line " + line + ": " + what + " has no weight rows");
        }
        try {
            return new PlacedLayer(AffineLayer.of(weights, bias, activation), line);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source, "line " + line + ": " + what + ": " + e.getMessage());
        }
    }

    private Activation activation(String what) throws IOException {
        String name = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : "";
        return switch (name) {
            case "relu" -> Activation.RELU;
            case "linear" -> Activation.IDENTITY;
            default -> throw bad(what + ": activation must be \"relu\" or \"linear\", found " + p.getText());
        };
    }

    private double[][] matrix(String what) throws IOException {
        expect(JsonToken.START_ARRAY, what + " must be an array of rows");
        List<double[]> rows = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            double[] row = vector(what + "[" + rows.size() + "]");
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw bad(what + ": row " + rows.size() + " has " + row.length + " entries, row 0 has "
                        + rows.get(0).length);
            }
            rows.add(row);
        }
        return rows.toArray(double[][]::new);
    }

    /** An array of finite numbers. */
    private double[] vector(String what) throws IOException {
        expect(JsonToken.START_ARRAY, what + " must be an array of numbers");
        List<Double> values = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            values.add(number(what + "[" + values.size() + "]"));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private double number(String what) throws IOException {
        if (!p.currentToken().isNumeric()) {
            throw bad(what + " must be a number, found " + p.getText());
        }
        double v = p.getDoubleValue();
        if (!Double.isFinite(v)) {
            throw bad(what + " is " + p.getText() + "; weights must be finite");
        }
        return v;
    }

    private InputNormalization normalization() throws IOException {
        expect(JsonToken.START_OBJECT, "normalization must be an object");
        double[][] vectors = new double[4][];
        double[] output = {0, 1};
        List<String> vectorKeys = List.of("min", "max", "mean", "range");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            int k = vectorKeys.indexOf(key);
            if (k >= 0) {
                vectors[k] = vector("normalization " + key);
            } else if (key.equals("outputMean") || key.equals("outputRange")) {
                output[key.equals("outputMean") ? 0 : 1] = number("normalization " + key);
            } else {
                throw bad("normalization: unknown key '" + key + "' (expected min, max, mean, range, outputMean, "
                        + "outputRange)");
            }
        }
        for (int k = 0; k < vectors.length; k++) {
            if (vectors[k] == null) {
                throw bad("normalization needs " + vectorKeys.get(k));
            }
        }
        try {
            return new InputNormalization(vectors[0], vectors[1], vectors[2], vectors[3], output[0], output[1]);
        } catch (IllegalArgumentException e) {
            throw bad("normalization: " + e.getMessage());
        }
    }

    private void expect(JsonToken token, String message) {
        if (p.currentToken() != token) {
            throw bad(message);
        }
    }

    private int line() {
        return p.currentTokenLocation().getLineNr();
    }

    private BadInputException bad(String message) {
        return new BadInputException(source, "line " + line() + ": " + message);
    }
}
