package org.reluscope.net.io;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.InputNormalization;
import org.reluscope.net.Network;
import org.reluscope.testing.SharedBenchmarks;

class NnetReaderTest {
    private static final int POINTS = 1000;

    /**
     * The 45 ACAS Xu networks in both formats: same shapes, weights equal to float32
     * precision (the ONNX files hold the .nnet values rounded to float), and outputs within
     * 1e-5 on 1,000 random points of the normalised input box each.
     */
    @Test
    void acasXuNnetAndOnnxAgree() {
        Path onnxDir = SharedBenchmarks.require("acasxu/onnx");
        Path nnetDir = SharedBenchmarks.require("acasxu/nnet");
        Random random = new Random(11);
        int networks = 0;
        for (int a = 1; a <= 5; a++) {
            for (int b = 1; b <= 9; b++) {
                String name = "ACASXU_run2a_" + a + "_" + b + "_batch_2000";
                Network nnet = NnetReader.read(nnetDir.resolve(name + ".nnet"));
                Network onnx = OnnxReader.read(onnxDir.resolve(name + ".onnx"));
                assertArrayEquals(new int[] {5, 50, 50, 50, 50, 50, 50, 5}, nnet.widths(), name);
                assertArrayEquals(nnet.widths(), onnx.widths(), name);
                for (int l = 0; l < nnet.layerCount(); l++) {
                    assertSameAsFloat(nnet.layer(l), onnx.layer(l), name + " layer " + (l + 1));
                }
                InputNormalization n = nnet.normalization().get();
                double[][] box = {n.normalize(n.min()), n.normalize(n.max())};
                for (int k = 0; k < POINTS; k++) {
                    double[] x = new double[5];
                    for (int i = 0; i < 5; i++) {
                        x[i] = box[0][i] + random.nextDouble() * (box[1][i] - box[0][i]);
                    }
                    assertArrayEquals(nnet.evaluate(x), onnx.evaluate(x), 1e-5, name);
                }
                networks++;
            }
        }
        assertEquals(45, networks);
    }

    private static void assertSameAsFloat(AffineLayer nnet, AffineLayer onnx, String what) {
        assertEquals(nnet.activation(), onnx.activation(), what);
        assertArrayEquals(toFloat(nnet.weights()), onnx.weights(), 0.0, what + " weights");
        assertArrayEquals(toFloat(nnet.bias()), onnx.bias(), 0.0, what + " bias");
    }

    /** Each value rounded to the nearest float. */
    private static double[] toFloat(double[] values) {
        double[] f = new double[values.length];
        for (int k = 0; k < f.length; k++) {
            f[k] = (float) values[k];
        }
        return f;
    }

    /** The normalisation constants as they stand in the header of network 1_1. */
    @Test
    void acasXuNormalisationIsRead() {
        Path file = SharedBenchmarks.require("acasxu/nnet/ACASXU_run2a_1_1_batch_2000.nnet");
        InputNormalization n = NnetReader.read(file).normalization().orElseThrow();
        assertArrayEquals(new double[] {0.0, -3.141593, -3.141593, 100.0, 0.0}, n.min());
        assertArrayEquals(new double[] {60760.0, 3.141593, 3.141593, 1200.0, 1200.0}, n.max());
        assertArrayEquals(new double[] {19791.091, 0.0, 0.0, 650.0, 600.0}, n.mean());
        assertArrayEquals(new double[] {60261.0, 6.28318530718, 6.28318530718, 1100.0, 1200.0}, n.range());
        assertEquals(7.5188840201005975, n.outputMean());
        assertEquals(373.94992, n.outputRange());
    }

    /** A 2-2-1 network written by hand: f(x) = 2·relu(x0 − x1 + 1) − relu(3·x1) + 0.5. */
    @Test
    void tinyNetworkEvaluatesAsWritten() {
        List<String> lines = List.of(
                "// a comment", "// another", "2,2,1,2,", "2,2,1,", "0,", "-1,-1,", "1,1,", "0,0,0,", "1,1,1,",
                "1,-1,", "0,3,", "1,", "0,", "2,-1,", "0.5,");
        Network net = NnetReader.parse(lines, "tiny.nnet");
        assertEquals(Activation.RELU, net.layer(0).activation());
        assertEquals(Activation.IDENTITY, net.layer(1).activation());
        assertArrayEquals(new double[] {2 * 1.5 - 3 * 0.5 + 0.5}, net.evaluate(new double[] {1, 0.5}), 0);
        assertArrayEquals(new double[] {0 - 0 + 0.5}, net.evaluate(new double[] {-1, 0}), 0);
    }
}
