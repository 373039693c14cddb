package org.reluscope.local;

import java.util.List;

import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;

/** Networks whose regions are worked out by hand in the tests. */
final class LocalNetworks {
    private LocalNetworks() {
    }

    /**
     * Hidden units x₁, x₂, x₁ + x₂ − 1 (issue 9's worked check), output their sum. The three
     * lines cut the plane into 7 regions; around the origin the ball of radius 0.5 misses the
     * line x₁ + x₂ = 1 (distance 1/√2) and meets 4, the ball of radius 1.2 meets all 7.
     */
    static Network threeLines() {
        return new Network(List.of(
                AffineLayer.of(new double[][] {{1, 0}, {0, 1}, {1, 1}}, new double[] {0, 0, -1}, Activation.RELU),
                AffineLayer.of(new double[][] {{1, 1, 1}}, new double[] {0}, Activation.IDENTITY)));
    }
}
