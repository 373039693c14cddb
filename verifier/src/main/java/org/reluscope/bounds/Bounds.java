package org.reluscope.bounds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.numeric.Rounding;

/**
 * Sound bounds on a network over an input set: for every input x of the set,
 * {@code outputLower[j] ≤ f(x)_j ≤ outputUpper[j]}, and every layer's pre-activations lie
 * within {@link #layers()}. Produced by an {@link OutputBounder}.
 *
 * <p>When the bounds were computed under ReLU splits that no input of the set satisfies,
 * the reachable set is empty and {@link #empty()} is true: every interval is then the empty
 * interval [+∞, −∞] (the maximum of anything over the empty set is −∞).
 *
 * @param method      the method that computed them ({@code ibp}, {@code crown}, {@code lp}, …)
 * @param layers      pre-activation bounds, one entry per layer of the network
 * @param outputLower lower bounds on the outputs f(x) = σ_L(z_L) (copied)
 * @param outputUpper upper bounds on the outputs (copied)
 * @param empty       whether the input set, restricted by the splits, was proven empty
 */
public record Bounds(String method, List<LayerBounds> layers, double[] outputLower, double[] outputUpper,
                     boolean empty) {

    public Bounds {
        Objects.requireNonNull(method);
        layers = List.copyOf(layers);
        if (outputLower.length != outputUpper.length) {
            throw new IllegalArgumentException("output bounds have " + outputLower.length + " lower and "
                    + outputUpper.length + " upper entries");
        }
        outputLower = outputLower.clone();
        outputUpper = outputUpper.clone();
    }

    /**
     * The bounds given by pre-activation bounds of every layer of {@code network}: the output
     * interval is σ_L applied to the last layer's interval (exact for a single ReLU).
     */
    public static Bounds of(String method, Network network, List<LayerBounds> layers) {
        if (layers.size() != network.layerCount()) {
            throw new IllegalArgumentException("bounds for " + layers.size() + " layers but the network has "
                    + network.layerCount());
        }
        LayerBounds last = layers.get(layers.size() - 1);
        Activation act = network.layer(network.layerCount() - 1).activation();
        double[] lo = new double[last.size()];
        double[] hi = new double[last.size()];
        for (int j = 0; j < lo.length; j++) {
            lo[j] = act.apply(last.lower(j));
            hi[j] = act.apply(last.upper(j));
        }
        return new Bounds(method, layers, lo, hi, false);
    }

    /** The bounds of an empty reachable set: every interval is [+∞, −∞]. */
    public static Bounds emptySet(String method, Network network) {
        List<LayerBounds> layers = new ArrayList<>();
        for (AffineLayer layer : network.layers()) {
            layers.add(new LayerBounds(filled(layer.outputSize(), Double.POSITIVE_INFINITY),
                    filled(layer.outputSize(), Double.NEGATIVE_INFINITY), 0));
        }
        return new Bounds(method, layers, filled(network.outputSize(), Double.POSITIVE_INFINITY),
                filled(network.outputSize(), Double.NEGATIVE_INFINITY), true);
    }

    @Override
    public double[] outputLower() {
        return outputLower.clone();
    }

    @Override
    public double[] outputUpper() {
        return outputUpper.clone();
    }

    public int outputSize() {
        return outputLower.length;
    }

    public double outputLower(int j) {
        return outputLower[j];
    }

    public double outputUpper(int j) {
        return outputUpper[j];
    }

    public LayerBounds layer(int l) {
        return layers.get(l);
    }

    /** The number of unstable ReLU neurons of each layer. */
    public int[] unstable() {
        int[] n = new int[layers.size()];
        for (int l = 0; l < n.length; l++) {
            n[l] = layers.get(l).unstable();
        }
        return n;
    }

    /** The number of unstable ReLU neurons in the whole network. */
    public int unstableTotal() {
        return Arrays.stream(unstable()).sum();
    }

    /** Mean of outputUpper − outputLower over the outputs. */
    public double meanOutputWidth() {
        double s = 0;
        for (int j = 0; j < outputLower.length; j++) {
            s += outputUpper[j] - outputLower[j];
        }
        return s / outputLower.length;
    }

    /**
     * An upper bound on c·f(x) from the output intervals alone, Σ_j max(c_j l_j, c_j u_j)
     * rounded up; −∞ for an empty set. Methods that keep symbolic information bound c·y
     * directly and much more tightly ({@link OutputBounder#upperBound}). Not modified: c.
     */
    public double intervalUpperBound(double[] c) {
        LayerSweep.checkObjective(c, outputLower.length);
        if (empty) {
            return Double.NEGATIVE_INFINITY;
        }
        double s = 0;
        double m = 0;
        for (int j = 0; j < c.length; j++) {
            double t = c[j] == 0 ? 0 : c[j] >= 0 ? c[j] * outputUpper[j] : c[j] * outputLower[j];
            s += t;
            m += Math.abs(t);
        }
        return Rounding.up(s, m, c.length);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bounds b && b.method.equals(method) && b.layers.equals(layers) && b.empty == empty
                && Arrays.equals(b.outputLower, outputLower) && Arrays.equals(b.outputUpper, outputUpper);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, layers, empty);
    }

    @Override
    public String toString() {
        return "Bounds[" + method + ", " + outputLower.length + " outputs, unstable " + Arrays.toString(unstable())
                + (empty ? ", empty" : "") + "]";
    }
}
