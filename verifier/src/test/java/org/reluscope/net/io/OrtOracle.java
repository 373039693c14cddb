package org.reluscope.net.io;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

/**
 * ONNX Runtime as an independent evaluator of ONNX files: the oracle the readers and the
 * writer are checked against. Feeds each point, reshaped to the model's declared input shape
 * (symbolic dimensions set to 1), and returns the flattened output.
 */
final class OrtOracle {
    private OrtOracle() {
    }

    /** f(x) for each x, as ONNX Runtime computes it. Not modified: model, inputs. */
    static List<double[]> evaluate(byte[] model, String inputName, List<double[]> inputs) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions())) {
            NodeInfo info = session.getInputInfo().get(inputName);
            TensorInfo tensor = (TensorInfo) info.getInfo();
            long[] shape = Arrays.stream(tensor.getShape()).map(d -> d < 0 ? 1 : d).toArray();
            List<double[]> outputs = new ArrayList<>();
            for (double[] x : inputs) {
                try (OnnxTensor in = tensor.type == OnnxJavaType.DOUBLE
                        ? OnnxTensor.createTensor(env, DoubleBuffer.wrap(x), shape)
                        : OnnxTensor.createTensor(env, FloatBuffer.wrap(toFloats(x)), shape);
                     OrtSession.Result result = session.run(Map.of(inputName, in))) {
                    outputs.add(flatten((OnnxTensor) result.get(0)));
                }
            }
            return outputs;
        }
    }

    private static double[] flatten(OnnxTensor out) {
        if (out.getInfo().type == OnnxJavaType.DOUBLE) {
            DoubleBuffer b = out.getDoubleBuffer();
            double[] y = new double[b.remaining()];
            b.get(y);
            return y;
        }
        FloatBuffer b = out.getFloatBuffer();
        double[] y = new double[b.remaining()];
        for (int i = 0; i < y.length; i++) {
            y[i] = b.get(i);
        }
        return y;
    }

    private static float[] toFloats(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }
}
