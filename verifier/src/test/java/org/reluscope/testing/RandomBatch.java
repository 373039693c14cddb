package org.reluscope.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.reluscope.input.Box;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.spec.Disjunct;
import org.reluscope.spec.LinearConstraints;
import org.reluscope.spec.Property;
import org.reluscope.spec.VnnLibWriter;

/**
 * A batch of instances on seeded random networks, written to a folder as a VNN-COMP set
 * (networks in {@code onnx/}, properties in {@code vnnlib/}, {@code instances.csv} naming bare
 * file names) with its exact answers from {@link ReluMilp}. Each property is "y₀ − y₁ ≤ t" on a
 * small box; with m the MILP minimum of y₀ − y₁ and s its spread over the box, the thresholds
 * are t = m − s, m − 0.05 s (unsat: no input reaches them) and m + 0.05 s and the value at the
 * box centre plus 0.05 s (sat) — all at least 0.05 s from m, far beyond SCIP's tolerance.
 *
 * @param folder    the batch's folder
 * @param list      {@code instances.csv}
 * @param expected  {@code expected.csv} with the exact answers
 * @param flipped   {@code flipped.csv}: every answer turned into the other one
 * @param answers   the exact answer of each property file name, in list order
 * @param networks  how many distinct networks the list names
 */
public record RandomBatch(Path folder, Path list, Path expected, Path flipped, Map<String, String> answers,
                          int networks) {

    /** Writes {@code networks} random 3-10-10-2 networks with four properties each into {@code folder}. */
    public static RandomBatch write(Path folder, int networks) throws IOException {
        Files.createDirectories(folder.resolve("onnx"));
        Files.createDirectories(folder.resolve("vnnlib"));
        Map<String, String> answers = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        Random random = new Random(7);
        double[] c = {1, -1};
        for (int n = 0; n < networks; n++) {
            Network net = RandomNetworks.relu(100 + n, 0.3, 3, 10, 10, 2);
            String netName = "net_" + n + ".onnx";
            NetworkFiles.write(net, folder.resolve("onnx").resolve(netName));
            double[] centre = {random.nextDouble() - 0.5, random.nextDouble() - 0.5, random.nextDouble() - 0.5};
            Box box = Box.linf(centre, 0.15);
            double min = ReluMilp.minimum(net, box, c);
            double max = -ReluMilp.minimum(net, box, new double[] {-1, 1});
            double s = max - min;
            double[] y = net.evaluate(box.center());
            double[] thresholds = {min - s, min - 0.05 * s, min + 0.05 * s, y[0] - y[1] + 0.05 * s};
            for (int k = 0; k < thresholds.length; k++) {
                String propName = "prop_" + n + "_" + k + ".vnnlib";
                Property p = new Property(3, 2, List.of(new Disjunct(box, LinearConstraints.of(c, thresholds[k]))));
                VnnLibWriter.write(p, "y0 - y1 <= t on a box around a random point", folder.resolve("vnnlib")
                        .resolve(propName));
                answers.put(propName, thresholds[k] >= min ? "sat" : "unsat");
                lines.add(netName + "," + propName + ",20");
            }
        }
        Path list = Files.write(folder.resolve("instances.csv"), lines);
        Path expected = table(folder.resolve("expected.csv"), answers, false);
        Path flipped = table(folder.resolve("flipped.csv"), answers, true);
        return new RandomBatch(folder, list, expected, flipped, answers, networks);
    }

    private static Path table(Path file, Map<String, String> answers, boolean flip) throws IOException {
        List<String> rows = new ArrayList<>(List.of("network,property,expected"));
        answers.forEach((prop, answer) -> rows.add("net_" + prop.split("_")[1] + ".onnx," + prop + ","
                + (flip ? (answer.equals("sat") ? "unsat" : "sat") : answer)));
        return Files.write(file, rows);
    }
}
