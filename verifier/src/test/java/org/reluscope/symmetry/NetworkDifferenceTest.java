package org.reluscope.symmetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;

class NetworkDifferenceTest {

    /** A network whose second layer is affine and whose output layer is ReLU: not in standard shape. */
    private static Network irregular(long seed) {
        List<AffineLayer> layers = new ArrayList<>(RandomNetworks.relu(seed, 0.5, 3, 6, 4, 2).layers());
        layers.set(1, layers.get(1).withActivation(Activation.IDENTITY));
        layers.set(2, layers.get(2).withActivation(Activation.RELU));
        return new Network(layers);
    }

    @Test
    void differenceNetworkComputesF1MinusF2AcrossShapes() {
        Random random = new Random(2);
        List<Network> nets = List.of(RandomNetworks.relu(1, 0.5, 3, 2), RandomNetworks.relu(2, 0.5, 3, 5, 2),
                RandomNetworks.relu(3, 0.5, 3, 4, 4, 4, 2), irregular(4));
        for (Network f1 : nets) {
            for (Network f2 : nets) {
                Network d = NetworkDifference.of(f1, f2);
                for (int l = 0; l < d.layerCount(); l++) {
                    assertEquals(l == d.layerCount() - 1 ? Activation.IDENTITY : Activation.RELU, d.layer(l).activation());
                }
                for (int k = 0; k < 200; k++) {
                    double[] x = ShallowUnits.gaussian(3, random);
                    double[] y1 = f1.evaluate(x);
                    double[] y2 = f2.evaluate(x);
                    double[] y = d.evaluate(x);
                    for (int i = 0; i < 2; i++) {
                        assertEquals(y1[i] - y2[i], y[i], 1e-12 * (1 + Math.abs(y1[i]) + Math.abs(y2[i])));
                    }
                }
            }
        }
    }

    @Test
    void standardLayersKeepTheFunction() {
        Random random = new Random(3);
        Network f = irregular(7);
        Network standard = new Network(NetworkDifference.standardLayers(f));
        assertEquals(4, standard.layerCount());
        assertTrue(standard.layers().subList(0, 3).stream().allMatch(l -> l.activation() == Activation.RELU));
        for (int k = 0; k < 200; k++) {
            double[] x = ShallowUnits.gaussian(3, random);
            double[] a = f.evaluate(x);
            double[] b = standard.evaluate(x);
            for (int i = 0; i < 2; i++) {
                assertEquals(a[i], b[i], 1e-12 * (1 + Math.abs(a[i])));
            }
        }
    }
}
