package org.reluscope.net.io;

import java.util.Arrays;

/**
 * Tensor shapes as ONNX uses them: row-major layout, NumPy broadcasting, and the shape rules
 * of Flatten and Reshape. All methods report misuse with {@link IllegalArgumentException}
 * carrying the shapes; the caller adds the node.
 */
final class Shapes {
    private Shapes() {
    }

    /** The number of entries, Π shape[i] (1 for a scalar). */
    static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + format(shape));
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + format(shape) + " is too large");
            }
        }
        return (int) n;
    }

    static String format(int[] shape) {
        return Arrays.toString(shape);
    }

    /**
     * The NumPy broadcast of two shapes: aligned on the right, each pair of dimensions equal
     * or one of them 1.
     */
    static int[] broadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int k = 0; k < rank; k++) {
            int da = dim(a, k - rank + a.length);
            int db = dim(b, k - rank + b.length);
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("shapes " + format(a) + " and " + format(b) + " do not broadcast");
            }
            out[k] = da == 1 ? db : da;
        }
        return out;
    }

    /**
     * For each entry of a tensor of shape {@code target}, the index of the entry of a tensor
     * of shape {@code operand} that broadcasting places there.
     */
    static int[] broadcastIndex(int[] target, int[] operand) {
        int n = size(target);
        int rank = target.length;
        int[] index = new int[n];
        int[] position = new int[rank];
        for (int e = 0; e < n; e++) {
            int flat = 0;
            for (int k = 0; k < rank; k++) {
                int d = dim(operand, k - rank + operand.length);
                flat = flat * Math.max(d, 1) + (d == 1 ? 0 : position[k]);
            }
            index[e] = flat;
            for (int k = rank - 1; k >= 0 && ++position[k] == target[k]; k--) {
                position[k] = 0;
            }
        }
        return index;
    }

    /** Flatten: the dimensions before {@code axis} and those from it on, each multiplied out. */
    static int[] flatten(int[] shape, long axis) {
        long a = axis < 0 ? axis + shape.length : axis;
        if (a < 0 || a > shape.length) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for shape " + format(shape));
        }
        int[] head = Arrays.copyOfRange(shape, 0, (int) a);
        int[] tail = Arrays.copyOfRange(shape, (int) a, shape.length);
        return new int[] {size(head), size(tail)};
    }

    /**
     * Reshape: {@code spec} gives the new dimensions, where −1 (at most once) is inferred and
     * 0 copies the input's dimension unless {@code allowZero}.
     */
    static int[] reshape(int[] shape, long[] spec, boolean allowZero) {
        int[] out = new int[spec.length];
        int inferred = -1;
        long known = 1;
        for (int k = 0; k < spec.length; k++) {
            long d = spec[k];
            if (d == -1 && inferred < 0) {
                inferred = k;
                continue;
            }
            if (d == 0 && !allowZero) {
                if (k >= shape.length) {
                    throw new IllegalArgumentException("target " + Arrays.toString(spec) + " copies dimension " + k
                            + " which " + format(shape) + " does not have");
                }
                d = shape[k];
            }
            if (d < 0 || d > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("invalid target shape " + Arrays.toString(spec));
            }
            out[k] = (int) d;
            known *= d;
        }
        int total = size(shape);
        if (inferred >= 0) {
            if (known == 0 || total % known != 0) {
                throw new IllegalArgumentException("cannot reshape " + format(shape) + " to " + Arrays.toString(spec));
            }
            out[inferred] = (int) (total / known);
        } else if (known != total) {
            throw new IllegalArgumentException("cannot reshape " + format(shape) + " (" + total + " entries) to "
                    + Arrays.toString(spec));
        }
        return out;
    }

    private static int dim(int[] shape, int k) {
        return k < 0 ? 1 : shape[k];
    }
}
