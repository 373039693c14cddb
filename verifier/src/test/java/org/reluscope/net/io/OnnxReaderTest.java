package org.reluscope.net.io;

import static org.junit.jupiter.api.Assertions.*;
import static org.reluscope.net.io.OnnxFields.DOUBLE;
import static org.reluscope.net.io.OnnxFields.FLOAT;
import static org.reluscope.net.io.OnnxFields.INT64;
import static org.reluscope.net.io.OnnxModelBuilder.Attribute.ofFloat;
import static org.reluscope.net.io.OnnxModelBuilder.Attribute.ofInt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.BadInputException;
import org.reluscope.net.Activation;
import org.reluscope.net.Network;
import org.reluscope.testing.SharedBenchmarks;

class OnnxReaderTest {
    @Test
    void mnistfcEvaluatesLikeOnnxRuntime() throws Exception {
        Path file = SharedBenchmarks.require("mnistfc/mnist-net_256x2.onnx");
        Network net = OnnxReader.read(file);
        assertArrayEquals(new int[] {784, 256, 256, 10}, net.widths());
        compareWithRuntime(Files.readAllBytes(file), "0", net, 0, 1, 100);
    }

    @Test
    void acasXuEvaluatesLikeOnnxRuntime() throws Exception {
        Path file = SharedBenchmarks.require("acasxu/onnx/ACASXU_run2a_4_5_batch_2000.onnx");
        Network net = OnnxReader.read(file);
        assertArrayEquals(new int[] {5, 50, 50, 50, 50, 50, 50, 5}, net.widths());
        compareWithRuntime(Files.readAllBytes(file), "input", net, -0.5, 0.5, 500);
    }

    /**
     * Gemm with alpha, beta, transA on the input-dependent operand, and a constant left
     * operand with transB on the input-dependent one.
     */
    @Test
    void gemmAttributesFoldLikeOnnxRuntime() throws Exception {
        Random r = new Random(1);
        byte[] model = new OnnxModelBuilder()
                .input("x", DOUBLE, 2, 3)
                .initializer("W", DOUBLE, dims(2, 4), uniform(r, 8))
                .initializer("C", DOUBLE, dims(4), uniform(r, 4))
                .initializer("V", DOUBLE, dims(5, 4), uniform(r, 20))
                .initializer("D", DOUBLE, dims(5, 1), uniform(r, 5))
                .node("Gemm", "g1", List.of("x", "W", "C"), List.of("z"), ofInt("transA", 1), ofFloat("alpha", 0.5f),
                        ofFloat("beta", 2f))
                .node("Relu", "r1", List.of("z"), List.of("h"))
                .node("Gemm", "g2", List.of("V", "h", "D"), List.of("y"), ofInt("transB", 1), ofFloat("alpha", 1.5f))
                .output("y", DOUBLE, 5, 3)
                .build("gemm", 13);
        Network net = OnnxReader.read(model, "gemm.onnx");
        // xᵀ (3×2) · W (2×4) is 3×4 = 12 hidden units; V (5×4) · hᵀ (4×3) is 5×3 = 15 outputs
        assertArrayEquals(new int[] {6, 12, 15}, net.widths());
        compareWithRuntime(model, "x", net, -2, 2, 50, 1e-12);
    }

    /**
     * Sub with the constant first, Mul and Div by broadcast constants (one from a Constant
     * node), Flatten, Reshape with 0 and −1, Identity, Dropout, MatMul with the constant on
     * either side, a symbolic batch dimension, and typed (not raw) tensor data.
     */
    @Test
    void arithmeticAndShapeOperatorsFoldLikeOnnxRuntime() throws Exception {
        Random r = new Random(2);
        byte[] model = new OnnxModelBuilder().rawData(false)
                .input("x", DOUBLE, -1, 2, 3)
                .initializer("k", DOUBLE, dims(3), uniform(r, 3))
                .initializer("s", DOUBLE, dims(2, 1), uniform(r, 2))
                .initializer("flat", INT64, dims(2), new double[] {0, -1})
                .initializer("column", INT64, dims(2), new double[] {5, 1})
                .initializer("W", DOUBLE, dims(6, 5), uniform(r, 30))
                .initializer("b", DOUBLE, dims(5), uniform(r, 5))
                .initializer("V", DOUBLE, dims(4, 5), uniform(r, 20))
                .initializer("e", DOUBLE, dims(4, 1), uniform(r, 4))
                .node("Sub", "sub", List.of("k", "x"), List.of("t1"))
                .node("Mul", "mul", List.of("t1", "s"), List.of("t2"))
                .node("Constant", "four", List.of(), List.of("c4"), OnnxModelBuilder.Attribute.ofTensor("value", DOUBLE,
                        dims(), new double[] {4}))
                .node("Div", "div", List.of("t2", "c4"), List.of("t3"))
                .node("Flatten", "flatten", List.of("t3"), List.of("t4"), ofInt("axis", 1))
                .node("Reshape", "reshape", List.of("t4", "flat"), List.of("t5"))
                .node("Identity", "id", List.of("t5"), List.of("t6"))
                .node("Dropout", "drop", List.of("t6"), List.of("t7"))
                .node("MatMul", "mm", List.of("t7", "W"), List.of("t8"))
                .node("Add", "add", List.of("b", "t8"), List.of("t9"))
                .node("Relu", "relu", List.of("t9"), List.of("h"))
                .node("Reshape", "col", List.of("h", "column"), List.of("hc"))
                .node("MatMul", "left", List.of("V", "hc"), List.of("u"))
                .node("Sub", "out", List.of("u", "e"), List.of("y"))
                .output("y", DOUBLE, 4, 1)
                .build("ops", 13);
        Network net = OnnxReader.read(model, "ops.onnx");
        assertArrayEquals(new int[] {6, 5, 4}, net.widths());
        compareWithRuntime(model, "x", net, -2, 2, 50, 1e-12);
    }

    /** float_data instead of raw_data, and a graph that ends in Relu keeps ReLU on its last layer. */
    @Test
    void floatDataAndFinalRelu() throws Exception {
        Random r = new Random(3);
        byte[] model = new OnnxModelBuilder().rawData(false)
                .input("x", FLOAT, 1, 4)
                .initializer("W", FLOAT, dims(4, 3), uniform(r, 12))
                .initializer("b", FLOAT, dims(3), uniform(r, 3))
                .node("MatMul", "mm", List.of("x", "W"), List.of("z"))
                .node("Add", "add", List.of("z", "b"), List.of("a"))
                .node("Relu", "relu", List.of("a"), List.of("y"))
                .output("y", FLOAT, 1, 3)
                .build("final-relu", 13);
        Network net = OnnxReader.read(model, "final-relu.onnx");
        assertEquals(1, net.layerCount());
        assertEquals(Activation.RELU, net.layer(0).activation());
        compareWithRuntime(model, "x", net, -2, 2, 50, 1e-5);
    }

    /** Max |ours − runtime| over random points in [lo, hi]^n, asserted ≤ 1e-5. */
    static void compareWithRuntime(byte[] model, String inputName, Network net, double lo, double hi, int points)
            throws Exception {
        compareWithRuntime(model, inputName, net, lo, hi, points, 1e-5);
    }

    /** Max |ours − runtime| over random points in [lo, hi]^n, asserted ≤ tolerance. */
    static void compareWithRuntime(byte[] model, String inputName, Network net, double lo, double hi, int points,
                                   double tolerance) throws Exception {
        Random random = new Random(7);
        List<double[]> xs = new ArrayList<>();
        for (int k = 0; k < points; k++) {
            double[] x = new double[net.inputSize()];
            for (int i = 0; i < x.length; i++) {
                x[i] = lo + (hi - lo) * random.nextDouble();
            }
            xs.add(x);
        }
        List<double[]> expected = OrtOracle.evaluate(model, inputName, xs);
        double worst = 0;
        for (int k = 0; k < points; k++) {
            double[] y = net.evaluate(xs.get(k));
            assertEquals(expected.get(k).length, y.length);
            for (int j = 0; j < y.length; j++) {
                worst = Math.max(worst, Math.abs(y[j] - expected.get(k)[j]));
            }
        }
        assertTrue(worst <= tolerance, "max difference to ONNX Runtime " + worst);
    }

    @Test
    void unsupportedOperatorIsNamedWithItsNode() {
        byte[] model = oneLayer("Sigmoid").build("sigmoid", 13);
        BadInputException e = assertThrows(BadInputException.class, () -> OnnxReader.read(model, "s.onnx"));
        assertEquals("s.onnx", e.source());
        assertTrue(e.getMessage().startsWith("node 'act' (Sigmoid): unsupported operator"), e.getMessage());
    }

    @Test
    void skipConnectionIsRefused() {
        byte[] model = oneLayer("Relu")
                .initializer("V", DOUBLE, dims(2, 3), uniform(new Random(4), 6))
                .node("MatMul", "skip", List.of("x", "V"), List.of("s"))
                .node("Add", "sum", List.of("h", "s"), List.of("y"))
                .output("y", DOUBLE, 1, 3)
                .build("skip", 13);
        BadInputException e = assertThrows(BadInputException.class, () -> OnnxReader.read(model, "k.onnx"));
        assertEquals("node 'skip' (MatMul): input 'x' was computed before the ReLU at node 'act' (Relu); "
                + "skip connections are not supported", e.getMessage());
    }

    @Test
    void nanWeightNamesLayerAndEntry() {
        double[] w = new double[6];
        w[4] = Double.NaN;
        byte[] model = new OnnxModelBuilder()
                .input("x", DOUBLE, 1, 2)
                .initializer("W", DOUBLE, dims(2, 3), w)
                .node("MatMul", "mm", List.of("x", "W"), List.of("z"))
                .node("Relu", "act", List.of("z"), List.of("y"))
                .output("y", DOUBLE, 1, 3)
                .build("nan", 13);
        BadInputException e = assertThrows(BadInputException.class, () -> OnnxReader.read(model, "n.onnx"));
        // W is 2×3 (in × out), so W[1][1] is weight [1][1] of the 3×2 layer
        assertEquals("layer 1 (ending at node 'act' (Relu)): weight [1][1] is NaN", e.getMessage());
    }

    @Test
    void twoRealInputsAreRefused() {
        byte[] model = oneLayer("Relu").input("extra", DOUBLE, 1, 2).output("h", DOUBLE, 1, 3).build("two", 13);
        BadInputException e = assertThrows(BadInputException.class, () -> OnnxReader.read(model, "t.onnx"));
        assertEquals("the graph has 2 inputs that are not initializers [x, extra]; reluscope reads networks with "
                + "exactly one", e.getMessage());
    }

    /** x (1×2) → MatMul W (2×3) → {@code activation} as node 'act' with output h; no output declared. */
    private static OnnxModelBuilder oneLayer(String activation) {
        return new OnnxModelBuilder()
                .input("x", DOUBLE, 1, 2)
                .initializer("W", DOUBLE, dims(2, 3), uniform(new Random(5), 6))
                .node("MatMul", "mm", List.of("x", "W"), List.of("z"))
                .node(activation, "act", List.of("z"), List.of("h"));
    }

    static long[] dims(long... d) {
        return d;
    }

    static double[] uniform(Random r, int n) {
        return r.doubles(n).map(v -> 2 * v - 1).toArray();
    }
}
