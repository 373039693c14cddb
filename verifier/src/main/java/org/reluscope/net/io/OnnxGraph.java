package org.reluscope.net.io;

import java.util.List;
import java.util.Map;

/**
 * The parts of an ONNX GraphProto that define a feed-forward network, as decoded by
 * {@link OnnxDecoder}: nodes in topological order, named constant tensors (initializers), the
 * declared inputs and the output names.
 */
record OnnxGraph(List<Node> nodes, Map<String, ConstantTensor> initializers, List<Input> inputs,
                 List<String> outputs) {

    /**
     * One operator application.
     *
     * @param index position in the graph's node list, to name nodes that have no name
     */
    record Node(int index, String name, String opType, String domain, List<String> inputs, List<String> outputs,
                Map<String, Attribute> attributes) {

        /** How error messages name the node: its name if it has one, else its position, and its operator. */
        String describe() {
            String op = domain.isEmpty() ? opType : domain + "." + opType;
            return (name.isEmpty() ? "node #" + index : "node '" + name + "'") + " (" + op + ")";
        }

        /** The float attribute {@code key}, or {@code fallback} when absent. */
        double floatAttribute(String key, double fallback) {
            Attribute at = attributes.get(key);
            return at == null ? fallback : at.f();
        }

        /** The integer attribute {@code key}, or {@code fallback} when absent. */
        long intAttribute(String key, long fallback) {
            Attribute at = attributes.get(key);
            return at == null ? fallback : at.i();
        }
    }

    /**
     * A node attribute; only the value field its {@code type} names is meaningful.
     *
     * @param ints   the INTS value; owned, not modified
     * @param floats the FLOATS value; owned, not modified
     */
    record Attribute(String name, int type, double f, long i, ConstantTensor t, double[] floats, long[] ints) {
    }

    /**
     * A declared graph input.
     *
     * @param shape the dimensions, with symbolic ones (a batch size "N") as −1; null when the
     *              file declares no shape
     */
    record Input(String name, int[] shape) {
    }
}
