package org.reluscope.net.io;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The ONNX operators that keep a tensor affine in the layer input: element-wise arithmetic
 * with a constant (NumPy broadcasting), MatMul with a constant on either side, and Gemm
 * Y = α·op(A)·op(B) + β·C. Operations on constants alone are evaluated. Anything that is not
 * affine in the input (a product of two input-dependent tensors, division by one) is refused
 * with an {@link IllegalArgumentException} naming the shapes; the caller adds the node.
 */
final class LinearOps {
    /** The element-wise binary operators. */
    enum Arithmetic {
        ADD, SUB, MUL, DIV;

        double apply(double x, double y) {
            return switch (this) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
                case DIV -> x / y;
            };
        }
    }

    private LinearOps() {
    }

    /** x ∘ y entry-wise, with broadcasting. */
    static OnnxValue elementwise(Arithmetic op, OnnxValue x, OnnxValue y) {
        if (x instanceof ConstantTensor kx && y instanceof ConstantTensor ky) {
            int[] shape = Shapes.broadcast(kx.shape(), ky.shape());
            double[] a = gather(kx, shape);
            double[] b = gather(ky, shape);
            for (int e = 0; e < a.length; e++) {
                a[e] = op.apply(a[e], b[e]);
            }
            return new ConstantTensor(shape, a);
        }
        if (x instanceof AffineTensor tx && y instanceof ConstantTensor ky) {
            return withConstant(op, tx, ky, true);
        }
        if (x instanceof ConstantTensor kx && y instanceof AffineTensor ty) {
            return withConstant(op, ty, kx, false);
        }
        throw new IllegalArgumentException("both operands depend on the network input; reluscope reads only "
                + "operations with a constant here");
    }

    /** NumPy matmul of an input-dependent tensor and a constant, in either order. */
    static OnnxValue matmul(OnnxValue x, OnnxValue y) {
        if (x instanceof AffineTensor t && y instanceof ConstantTensor w) {
            return timesConstant(t, w);
        }
        if (x instanceof ConstantTensor w && y instanceof AffineTensor t) {
            return constantTimes(w, t);
        }
        throw new IllegalArgumentException(x instanceof ConstantTensor
                ? "both operands are constants; reluscope expects one operand to depend on the network input"
                : "both operands depend on the network input, which is not affine");
    }

    /** Gemm: Y = α·op(A)·op(B) + β·C with op the optional transpose; C may be null. */
    static OnnxValue gemm(OnnxValue a, OnnxValue b, OnnxValue c, double alpha, double beta, boolean transA,
                          boolean transB) {
        if (a.shape().length != 2 || b.shape().length != 2) {
            throw new IllegalArgumentException("Gemm needs matrices, got shapes " + Shapes.format(a.shape())
                    + " and " + Shapes.format(b.shape()));
        }
        OnnxValue y = matmul(transA ? transpose(a) : a, transB ? transpose(b) : b);
        if (alpha != 1) {
            y = elementwise(Arithmetic.MUL, y, ConstantTensor.scalar(alpha));
        }
        if (c != null) {
            OnnxValue scaled = beta == 1 ? c : elementwise(Arithmetic.MUL, c, ConstantTensor.scalar(beta));
            y = elementwise(Arithmetic.ADD, y, scaled);
        }
        return y;
    }

    private static OnnxValue transpose(OnnxValue v) {
        return v instanceof ConstantTensor k ? k.transpose() : ((AffineTensor) v).transpose();
    }

    /** t ∘ k (or k ∘ t when {@code tFirst} is false), where broadcasting must not enlarge t. */
    private static AffineTensor withConstant(Arithmetic op, AffineTensor t, ConstantTensor k, boolean tFirst) {
        int[] shape = Shapes.broadcast(t.shape(), k.shape());
        if (Shapes.size(shape) != t.size()) {
            throw new IllegalArgumentException("the constant of shape " + Shapes.format(k.shape())
                    + " would repeat the input-dependent tensor of shape " + Shapes.format(t.shape()));
        }
        double[] kv = gather(k, shape);
        AffineTensor result = switch (op) {
            case ADD -> t.plus(kv);
            case SUB -> tFirst ? t.plus(map(kv, v -> -v)) : t.times(map(kv, v -> -1)).plus(kv);
            case MUL -> t.times(kv);
            case DIV -> {
                if (!tFirst) {
                    throw new IllegalArgumentException("dividing by a tensor that depends on the network input "
                            + "is not affine");
                }
                for (double v : kv) {
                    if (v == 0) {
                        throw new IllegalArgumentException("division by a constant with a zero entry");
                    }
                }
                yield t.times(map(kv, v -> 1 / v));
            }
        };
        return result.reshape(shape);
    }

    /** t · W for W of shape [n, p] (or [n]): each row of t, read as [rows, n], times W. */
    private static AffineTensor timesConstant(AffineTensor t, ConstantTensor w) {
        int[] ws = w.shape();
        int[] ts = t.shape();
        if (ws.length < 1 || ws.length > 2 || ts.length < 1 || ts[ts.length - 1] != ws[0]) {
            throw new IllegalArgumentException("cannot multiply the input-dependent tensor of shape "
                    + Shapes.format(ts) + " by a constant of shape " + Shapes.format(ws));
        }
        int n = ws[0];
        int p = ws.length == 1 ? 1 : ws[1];
        int m = t.size();
        int rows = m / n;
        double[] l = new double[rows * p * m];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < n; k++) {
                    l[(i * p + j) * m + i * n + k] = w.values()[k * p + j];
                }
            }
        }
        int[] head = Arrays.copyOf(ts, ts.length - 1);
        int[] shape = ws.length == 1 ? head : append(head, p);
        return t.map(l, rows * p, shape);
    }

    /** W · t for W of shape [p, n] and t of shape [n] or [..., n, q] (a batch of [n, q] matrices). */
    private static AffineTensor constantTimes(ConstantTensor w, AffineTensor t) {
        int[] ws = w.shape();
        int[] ts = t.shape();
        boolean vector = ts.length == 1;
        int tn = ts.length == 0 ? -1 : ts[Math.max(ts.length - 2, 0)];
        if (ws.length != 2 || ws[1] != tn) {
            throw new IllegalArgumentException("cannot multiply a constant of shape " + Shapes.format(ws)
                    + " by the input-dependent tensor of shape " + Shapes.format(ts));
        }
        int p = ws[0];
        int n = ws[1];
        int q = vector ? 1 : ts[ts.length - 1];
        int m = t.size();
        int batch = m / (n * q);
        double[] l = new double[batch * p * q * m];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < q; j++) {
                    for (int k = 0; k < n; k++) {
                        l[((b * p + i) * q + j) * m + (b * n + k) * q + j] = w.values()[i * n + k];
                    }
                }
            }
        }
        int[] shape = vector ? new int[] {p} : append(append(Arrays.copyOf(ts, ts.length - 2), p), q);
        return t.map(l, batch * p * q, shape);
    }

    /** The entries of k broadcast to {@code shape}. */
    private static double[] gather(ConstantTensor k, int[] shape) {
        int[] index = Shapes.broadcastIndex(shape, k.shape());
        double[] out = new double[index.length];
        for (int e = 0; e < index.length; e++) {
            out[e] = k.values()[index[e]];
        }
        return out;
    }

    private static double[] map(double[] v, DoubleUnaryOperator f) {
        return Arrays.stream(v).map(f).toArray();
    }

    private static int[] append(int[] shape, int d) {
        int[] out = Arrays.copyOf(shape, shape.length + 1);
        out[shape.length] = d;
        return out;
    }
}
