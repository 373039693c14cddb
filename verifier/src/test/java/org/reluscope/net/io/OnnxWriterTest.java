package org.reluscope.net.io;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.net.io.OnnxWriter.Precision;
import org.reluscope.net.io.OnnxWriter.Style;

class OnnxWriterTest {
    private static final Network NET = RandomNetworks.relu(3, 0.5, 5, 9, 7, 4);

    @Test
    void float64RoundTripIsExactInBothStyles() {
        for (Style style : Style.values()) {
            Network back = OnnxReader.read(OnnxWriter.toBytes(NET, style, Precision.FLOAT64), "w.onnx");
            assertEquals(NET, back, style.toString());
        }
    }

    @Test
    void float32RoundsEachWeightToTheNearestFloat() {
        Network back = OnnxReader.read(OnnxWriter.toBytes(NET, Style.GEMM, Precision.FLOAT32), "w.onnx");
        for (int l = 0; l < NET.layerCount(); l++) {
            double[] w = NET.layer(l).weights();
            for (int k = 0; k < w.length; k++) {
                assertEquals((float) w[k], back.layer(l).weights()[k], 0.0);
            }
        }
    }

    /** A final ReLU layer survives the trip (the graph then ends in Relu). */
    @Test
    void finalReluIsKept() {
        Network relu = new Network(java.util.List.of(NET.layer(0), NET.layer(1).withActivation(Activation.RELU)));
        assertEquals(relu, OnnxReader.read(OnnxWriter.toBytes(relu), "r.onnx"));
    }

    /** ONNX Runtime, an independent reader, computes the same function from the written file. */
    @Test
    void onnxRuntimeAgreesWithTheNetwork() throws Exception {
        for (Style style : Style.values()) {
            OnnxReaderTest.compareWithRuntime(OnnxWriter.toBytes(NET, style, Precision.FLOAT64), "input", NET,
                    -3, 3, 50, 1e-12);
        }
        AffineLayer single = NET.layer(0);
        Network oneLayer = new Network(java.util.List.of(single));
        OnnxReaderTest.compareWithRuntime(OnnxWriter.toBytes(oneLayer, Style.MATMUL_ADD, Precision.FLOAT32), "input",
                oneLayer, -3, 3, 50, 1e-5);
    }
}
