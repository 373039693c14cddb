package org.reluscope.net.io;

import java.util.List;

/** Small ONNX models for tests in other packages, built with the package-private {@link OnnxModelBuilder}. */
public final class TestModels {
    private TestModels() {
    }

    /** x (1×2) → MatMul → {@code op} (node "act") → output: a model with the given operator after one MatMul. */
    public static byte[] afterMatMul(String op) {
        return new OnnxModelBuilder()
                .input("x", OnnxFields.FLOAT, 1, 2)
                .initializer("W", OnnxFields.FLOAT, new long[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6})
                .node("MatMul", "mm", List.of("x", "W"), List.of("z"))
                .node(op, "act", List.of("z"), List.of("y"))
                .output("y", OnnxFields.FLOAT, 1, 3)
                .build("test", 13);
    }
}
