package org.reluscope.net.io;

import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;

/**
 * A tensor that depends on the network input: t = A u + c, reshaped to {@code shape}, where u
 * is the input of the layer being built (the network input, or the output of the last ReLU).
 * Linear ONNX operators act on (A, c) in double precision, so a chain of them between two
 * ReLUs folds into a single {@link AffineLayer}.
 *
 * <p>Immutable. A null A stands for the identity, which keeps the common first step
 * (a MatMul right after the input or a ReLU) free of a matrix product.
 *
 * @param layer the index of the layer u feeds, so that a tensor computed before a ReLU cannot
 *              silently be mixed into a later layer (a skip connection)
 */
record AffineTensor(int inputSize, double[] a, double[] c, int[] shape, int layer) implements OnnxValue {

    /** t = u: the input of layer {@code layer}, of the given shape. */
    static AffineTensor identity(int[] shape, int layer) {
        int n = Shapes.size(shape);
        return new AffineTensor(n, null, new double[n], shape, layer);
    }

    int size() {
        return c.length;
    }

    /** True when t = u exactly: no operator has acted since the layer input. */
    boolean isIdentity() {
        if (a != null) {
            return false;
        }
        for (double v : c) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public AffineTensor reshape(int[] newShape) {
        return new AffineTensor(inputSize, a, c, newShape, layer);
    }

    /** t + d entry-wise. Not modified: d (length {@link #size()}). */
    AffineTensor plus(double[] d) {
        double[] c2 = c.clone();
        for (int i = 0; i < c2.length; i++) {
            c2[i] += d[i];
        }
        return new AffineTensor(inputSize, a, c2, shape, layer);
    }

    /** s ⊙ t entry-wise (each row of A and entry of c scaled). Not modified: s. */
    AffineTensor times(double[] s) {
        double[] a2 = matrix();
        double[] c2 = c.clone();
        for (int i = 0; i < c2.length; i++) {
            c2[i] *= s[i];
            for (int j = i * inputSize; j < (i + 1) * inputSize; j++) {
                a2[j] *= s[i];
            }
        }
        return new AffineTensor(inputSize, a2, c2, shape, layer);
    }

    /** The transpose of a matrix-shaped tensor: a permutation of the entries. */
    AffineTensor transpose() {
        int rows = shape[0];
        int cols = shape[1];
        double[] from = matrix();
        double[] a2 = new double[from.length];
        double[] c2 = new double[c.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int src = i * cols + j;
                int dst = j * rows + i;
                c2[dst] = c[src];
                System.arraycopy(from, src * inputSize, a2, dst * inputSize, inputSize);
            }
        }
        return new AffineTensor(inputSize, a2, c2, new int[] {cols, rows}, layer);
    }

    /**
     * L t: A' = L A, c' = L c, for a linear map L of shape {@code outSize × size()}, row-major.
     * Not modified: l.
     */
    AffineTensor map(double[] l, int outSize, int[] newShape) {
        int m = size();
        double[] c2 = new double[outSize];
        for (int i = 0; i < outSize; i++) {
            double s = 0;
            for (int t = 0; t < m; t++) {
                s += l[i * m + t] * c[t];
            }
            c2[i] = s;
        }
        return new AffineTensor(inputSize, a == null ? l.clone() : multiply(l, outSize, m), c2, newShape, layer);
    }

    /** The layer σ(A u + c). */
    AffineLayer toLayer(Activation activation) {
        return new AffineLayer(size(), inputSize, matrix(), c, activation);
    }

    /** L A for L of shape outSize × m; skips the zero entries of L, which are most of them. */
    private double[] multiply(double[] l, int outSize, int m) {
        int k = inputSize;
        double[] product = new double[outSize * k];
        for (int i = 0; i < outSize; i++) {
            for (int t = 0; t < m; t++) {
                double lit = l[i * m + t];
                if (lit != 0) {
                    for (int j = 0; j < k; j++) {
                        product[i * k + j] += lit * a[t * k + j];
                    }
                }
            }
        }
        return product;
    }

    /** A as a fresh row-major array (the identity materialised when A is null). */
    private double[] matrix() {
        if (a != null) {
            return a.clone();
        }
        double[] id = new double[size() * inputSize];
        for (int i = 0; i < size(); i++) {
            id[i * inputSize + i] = 1;
        }
        return id;
    }
}
