package org.reluscope.bounds;

import java.util.Arrays;

import org.reluscope.net.Activation;

/**
 * Bounds lower ≤ z ≤ upper on the pre-activations z_l = W_l a_{l−1} + b_l of one layer,
 * valid for every input of the input set (and every input consistent with the ReLU splits
 * the bounds were computed under).
 *
 * <p>A ReLU neuron is <i>stable</i> when its sign is fixed on the set (lower ≥ 0: always
 * active, σ(z) = z; upper ≤ 0: always inactive, σ(z) = 0) and <i>unstable</i> when
 * lower &lt; 0 &lt; upper; only unstable neurons need a relaxation, and their number drives
 * the cost of every exact method. An empty interval (lower &gt; upper) means no input
 * reaches the layer, see {@link Bounds#empty()}.
 *
 * @param lower    per-neuron lower bounds (copied; the accessor returns a copy)
 * @param upper    per-neuron upper bounds (copied; the accessor returns a copy)
 * @param unstable the number of unstable ReLU neurons (0 for an affine layer)
 */
public record LayerBounds(double[] lower, double[] upper, int unstable) {

    /**
     * @throws IllegalArgumentException if the lengths differ, an entry is NaN or the count is
     *                                  out of range
     */
    public LayerBounds {
        if (lower.length != upper.length) {
            throw new IllegalArgumentException("layer bounds have " + lower.length + " lower and " + upper.length
                    + " upper entries");
        }
        for (int i = 0; i < lower.length; i++) {
            if (Double.isNaN(lower[i]) || Double.isNaN(upper[i])) {
                throw new IllegalArgumentException("neuron " + i + " has bounds [" + lower[i] + ", " + upper[i] + "]");
            }
        }
        if (unstable < 0 || unstable > lower.length) {
            throw new IllegalArgumentException("unstable count " + unstable + " for a layer of " + lower.length);
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    /** Bounds of a layer with the given activation, counting its unstable neurons. Not modified: lower, upper. */
    public static LayerBounds of(double[] lower, double[] upper, Activation activation) {
        int unstable = 0;
        if (activation == Activation.RELU) {
            for (int i = 0; i < lower.length; i++) {
                if (lower[i] < 0 && upper[i] > 0) {
                    unstable++;
                }
            }
        }
        return new LayerBounds(lower, upper, unstable);
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    public int size() {
        return lower.length;
    }

    public double lower(int i) {
        return lower[i];
    }

    public double upper(int i) {
        return upper[i];
    }

    /** Whether neuron i is a ReLU whose sign the bounds leave open (lower &lt; 0 &lt; upper). */
    public boolean isUnstable(int i) {
        return lower[i] < 0 && upper[i] > 0;
    }

    /** Mean of upper − lower over the neurons. */
    public double meanWidth() {
        double s = 0;
        for (int i = 0; i < lower.length; i++) {
            s += upper[i] - lower[i];
        }
        return s / lower.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerBounds b && b.unstable == unstable && Arrays.equals(b.lower, lower)
                && Arrays.equals(b.upper, upper);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        return "LayerBounds[" + lower.length + " neurons, " + unstable + " unstable]";
    }
}
