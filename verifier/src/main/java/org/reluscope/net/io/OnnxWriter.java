package org.reluscope.net.io;

import java.util.List;

import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;

/**
 * Writes a {@link Network} as an ONNX model with input {@code input} of shape [1, n_0] and
 * output {@code output} of shape [1, n_L]. Each layer becomes either MatMul (with Wᵀ) and Add,
 * or one Gemm with transB = 1 (W as stored), followed by Relu where the layer has one.
 *
 * <p>With {@link Precision#FLOAT64} the weights are written exactly and
 * {@link OnnxReader} gives back an equal network; {@link Precision#FLOAT32} rounds them to
 * the nearest float, the type most ONNX tools expect. ONNX has no place for an
 * {@link org.reluscope.net.InputNormalization}, so it is not written.
 */
public final class OnnxWriter {
    /** Operator set 13: MatMul, Add, Gemm and Relu all accept double there. */
    private static final int OPSET = 13;

    /** How an affine layer is spelled. */
    public enum Style {
        /** x·Wᵀ with MatMul, then Add b (the ACAS Xu layout). */
        MATMUL_ADD,
        /** Gemm(x, W, b) with transB = 1 (the PyTorch export layout). */
        GEMM
    }

    /** The element type of the tensors. */
    public enum Precision {
        FLOAT32(OnnxFields.FLOAT), FLOAT64(OnnxFields.DOUBLE);

        private final int elementType;

        Precision(int elementType) {
            this.elementType = elementType;
        }
    }

    private OnnxWriter() {
    }

    /** The model with MatMul/Add layers and exact (float64) weights. */
    public static byte[] toBytes(Network network) {
        return toBytes(network, Style.MATMUL_ADD, Precision.FLOAT64);
    }

    public static byte[] toBytes(Network network, Style style, Precision precision) {
        int type = precision.elementType;
        OnnxModelBuilder model = new OnnxModelBuilder()
                .input("input", type, 1, network.inputSize());
        String x = "input";
        for (int l = 0; l < network.layerCount(); l++) {
            AffineLayer layer = network.layer(l);
            String id = "layer" + (l + 1);
            String w = id + "_W";
            String b = id + "_b";
            String y = l == network.layerCount() - 1 ? "output" : id;
            String z = layer.activation() == Activation.RELU ? id + "_z" : y;
            model.initializer(b, type, new long[] {layer.outputSize()}, layer.bias());
            if (style == Style.GEMM) {
                model.initializer(w, type, new long[] {layer.outputSize(), layer.inputSize()}, layer.weights())
                        .node("Gemm", id + "_Gemm", List.of(x, w, b), List.of(z),
                                OnnxModelBuilder.Attribute.ofInt("transB", 1));
            } else {
                model.initializer(w, type, new long[] {layer.inputSize(), layer.outputSize()}, transpose(layer))
                        .node("MatMul", id + "_MatMul", List.of(x, w), List.of(id + "_xW"))
                        .node("Add", id + "_Add", List.of(id + "_xW", b), List.of(z));
            }
            if (layer.activation() == Activation.RELU) {
                model.node("Relu", id + "_Relu", List.of(z), List.of(y));
            }
            x = y;
        }
        return model.output(x, type, 1, network.outputSize()).build("reluscope", OPSET);
    }

    /** Wᵀ row-major (n_in × n_out), the right operand of x·Wᵀ. */
    private static double[] transpose(AffineLayer layer) {
        int in = layer.inputSize();
        int out = layer.outputSize();
        double[] t = new double[in * out];
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < in; j++) {
                t[j * out + i] = layer.weight(i, j);
            }
        }
        return t;
    }
}
