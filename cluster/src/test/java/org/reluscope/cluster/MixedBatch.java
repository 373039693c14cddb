package org.reluscope.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.reluscope.input.Box;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.spec.Property;
import org.reluscope.spec.VnnLibWriter;
import org.reluscope.testing.SharedBenchmarks;

/**
 * A small batch of the kind nightly checks run: easy ACAS Xu instances (when the shared
 * benchmarks are present), robustness properties of seeded random networks with radii from
 * trivially safe to clearly unsafe, and one planted failure — a corrupt network file.
 * Written as an instance list CSV ({@code network,property,timeout}) in {@code dir}.
 */
final class MixedBatch {
    /** ACAS Xu instances that nnenum and reluscope decide in well under a second (sat and unsat). */
    private static final String[][] ACAS = {
            {"ACASXU_run2a_1_4_batch_2000.onnx", "prop_2.vnnlib"},
            {"ACASXU_run2a_2_4_batch_2000.onnx", "prop_3.vnnlib"},
            {"ACASXU_run2a_4_9_batch_2000.onnx", "prop_2.vnnlib"},
            {"ACASXU_run2a_1_6_batch_2000.onnx", "prop_3.vnnlib"},
            {"ACASXU_run2a_3_1_batch_2000.onnx", "prop_3.vnnlib"},
    };
    static final String CORRUPT = "corrupt.onnx";

    final Path csv;
    final List<String> rows = new ArrayList<>();

    /**
     * @param withAcas whether to include the ACAS Xu instances (when the shared benchmarks are
     *                 present)
     */
    MixedBatch(Path dir, boolean withAcas, int randomNetworks, double timeoutSeconds) {
        SharedBenchmarks.root().filter(root -> withAcas).ifPresent(root -> {
            for (String[] instance : ACAS) {
                Path acas = root.resolve("acasxu");
                rows.add(acas.resolve("onnx").resolve(instance[0]) + "," + acas.resolve("vnnlib").resolve(instance[1])
                        + "," + timeoutSeconds);
            }
        });
        Random random = new Random(11);
        for (int n = 0; n < randomNetworks; n++) {
            Network net = RandomNetworks.relu(100 + n, 6, 24, 24, 4);
            Path netFile = dir.resolve("net" + n + (n % 2 == 0 ? ".onnx" : ".json"));
            NetworkFiles.write(net, netFile);
            double[] x0 = new double[6];
            for (int i = 0; i < x0.length; i++) {
                x0[i] = random.nextGaussian();
            }
            double[] y0 = net.evaluate(x0);
            for (double eps : new double[] {0.001, 0.05, 1.0}) {
                int label = argmax(y0);
                Path spec = dir.resolve("net" + n + "_eps" + eps + ".vnnlib");
                VnnLibWriter.write(Property.robustness(Box.linf(x0, eps), 4, label), "robustness of net" + n, spec);
                rows.add(netFile.getFileName() + "," + spec.getFileName() + "," + timeoutSeconds);
            }
        }
        write(dir.resolve(CORRUPT), "this is not an ONNX model");
        rows.add(rows.size() / 2, CORRUPT + ",net0_eps0.05.vnnlib," + timeoutSeconds);
        csv = dir.resolve("instances.csv");
        write(csv, String.join("\n", rows) + "\n");
    }

    /**
     * A random network (written to {@code dir/name}) and a data set for it: {@code count} random
     * points, each labelled with the class the network gives it, except the last, labelled with
     * the class it gives least (so that its robustness property is violated at the point itself).
     *
     * @return the points file, label first
     */
    static Path dataSet(Path dir, String name, int count) {
        Network net = RandomNetworks.relu(7, 6, 24, 24, 4);
        NetworkFiles.write(net, dir.resolve(name));
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("# label,x_0..x_5\n");
        for (int p = 0; p < count; p++) {
            double[] x = new double[6];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextDouble();
            }
            double[] y = net.evaluate(x);
            int label = p < count - 1 ? argmax(y) : argmin(y);
            csv.append(label);
            for (double v : x) {
                csv.append(',').append(v);
            }
            csv.append('\n');
        }
        Path points = dir.resolve("points.csv");
        write(points, csv.toString());
        return points;
    }

    private static int argmin(double[] y) {
        int best = 0;
        for (int j = 1; j < y.length; j++) {
            if (y[j] < y[best]) {
                best = j;
            }
        }
        return best;
    }

    private static int argmax(double[] y) {
        int best = 0;
        for (int j = 1; j < y.length; j++) {
            if (y[j] > y[best]) {
                best = j;
            }
        }
        return best;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
