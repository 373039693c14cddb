package org.reluscope.net.io;

/**
 * What a tensor name in an ONNX graph stands for while the graph is folded into layers: a
 * {@link ConstantTensor} or an {@link AffineTensor}, an affine function of the current
 * layer's input.
 */
sealed interface OnnxValue permits ConstantTensor, AffineTensor {
    int[] shape();

    /** The same values under another shape with the same number of entries. */
    OnnxValue reshape(int[] newShape);
}
