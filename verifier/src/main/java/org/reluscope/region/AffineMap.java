package org.reluscope.region;

import java.util.Arrays;

import org.reluscope.numeric.Svd;

/**
 * The affine map y = J x + c that a network computes on one activation region:
 * J = W_L M_{L−1}, c = W_L v_{L−1} + b_L with M_l = D_l W_l M_{l−1}, v_l = D_l(W_l v_{l−1} + b_l)
 * (MISSION.md). Computed in double precision from the network's weights.
 *
 * @param outputs  m, the rows of J
 * @param inputs   n, the columns of J
 * @param jacobian J row-major (m·n entries); owned by the record, do not modify
 * @param offset   c (m entries); owned by the record, do not modify
 */
public record AffineMap(int outputs, int inputs, double[] jacobian, double[] offset) {
    /** Relative singular-value tolerance of {@link #rank()}. */
    public static final double RANK_TOLERANCE = 1e-9;

    /** @throws IllegalArgumentException on a shape mismatch */
    public AffineMap {
        if (outputs <= 0 || inputs <= 0 || jacobian.length != outputs * inputs || offset.length != outputs) {
            throw new IllegalArgumentException("affine map " + outputs + "×" + inputs + " has " + jacobian.length
                    + " entries in J and " + offset.length + " in c");
        }
    }

    /** J x + c. Not modified: x. */
    public double[] apply(double[] x) {
        if (x.length != inputs) {
            throw new IllegalArgumentException("input has " + x.length + " entries but the map takes " + inputs);
        }
        double[] y = offset.clone();
        for (int i = 0; i < outputs; i++) {
            int base = i * inputs;
            for (int j = 0; j < inputs; j++) {
                y[i] += jacobian[base + j] * x[j];
            }
        }
        return y;
    }

    /** Row i of J, copied. */
    public double[] row(int i) {
        return Arrays.copyOfRange(jacobian, i * inputs, (i + 1) * inputs);
    }

    /** J as rows, copied. */
    public double[][] jacobianRows() {
        double[][] rows = new double[outputs][];
        for (int i = 0; i < outputs; i++) {
            rows[i] = row(i);
        }
        return rows;
    }

    /** w·c. Not modified: w. */
    public double offsetDot(double[] w) {
        double s = 0;
        for (int i = 0; i < outputs; i++) {
            s += w[i] * offset[i];
        }
        return s;
    }

    /** The numerical rank of J: singular values above {@link #RANK_TOLERANCE} times the largest. */
    public int rank() {
        Svd svd = outputs >= inputs ? Svd.of(outputs, inputs, jacobian) : Svd.ofTranspose(outputs, inputs, jacobian);
        return svd.rank(RANK_TOLERANCE);
    }

    /**
     * Whether this map and {@code other} coincide up to a relative {@code tolerance} of the
     * larger entry (maps of different regions computed along different paths differ by rounding).
     */
    public boolean sameAs(AffineMap other, double tolerance) {
        if (other.outputs != outputs || other.inputs != inputs) {
            return false;
        }
        double scale = Math.max(magnitude(), other.magnitude());
        double limit = tolerance * Math.max(scale, Double.MIN_NORMAL);
        for (int k = 0; k < jacobian.length; k++) {
            if (Math.abs(jacobian[k] - other.jacobian[k]) > limit) {
                return false;
            }
        }
        for (int i = 0; i < outputs; i++) {
            if (Math.abs(offset[i] - other.offset[i]) > limit) {
                return false;
            }
        }
        return true;
    }

    /** The largest |entry| of J and c. */
    public double magnitude() {
        double m = 0;
        for (double v : jacobian) {
            m = Math.max(m, Math.abs(v));
        }
        for (double v : offset) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AffineMap m && m.outputs == outputs && m.inputs == inputs
                && Arrays.equals(m.jacobian, jacobian) && Arrays.equals(m.offset, offset);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(jacobian) + Arrays.hashCode(offset);
    }

    @Override
    public String toString() {
        return "AffineMap[" + outputs + "×" + inputs + "]";
    }
}
