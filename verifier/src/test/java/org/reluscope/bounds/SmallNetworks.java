package org.reluscope.bounds;

import java.util.List;

import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;

/** Small networks whose bounds are worked out by hand in the tests. */
final class SmallNetworks {
    private SmallNetworks() {
    }

    /**
     * y = σ(x1 + x2) + σ(x1 − x2). On [−1, 1]²: exact range [0, 2]; IBP gives [0, 4]; the
     * chords h ≤ (z + 2)/2 give y ≤ x1 + 2 ≤ 3 (CROWN and the triangle LP); below, the slope
     * 1 (u = −l) gives y ≥ 2 x1 ≥ −2, so the lower bound stays IBP's 0.
     */
    static Network sumOfCrossedRelus() {
        return new Network(List.of(
                AffineLayer.of(new double[][] {{1, 1}, {1, -1}}, new double[] {0, 0}, Activation.RELU),
                AffineLayer.of(new double[][] {{1, 1}}, new double[] {0}, Activation.IDENTITY)));
    }

    /** One always-active ReLU neuron (bias 10 ≫ the spread of w·x) followed by y = h. */
    static Network activeNeuron(double[] w) {
        return new Network(List.of(
                AffineLayer.of(new double[][] {w}, new double[] {10}, Activation.RELU),
                AffineLayer.of(new double[][] {{1}}, new double[] {0}, Activation.IDENTITY)));
    }
}
