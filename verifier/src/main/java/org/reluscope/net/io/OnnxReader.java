package org.reluscope.net.io;

import java.nio.file.Path;

import org.reluscope.BadInputException;
import org.reluscope.net.Network;

/**
 * Reads the fully-connected subset of ONNX used in VNN-COMP into a {@link Network}: Gemm
 * (alpha, beta, transA, transB), MatMul, Add, Sub, Mul and Div by constants, Relu, Flatten,
 * Reshape, Identity, Dropout and Constant, with float32 or float64 weights.
 *
 * <p>The file is decoded with protobuf's {@code CodedInputStream} field by field (no generated
 * classes), then evaluated symbolically: the linear operators between two ReLUs compose, in
 * double precision, into one affine layer W x + b. Weights are exactly the file's values
 * when a layer is a single MatMul/Add or Gemm.
 */
public final class OnnxReader {
    private OnnxReader() {
    }

    /**
     * @throws BadInputException naming the file and what is wrong: a missing file, truncated
     *                           or non-protobuf data, an unsupported operator (with the node),
     *                           a NaN weight or mismatched shapes
     */
    public static Network read(Path file) {
        return read(NetworkFiles.readBytes(file), file.toString());
    }

    /** The network in {@code data}; {@code source} names it in error messages. Not modified: data. */
    public static Network read(byte[] data, String source) {
        return OnnxGraphFolder.fold(OnnxDecoder.decode(data, source), source);
    }
}
