package org.reluscope.net.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.reluscope.BadInputException;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.net.io.LinearOps.Arithmetic;

/**
 * Turns an ONNX graph into a {@link Network} by evaluating it symbolically: every tensor is
 * either a constant or an affine function A u + c of the current layer input u. Linear
 * operators update (A, c); a Relu closes the layer σ(A u + c) and starts the next one with
 * u = the ReLU's output. So MatMul/Add, Gemm, Sub/Mul/Div by constants, Flatten and Reshape
 * between two ReLUs become one {@link AffineLayer}, composed in double precision.
 *
 * <p>The network input is the one graph input that is not an initializer (VNN-COMP files
 * also list their weights as inputs). A graph that ends in a Relu keeps ReLU on its last layer.
 */
final class OnnxGraphFolder {
    private static final Set<String> SUPPORTED = new TreeSet<>(List.of("Gemm", "MatMul", "Add", "Sub", "Mul", "Div",
            "Relu", "Flatten", "Reshape", "Identity", "Dropout", "Constant"));

    private final String source;
    private final Map<String, OnnxValue> values = new HashMap<>();
    private final List<AffineLayer> layers = new ArrayList<>();
    private String lastRelu = "";

    private OnnxGraphFolder(String source) {
        this.source = source;
    }

    /** The network the graph computes; {@code source} names the file in error messages. */
    static Network fold(OnnxGraph graph, String source) {
        return new OnnxGraphFolder(source).run(graph);
    }

    private Network run(OnnxGraph graph) {
        values.putAll(graph.initializers());
        OnnxGraph.Input input = networkInput(graph);
        values.put(input.name(), AffineTensor.identity(input.shape(), 0));
        for (OnnxGraph.Node node : graph.nodes()) {
            if (node.outputs().isEmpty()) {
                throw bad(node, "has no output");
            }
            OnnxValue result;
            try {
                result = apply(node);
            } catch (IllegalArgumentException e) {
                throw bad(node, e.getMessage());
            }
            values.put(node.outputs().get(0), result);
        }
        if (graph.outputs().size() != 1) {
            throw new BadInputException(source, "the graph has " + graph.outputs().size()
                    + " outputs; reluscope reads networks with exactly one");
        }
        String output = graph.outputs().get(0);
        if (!(values.get(output) instanceof AffineTensor last) || last.layer() != layers.size()) {
            throw new BadInputException(source, "the graph output '" + output
                    + "' is not computed from the network input by the last layer");
        }
        if (layers.isEmpty() || !last.isIdentity()) {
            layers.add(layer(last, Activation.IDENTITY, "the graph output"));
        }
        return new Network(layers);
    }

    /** The one graph input that is not an initializer, with symbolic (batch) dimensions set to 1. */
    private OnnxGraph.Input networkInput(OnnxGraph graph) {
        List<OnnxGraph.Input> inputs = graph.inputs().stream()
                .filter(i -> !graph.initializers().containsKey(i.name())).toList();
        if (inputs.size() != 1) {
            throw new BadInputException(source, "the graph has " + inputs.size() + " inputs that are not initializers "
                    + inputs.stream().map(OnnxGraph.Input::name).toList() + "; reluscope reads networks with exactly one");
        }
        OnnxGraph.Input in = inputs.get(0);
        if (in.shape() == null || in.shape().length == 0) {
            throw new BadInputException(source, "the graph input '" + in.name() + "' declares no shape");
        }
        int[] shape = Arrays.stream(in.shape()).map(d -> d < 0 ? 1 : d).toArray();
        if (Shapes.size(shape) == 0) {
            throw new BadInputException(source, "the graph input '" + in.name() + "' has shape "
                    + Shapes.format(shape) + " with no entries");
        }
        return new OnnxGraph.Input(in.name(), shape);
    }

    private OnnxValue apply(OnnxGraph.Node node) {
        if (!node.domain().isEmpty() || !SUPPORTED.contains(node.opType())) {
            throw bad(node, "unsupported operator; reluscope reads " + String.join(", ", SUPPORTED));
        }
        return switch (node.opType()) {
            case "Relu" -> relu(node);
            case "Identity", "Dropout" -> input(node, 0);
            case "Constant" -> constant(node);
            case "Flatten" -> {
                OnnxValue x = input(node, 0);
                yield x.reshape(Shapes.flatten(x.shape(), node.intAttribute("axis", 1)));
            }
            case "Reshape" -> {
                OnnxValue x = input(node, 0);
                long[] spec = constantInput(node, 1).longs();
                yield x.reshape(Shapes.reshape(x.shape(), spec, node.intAttribute("allowzero", 0) != 0));
            }
            case "MatMul" -> LinearOps.matmul(input(node, 0), input(node, 1));
            case "Gemm" -> LinearOps.gemm(input(node, 0), input(node, 1), optionalInput(node, 2),
                    node.floatAttribute("alpha", 1), node.floatAttribute("beta", 1),
                    node.intAttribute("transA", 0) != 0, node.intAttribute("transB", 0) != 0);
            default -> LinearOps.elementwise(Arithmetic.valueOf(node.opType().toUpperCase(Locale.ROOT)),
                    input(node, 0), input(node, 1));
        };
    }

    /** Closes the current layer with ReLU; the result is the input of the next layer. */
    private OnnxValue relu(OnnxGraph.Node node) {
        OnnxValue x = input(node, 0);
        if (x instanceof ConstantTensor k) {
            return new ConstantTensor(k.shape(), Arrays.stream(k.values()).map(v -> Math.max(v, 0)).toArray());
        }
        AffineTensor t = (AffineTensor) x;
        layers.add(layer(t, Activation.RELU, node.describe()));
        lastRelu = node.describe();
        return AffineTensor.identity(t.shape(), layers.size());
    }

    private AffineLayer layer(AffineTensor t, Activation activation, String where) {
        try {
            return t.toLayer(activation);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source, "layer " + (layers.size() + 1) + " (ending at " + where + "): "
                    + e.getMessage());
        }
    }

    private ConstantTensor constant(OnnxGraph.Node node) {
        for (OnnxGraph.Attribute at : node.attributes().values()) {
            switch (at.name()) {
                case "value" -> {
                    if (at.t() != null) {
                        return at.t();
                    }
                }
                case "value_float" -> {
                    return ConstantTensor.scalar(at.f());
                }
                case "value_int" -> {
                    return ConstantTensor.scalar(at.i());
                }
                case "value_floats" -> {
                    return new ConstantTensor(new int[] {at.floats().length}, at.floats());
                }
                case "value_ints" -> {
                    return new ConstantTensor(new int[] {at.ints().length},
                            Arrays.stream(at.ints()).asDoubleStream().toArray());
                }
                default -> {
                }
            }
        }
        throw bad(node, "has no value attribute reluscope reads (value, value_float(s), value_int(s))");
    }

    /** Input k of the node, which must exist and belong to the current layer. */
    private OnnxValue input(OnnxGraph.Node node, int k) {
        OnnxValue v = optionalInput(node, k);
        if (v == null) {
            throw bad(node, "has " + node.inputs().size() + " inputs, expected at least " + (k + 1));
        }
        return v;
    }

    private OnnxValue optionalInput(OnnxGraph.Node node, int k) {
        if (k >= node.inputs().size() || node.inputs().get(k).isEmpty()) {
            return null;
        }
        String name = node.inputs().get(k);
        OnnxValue v = values.get(name);
        if (v == null) {
            throw bad(node, "input '" + name + "' is neither an initializer nor the output of an earlier node");
        }
        if (v instanceof AffineTensor t && t.layer() != layers.size()) {
            throw bad(node, "input '" + name + "' was computed before the ReLU at " + lastRelu
                    + "; skip connections are not supported");
        }
        return v;
    }

    private ConstantTensor constantInput(OnnxGraph.Node node, int k) {
        if (input(node, k) instanceof ConstantTensor c) {
            return c;
        }
        throw bad(node, "input '" + node.inputs().get(k) + "' must be a constant");
    }

    private BadInputException bad(OnnxGraph.Node node, String message) {
        return new BadInputException(source, node.describe() + ": " + message);
    }
}
