package org.reluscope.net.io;

import static org.reluscope.net.io.OnnxFields.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import java.util.stream.LongStream;

import org.reluscope.BadInputException;

/**
 * Decodes the ONNX messages reluscope needs (ModelProto → GraphProto → NodeProto, TensorProto,
 * AttributeProto, ValueInfoProto) from protobuf wire data, field by field, without generated
 * classes. Unknown fields are skipped, as protobuf requires.
 */
final class OnnxDecoder {
    private final String source;

    private OnnxDecoder(String source) {
        this.source = source;
    }

    /**
     * The graph of the model in {@code data}. Not modified: data.
     *
     * @throws BadInputException when the data is not protobuf (with the byte offset), is cut
     *                           off, has no graph, or holds a tensor reluscope cannot read
     */
    static OnnxGraph decode(byte[] data, String source) {
        OnnxDecoder decoder = new OnnxDecoder(source);
        ProtoInput in = new ProtoInput(data, source);
        OnnxGraph graph = null;
        try {
            for (int field; (field = in.next()) != 0; ) {
                if (field == MODEL_GRAPH) {
                    graph = in.readMessage(decoder::graph);
                } else {
                    in.skip();
                }
            }
        } catch (IOException e) {
            // CodedInputStream over an array fails only on malformed data (InvalidProtocolBufferException)
            throw new BadInputException(source, "not an ONNX model: malformed protobuf data near byte "
                    + in.position(), e);
        }
        if (graph == null) {
            throw new BadInputException(source, "not an ONNX model: it has no graph");
        }
        return graph;
    }

    private OnnxGraph graph(ProtoInput in) throws IOException {
        List<OnnxGraph.Node> nodes = new ArrayList<>();
        Map<String, ConstantTensor> initializers = new LinkedHashMap<>();
        List<OnnxGraph.Input> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (int field; (field = in.next()) != 0; ) {
            switch (field) {
                case GRAPH_NODE -> {
                    int index = nodes.size();
                    nodes.add(in.readMessage(n -> node(n, index)));
                }
                case GRAPH_INITIALIZER -> {
                    NamedTensor t = in.readMessage(this::tensor);
                    initializers.put(t.name(), t.tensor());
                }
                case GRAPH_INPUT -> inputs.add(in.readMessage(this::valueInfo));
                case GRAPH_OUTPUT -> outputs.add(in.readMessage(this::valueInfo).name());
                default -> in.skip();
            }
        }
        return new OnnxGraph(nodes, initializers, inputs, outputs);
    }

    private OnnxGraph.Node node(ProtoInput in, int index) throws IOException {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        Map<String, OnnxGraph.Attribute> attributes = new LinkedHashMap<>();
        String name = "";
        String op = "";
        String domain = "";
        for (int field; (field = in.next()) != 0; ) {
            switch (field) {
                case NODE_INPUT -> inputs.add(in.readString());
                case NODE_OUTPUT -> outputs.add(in.readString());
                case NODE_NAME -> name = in.readString();
                case NODE_OP_TYPE -> op = in.readString();
                case NODE_DOMAIN -> domain = in.readString();
                case NODE_ATTRIBUTE -> {
                    OnnxGraph.Attribute at = in.readMessage(this::attribute);
                    attributes.put(at.name(), at);
                }
                default -> in.skip();
            }
        }
        return new OnnxGraph.Node(index, name, op, domain, inputs, outputs, attributes);
    }

    private OnnxGraph.Attribute attribute(ProtoInput in) throws IOException {
        String name = "";
        int type = 0;
        double f = 0;
        long i = 0;
        ConstantTensor t = null;
        DoubleStream.Builder floats = DoubleStream.builder();
        LongStream.Builder ints = LongStream.builder();
        for (int field; (field = in.next()) != 0; ) {
            switch (field) {
                case ATTR_NAME -> name = in.readString();
                case ATTR_TYPE -> type = (int) in.readVarint();
                case ATTR_F -> f = in.readFloat();
                case ATTR_I -> i = in.readVarint();
                case ATTR_T -> t = in.readMessage(this::tensor).tensor();
                case ATTR_FLOATS -> in.readFloats(floats);
                case ATTR_INTS -> in.readLongs(ints);
                default -> in.skip();
            }
        }
        return new OnnxGraph.Attribute(name, type, f, i, t, floats.build().toArray(), ints.build().toArray());
    }

    private OnnxGraph.Input valueInfo(ProtoInput in) throws IOException {
        String name = "";
        int[] shape = null;
        for (int field; (field = in.next()) != 0; ) {
            if (field == VALUE_INFO_NAME) {
                name = in.readString();
            } else if (field == VALUE_INFO_TYPE) {
                shape = in.readMessage(t -> nested(t, TYPE_TENSOR_TYPE, tt -> nested(tt, TENSOR_TYPE_SHAPE, this::shape)));
            } else {
                in.skip();
            }
        }
        return new OnnxGraph.Input(name, shape);
    }

    /** The value of field {@code wanted} of the current message, decoded by {@code parser}; null if absent. */
    private static <T> T nested(ProtoInput in, int wanted, ProtoInput.MessageParser<T> parser) throws IOException {
        T value = null;
        for (int field; (field = in.next()) != 0; ) {
            if (field == wanted) {
                value = in.readMessage(parser);
            } else {
                in.skip();
            }
        }
        return value;
    }

    private int[] shape(ProtoInput in) throws IOException {
        List<Integer> dims = new ArrayList<>();
        for (int field; (field = in.next()) != 0; ) {
            if (field == SHAPE_DIM) {
                long value = in.readMessage(OnnxDecoder::dimValue);
                if (value > Integer.MAX_VALUE) {
                    throw new BadInputException(source, "input dimension " + value + " is too large");
                }
                dims.add((int) value);
            } else {
                in.skip();
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A dimension's fixed value, or −1 when it is symbolic (a batch size). */
    private static long dimValue(ProtoInput in) throws IOException {
        long value = -1;
        for (int field; (field = in.next()) != 0; ) {
            if (field == DIM_VALUE) {
                value = in.readVarint();
            } else {
                in.skip();
            }
        }
        return value;
    }

    private record NamedTensor(String name, ConstantTensor tensor) {
    }

    private NamedTensor tensor(ProtoInput in) throws IOException {
        LongStream.Builder dims = LongStream.builder();
        DoubleStream.Builder reals = DoubleStream.builder();
        LongStream.Builder integers = LongStream.builder();
        int dataType = 0;
        String name = "";
        byte[] raw = null;
        boolean external = false;
        for (int field; (field = in.next()) != 0; ) {
            switch (field) {
                case TENSOR_DIMS -> in.readLongs(dims);
                case TENSOR_DATA_TYPE -> dataType = (int) in.readVarint();
                case TENSOR_NAME -> name = in.readString();
                case TENSOR_RAW_DATA -> raw = in.readBytes();
                case TENSOR_FLOAT_DATA -> in.readFloats(reals);
                case TENSOR_DOUBLE_DATA -> in.readDoubles(reals);
                case TENSOR_INT32_DATA, TENSOR_INT64_DATA -> in.readLongs(integers);
                case TENSOR_DATA_LOCATION -> external |= in.readVarint() == 1;
                case TENSOR_EXTERNAL_DATA, TENSOR_SEGMENT -> {
                    external = true;
                    in.skip();
                }
                default -> in.skip();
            }
        }
        String what = "tensor '" + name + "'";
        if (external) {
            throw new BadInputException(source, what + " keeps its data outside the file (external data or "
                    + "segments), which reluscope does not read");
        }
        double[] values = switch (dataType) {
            case FLOAT, DOUBLE -> raw != null ? fromRaw(raw, dataType, what) : reals.build().toArray();
            case INT32, INT64 -> raw != null ? fromRaw(raw, dataType, what)
                    : integers.build().mapToDouble(v -> v).toArray();
            default -> throw new BadInputException(source, what + " has element type " + dataType
                    + "; reluscope reads float (1), double (11), int32 (6) and int64 (7)");
        };
        int[] shape = dims.build().mapToInt(d -> {
            if (d < 0 || d > Integer.MAX_VALUE) {
                throw new BadInputException(source, what + " has dimension " + d);
            }
            return (int) d;
        }).toArray();
        int size;
        try {
            size = Shapes.size(shape);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source, what + ": " + e.getMessage());
        }
        if (values.length != size) {
            throw new BadInputException(source, what + " has " + values.length + " values but its shape "
                    + Shapes.format(shape) + " needs " + size);
        }
        return new NamedTensor(name, new ConstantTensor(shape, values));
    }

    /** raw_data: fixed-width little-endian elements. */
    private double[] fromRaw(byte[] raw, int dataType, String what) {
        int width = dataType == FLOAT || dataType == INT32 ? 4 : 8;
        if (raw.length % width != 0) {
            throw new BadInputException(source, what + " has " + raw.length + " bytes of data, not a multiple of "
                    + width);
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[raw.length / width];
        for (int k = 0; k < values.length; k++) {
            values[k] = switch (dataType) {
                case FLOAT -> buffer.getFloat();
                case DOUBLE -> buffer.getDouble();
                case INT32 -> buffer.getInt();
                default -> buffer.getLong();
            };
        }
        return values;
    }
}
