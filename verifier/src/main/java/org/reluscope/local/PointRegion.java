package org.reluscope.local;

import java.util.ArrayList;
import java.util.List;

import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.region.AffineMap;

/**
 * The activation region of a point x and the network's affine form on it (MISSION.md §3):
 * with the pattern D_l = diag(1[z_l(x) &gt; 0]) fixed, M_0 = I, v_0 = 0,
 * Z_l = W_l M_{l−1}, ζ_l = W_l v_{l−1} + b_l, M_l = D_l Z_l (Z_l for an affine layer); each
 * ReLU neuron i of layer l is the affine function h(y) = (Z_l)_i · y + (ζ_l)_i on the region,
 * whose sign the region fixes, and f(y) = J y + c with J = M_L, c = v_L.
 *
 * <p>The hyperplanes {h = 0} of all ReLU neurons bound the region; redundant ones included.
 * Computed in double precision by one forward pass of the matrices (cost Σ_l n_l n_{l−1} n_0).
 */
public final class PointRegion {
    private final double[] point;
    private final List<Neuron> neurons;
    private final double[][] jacobian;
    private final double[] offset;

    /**
     * One ReLU neuron as an affine function of the input on the region.
     *
     * @param layer  index of its layer in the network
     * @param index  index within the layer
     * @param normal (Z_l)_i, the gradient of its pre-activation on the region (not copied: do not modify)
     * @param value  its pre-activation z at the point
     */
    public record Neuron(int layer, int index, double[] normal, double value) {
        /** Whether the neuron is active at the point (z &gt; 0). */
        public boolean active() {
            return value > 0;
        }
    }

    private PointRegion(double[] point, List<Neuron> neurons, double[][] jacobian, double[] offset) {
        this.point = point;
        this.neurons = List.copyOf(neurons);
        this.jacobian = jacobian;
        this.offset = offset;
    }

    /**
     * The region of {@code x}. Not modified: x.
     *
     * @throws IllegalArgumentException if x does not have the network's input size
     */
    public static PointRegion at(Network network, double[] x) {
        int n = network.inputSize();
        if (x.length != n) {
            throw new IllegalArgumentException("point has " + x.length + " entries but the network takes " + n);
        }
        double[][] m = null;
        double[] v = null;
        double[] a = x.clone();
        List<Neuron> neurons = new ArrayList<>();
        for (int l = 0; l < network.layerCount(); l++) {
            AffineLayer layer = network.layer(l);
            double[][] z = new double[layer.outputSize()][];
            double[] zeta = new double[layer.outputSize()];
            double[] pre = new double[layer.outputSize()];
            layer.preActivation(a, pre);
            for (int i = 0; i < z.length; i++) {
                // M_0 = I, v_0 = 0: the first layer's rows are W_1's own
                z[i] = l == 0 ? layer.row(i) : rowTimes(layer, i, m);
                zeta[i] = l == 0 ? layer.bias()[i] : layer.bias()[i] + dotRow(layer, i, v);
                if (layer.activation() == Activation.RELU) {
                    neurons.add(new Neuron(l, i, z[i], pre[i]));
                    if (pre[i] <= 0) {
                        z[i] = new double[n];
                        zeta[i] = 0;
                    }
                }
            }
            layer.activate(pre);
            m = z;
            v = zeta;
            a = pre;
        }
        return new PointRegion(x.clone(), neurons, m, v);
    }

    /** Row i of W times M. */
    private static double[] rowTimes(AffineLayer layer, int i, double[][] m) {
        double[] r = new double[m[0].length];
        for (int k = 0; k < m.length; k++) {
            double w = layer.weight(i, k);
            if (w != 0) {
                double[] mk = m[k];
                for (int j = 0; j < r.length; j++) {
                    r[j] += w * mk[j];
                }
            }
        }
        return r;
    }

    private static double dotRow(AffineLayer layer, int i, double[] v) {
        double s = 0;
        for (int k = 0; k < v.length; k++) {
            s += layer.weight(i, k) * v[k];
        }
        return s;
    }

    /** The point, copied. */
    public double[] point() {
        return point.clone();
    }

    /** Every ReLU neuron of the network, layer by layer. */
    public List<Neuron> neurons() {
        return neurons;
    }

    /** The network's affine map y = J x + c on the region. */
    public AffineMap map() {
        int outputs = jacobian.length;
        int inputs = point.length;
        double[] flat = new double[outputs * inputs];
        for (int i = 0; i < outputs; i++) {
            System.arraycopy(jacobian[i], 0, flat, i * inputs, inputs);
        }
        return new AffineMap(outputs, inputs, flat, offset.clone());
    }
}
