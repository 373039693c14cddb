package org.reluscope.net.io;

import static org.reluscope.net.io.OnnxFields.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import com.google.protobuf.CodedOutputStream;

/**
 * Encodes an ONNX model (ModelProto with one GraphProto) with protobuf's
 * {@code CodedOutputStream}: declared inputs and outputs, initializers, and nodes with
 * integer, float or tensor attributes. It writes what it is told, in order, without checking
 * that the graph makes sense — {@link OnnxWriter} and tests decide that.
 */
final class OnnxModelBuilder {
    /** Writes the fields of one message. */
    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    /** A node attribute, already encoded as an AttributeProto. */
    record Attribute(byte[] encoded) {
        static Attribute ofInt(String name, long value) {
            return new Attribute(message(o -> {
                o.writeString(ATTR_NAME, name);
                o.writeInt64(ATTR_I, value);
                o.writeInt32(ATTR_TYPE, ATTR_TYPE_INT);
            }));
        }

        static Attribute ofFloat(String name, float value) {
            return new Attribute(message(o -> {
                o.writeString(ATTR_NAME, name);
                o.writeFloat(ATTR_F, value);
                o.writeInt32(ATTR_TYPE, ATTR_TYPE_FLOAT);
            }));
        }

        static Attribute ofInts(String name, long... values) {
            return new Attribute(message(o -> {
                o.writeString(ATTR_NAME, name);
                for (long v : values) {
                    o.writeInt64(ATTR_INTS, v);
                }
                o.writeInt32(ATTR_TYPE, ATTR_TYPE_INTS);
            }));
        }

        /** A TENSOR attribute (the {@code value} of a Constant node). Not modified: values. */
        static Attribute ofTensor(String name, int elementType, long[] dims, double[] values) {
            return new Attribute(message(o -> {
                o.writeString(ATTR_NAME, name);
                o.writeByteArray(ATTR_T, tensor("", elementType, dims, values, true));
                o.writeInt32(ATTR_TYPE, ATTR_TYPE_TENSOR);
            }));
        }
    }

    private final ByteArrayOutputStream graph = new ByteArrayOutputStream();
    private final CodedOutputStream graphOut = CodedOutputStream.newInstance(graph);
    private boolean rawData = true;

    /** Whether initializers go to raw_data (the default) or to float_data/double_data/int64_data. */
    OnnxModelBuilder rawData(boolean raw) {
        this.rawData = raw;
        return this;
    }

    /** A declared graph input; a negative dimension is written as the symbolic "N". */
    OnnxModelBuilder input(String name, int elementType, long... dims) {
        return field(GRAPH_INPUT, valueInfo(name, elementType, dims));
    }

    OnnxModelBuilder output(String name, int elementType, long... dims) {
        return field(GRAPH_OUTPUT, valueInfo(name, elementType, dims));
    }

    /** A named constant, row-major, of element type FLOAT, DOUBLE or INT64. Not modified: values. */
    OnnxModelBuilder initializer(String name, int elementType, long[] dims, double[] values) {
        return field(GRAPH_INITIALIZER, tensor(name, elementType, dims, values, rawData));
    }

    OnnxModelBuilder node(String opType, String name, List<String> inputs, List<String> outputs,
                          Attribute... attributes) {
        return field(GRAPH_NODE, message(o -> {
            for (String in : inputs) {
                o.writeString(NODE_INPUT, in);
            }
            for (String out : outputs) {
                o.writeString(NODE_OUTPUT, out);
            }
            o.writeString(NODE_NAME, name);
            o.writeString(NODE_OP_TYPE, opType);
            for (Attribute at : attributes) {
                o.writeByteArray(NODE_ATTRIBUTE, at.encoded());
            }
        }));
    }

    /** The ModelProto: IR version 7, the default operator set at {@code opsetVersion}. */
    byte[] build(String graphName, int opsetVersion) {
        byte[] graphBytes = message(o -> {
            graphOut.flush();
            o.writeRawBytes(graph.toByteArray());
            o.writeString(GRAPH_NAME, graphName);
        });
        return message(o -> {
            o.writeInt64(MODEL_IR_VERSION, 7);
            o.writeString(MODEL_PRODUCER_NAME, "reluscope");
            o.writeByteArray(MODEL_GRAPH, graphBytes);
            o.writeByteArray(MODEL_OPSET_IMPORT, message(op -> op.writeInt64(OPSET_VERSION, opsetVersion)));
        });
    }

    private OnnxModelBuilder field(int number, byte[] encoded) {
        try {
            graphOut.writeByteArray(number, encoded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private static byte[] valueInfo(String name, int elementType, long[] dims) {
        byte[] shape = message(o -> {
            for (long d : dims) {
                o.writeByteArray(SHAPE_DIM, message(dim -> {
                    if (d >= 0) {
                        dim.writeInt64(DIM_VALUE, d);
                    } else {
                        dim.writeString(DIM_PARAM, "N");
                    }
                }));
            }
        });
        byte[] tensorType = message(o -> {
            o.writeInt32(TENSOR_TYPE_ELEM_TYPE, elementType);
            o.writeByteArray(TENSOR_TYPE_SHAPE, shape);
        });
        return message(o -> {
            o.writeString(VALUE_INFO_NAME, name);
            o.writeByteArray(VALUE_INFO_TYPE, message(t -> t.writeByteArray(TYPE_TENSOR_TYPE, tensorType)));
        });
    }

    private static byte[] tensor(String name, int elementType, long[] dims, double[] values, boolean raw) {
        return message(o -> {
            for (long d : dims) {
                o.writeInt64(TENSOR_DIMS, d);
            }
            o.writeInt32(TENSOR_DATA_TYPE, elementType);
            o.writeString(TENSOR_NAME, name);
            if (raw) {
                o.writeByteArray(TENSOR_RAW_DATA, littleEndian(elementType, values));
            } else {
                typedData(o, elementType, values);
            }
        });
    }

    /** float_data, double_data or int64_data, packed. */
    private static void typedData(CodedOutputStream o, int elementType, double[] values) throws IOException {
        int field = switch (elementType) {
            case FLOAT -> TENSOR_FLOAT_DATA;
            case DOUBLE -> TENSOR_DOUBLE_DATA;
            default -> TENSOR_INT64_DATA;
        };
        o.writeByteArray(field, message(p -> {
            for (double v : values) {
                switch (elementType) {
                    case FLOAT -> p.writeFloatNoTag((float) v);
                    case DOUBLE -> p.writeDoubleNoTag(v);
                    default -> p.writeInt64NoTag((long) v);
                }
            }
        }));
    }

    private static byte[] littleEndian(int elementType, double[] values) {
        int width = elementType == FLOAT ? 4 : 8;
        ByteBuffer b = ByteBuffer.allocate(values.length * width).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            switch (elementType) {
                case FLOAT -> b.putFloat((float) v);
                case DOUBLE -> b.putDouble(v);
                default -> b.putLong((long) v);
            }
        }
        return b.array();
    }

    private static byte[] message(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            body.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
