package org.reluscope.batch;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * One verification task of a batch: a network file, a VNN-LIB property file and the time
 * limit for deciding it. The paths are kept as text (already resolved against the instance
 * list's folder) so that instances and their results cross process boundaries — Spark tasks —
 * by plain Java serialization, which {@link Path} does not support.
 *
 * @param network        path of the network file (.onnx, .nnet, .json, possibly gzip'd)
 * @param property       path of the VNN-LIB file (possibly gzip'd)
 * @param timeoutSeconds the instance's time limit as listed (before any scaling), finite and positive
 */
public record Instance(String network, String property, double timeoutSeconds) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Instance {
        if (!(timeoutSeconds > 0) || Double.isInfinite(timeoutSeconds)) {
            throw new IllegalArgumentException("time limit must be finite and positive, got " + timeoutSeconds);
        }
    }

    public Path networkFile() {
        return Path.of(network);
    }

    public Path propertyFile() {
        return Path.of(property);
    }

    /** The network's file name without a {@code .gz} suffix: the key in expected-answer tables. */
    public String networkName() {
        return baseName(network);
    }

    /** The property's file name without a {@code .gz} suffix. */
    public String propertyName() {
        return baseName(property);
    }

    /** {@code network-name property-name}, for progress lines. */
    public String name() {
        return networkName() + " " + propertyName();
    }

    /** The file name of {@code path} without folders and without a {@code .gz} suffix. */
    static String baseName(String path) {
        String name = Path.of(path).getFileName().toString();
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }
}
