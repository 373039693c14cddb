package org.reluscope.net.io;

import java.util.Arrays;

/**
 * A tensor whose values are known when the file is read: an ONNX initializer, a Constant
 * node, or anything computed from those alone. Row-major values; an empty shape is a scalar.
 * Integer tensors (Reshape shapes) are held as doubles, exact up to 2⁵³.
 *
 * <p>The arrays are owned by the tensor: nobody modifies them after construction.
 */
record ConstantTensor(int[] shape, double[] values) implements OnnxValue {
    ConstantTensor {
        if (Shapes.size(shape) != values.length) {
            throw new IllegalArgumentException("shape " + Shapes.format(shape) + " needs " + Shapes.size(shape)
                    + " values, got " + values.length);
        }
    }

    static ConstantTensor scalar(double value) {
        return new ConstantTensor(new int[0], new double[] {value});
    }

    /** The same values under another shape of the same size. */
    @Override
    public ConstantTensor reshape(int[] newShape) {
        return new ConstantTensor(newShape, values);
    }

    /** The transpose of a matrix (2-D tensor). */
    ConstantTensor transpose() {
        int rows = shape[0];
        int cols = shape[1];
        double[] t = new double[values.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = values[i * cols + j];
            }
        }
        return new ConstantTensor(new int[] {cols, rows}, t);
    }

    /** The values as integers (for shape tensors); throws if one is not an integer. */
    long[] longs() {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != Math.rint(values[i])) {
                throw new IllegalArgumentException("expected integers, found " + values[i]);
            }
            out[i] = (long) values[i];
        }
        return out;
    }

    @Override
    public String toString() {
        return "ConstantTensor" + Shapes.format(shape) + Arrays.toString(values);
    }
}
