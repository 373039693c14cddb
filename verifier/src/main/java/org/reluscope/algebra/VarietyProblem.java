package org.reluscope.algebra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pattern variety's data: an architecture n_0, …, n_L (with or without biases), k input
 * points x_1, …, x_k and for each point an activation pattern (one 0/1 vector per hidden
 * layer). With the patterns imposed, the output at x_j is the polynomial map of the parameters
 * θ = (W_1, b_1, …, W_L, b_L)
 * <pre>  y_j = W_L D^j_{L−1}( … D^j_1(W_1 x_j + b_1) … ) + b_L,</pre>
 * and the pattern variety is the Zariski closure of the image of θ ↦ Y = [y_1 … y_k]. The
 * patterns are imposed, not required to agree with the signs of the pre-activations: the
 * variety is the closure of the polynomial map's image.
 *
 * @param widths   n_0, …, n_L (L ≥ 1), all positive; owned by the record
 * @param bias     whether the layers have biases b_l
 * @param points   k rows of length n_0; owned by the record
 * @param patterns patterns[j][l][i] = unit i of hidden layer l+1 is active at point j; owned by the record
 */
public record VarietyProblem(int[] widths, boolean bias, double[][] points, boolean[][][] patterns) {
    /** @throws IllegalArgumentException on any shape mismatch, naming the point and layer */
    public VarietyProblem {
        if (widths.length < 2) {
            throw new IllegalArgumentException("architecture needs at least input and output widths, got "
                    + Arrays.toString(widths));
        }
        for (int w : widths) {
            if (w <= 0) {
                throw new IllegalArgumentException("widths must be positive: " + Arrays.toString(widths));
            }
        }
        if (points.length == 0 || points.length != patterns.length) {
            throw new IllegalArgumentException(points.length + " points but " + patterns.length + " patterns");
        }
        for (int j = 0; j < points.length; j++) {
            if (points[j].length != widths[0]) {
                throw new IllegalArgumentException("point " + j + " has " + points[j].length + " coordinates, the"
                        + " input width is " + widths[0]);
            }
            if (patterns[j].length != widths.length - 2) {
                throw new IllegalArgumentException("pattern of point " + j + " has " + patterns[j].length
                        + " layers, the network has " + (widths.length - 2) + " hidden layers");
            }
            for (int l = 0; l < patterns[j].length; l++) {
                if (patterns[j][l].length != widths[l + 1]) {
                    throw new IllegalArgumentException("pattern of point " + j + ", hidden layer " + (l + 1) + " has "
                            + patterns[j][l].length + " units, the layer has " + widths[l + 1]);
                }
            }
        }
    }

    /** The points that share one activation pattern. */
    public record Block(boolean[][] pattern, int[] points) {
        /** |S_l|, the active units of hidden layer l+1. */
        public int active(int l) {
            int s = 0;
            for (boolean b : pattern[l]) {
                s += b ? 1 : 0;
            }
            return s;
        }

        /** The pattern as text, hidden layers separated by '|', e.g. "110|01". */
        public String label() {
            return VarietyProblem.label(pattern);
        }
    }

    public int pointCount() {
        return points.length;
    }

    /** L, the number of affine layers. */
    public int depth() {
        return widths.length - 1;
    }

    public int inputs() {
        return widths[0];
    }

    public int outputs() {
        return widths[widths.length - 1];
    }

    /** Σ n_l n_{l−1} (+ Σ n_l with biases). */
    public int parameterCount() {
        int p = 0;
        for (int l = 1; l < widths.length; l++) {
            p += widths[l] * widths[l - 1] + (bias ? widths[l] : 0);
        }
        return p;
    }

    /** Hidden units active at one point or more. */
    public int hiddenUnitsUsed() {
        int used = 0;
        for (int l = 0; l < widths.length - 2; l++) {
            for (int i = 0; i < widths[l + 1]; i++) {
                boolean any = false;
                for (boolean[][] p : patterns) {
                    any |= p[l][i];
                }
                used += any ? 1 : 0;
            }
        }
        return used;
    }

    /** The points grouped by pattern, blocks in order of their first point. */
    public List<Block> blocks() {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int j = 0; j < patterns.length; j++) {
            groups.computeIfAbsent(label(patterns[j]), key -> new ArrayList<>()).add(j);
        }
        List<Block> out = new ArrayList<>();
        for (List<Integer> members : groups.values()) {
            out.add(new Block(patterns[members.get(0)], members.stream().mapToInt(Integer::intValue).toArray()));
        }
        return out;
    }

    /** r* = min(n_0, n_L, |S_1|, …, |S_{L−1}|): the bound on rank J in the block's region. */
    public int rankBound(Block block) {
        int r = Math.min(inputs(), outputs());
        for (int l = 0; l < widths.length - 2; l++) {
            r = Math.min(r, block.active(l));
        }
        return r;
    }

    /** The output variable names y_i_j (output i at point j), in the order j-major: y_0_0, y_1_0, …. */
    public List<String> variables() {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < points.length; j++) {
            for (int i = 0; i < outputs(); i++) {
                names.add("y_" + i + "_" + j);
            }
        }
        return names;
    }

    /** The index of y_i_j among {@link #variables()}. */
    public int variable(int output, int point) {
        return point * outputs() + output;
    }

    static String label(boolean[][] pattern) {
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < pattern.length; l++) {
            sb.append(l == 0 ? "" : "|");
            for (boolean b : pattern[l]) {
                sb.append(b ? '1' : '0');
            }
        }
        return sb.toString();
    }
}
