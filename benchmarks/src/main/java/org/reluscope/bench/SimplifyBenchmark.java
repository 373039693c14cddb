package org.reluscope.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.reluscope.input.InputSet;
import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.region.BoundMethod;
import org.reluscope.spec.VnnLibParser;
import org.reluscope.symmetry.Simplification;
import org.reluscope.symmetry.Simplifier;

/**
 * How much does {@link Simplifier} remove from the 45 ACAS Xu networks on the input boxes of
 * properties 1–4, with the phases proven by each bound method (ibp, the baseline; crown; lp)
 * in the same run? Writes one CSV line per (network, property, method): ReLU units before and
 * after, the widths after and the seconds taken (bounds included); prints the totals per method.
 *
 * <pre>
 *   mvn -q -o -pl benchmarks -am package -DskipTests
 *   java -cp "benchmarks/target/classes:verifier/target/reluscope.jar:verifier/target/lib/*" \
 *       org.reluscope.bench.SimplifyBenchmark [--root path/to/shared/benchmarks] [--out simplify.csv] \
 *       [--methods ibp,crown,lp]
 * </pre>
 */
public final class SimplifyBenchmark {
    private SimplifyBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = BenchOptions.parse(args);
        Path root = BenchOptions.sharedRoot(opts).resolve("acasxu");
        Path csv = BenchOptions.out(opts, "simplify.csv");
        List<BoundMethod> methods = Arrays.stream(opts.getOrDefault("--methods", "ibp,crown,lp").split(","))
                .map(BoundMethod::ofName).toList();
        long[] before = new long[methods.size()];
        long[] after = new long[methods.size()];
        double[] seconds = new double[methods.size()];
        List<InputSet> boxes = new ArrayList<>();
        for (int prop = 1; prop <= 4; prop++) {
            boxes.add(VnnLibParser.parse(root.resolve("vnnlib/prop_" + prop + ".vnnlib")).inputSets().get(0));
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv));
             Stream<Path> files = Files.list(root.resolve("onnx"))) {
            out.println("network,property,bounds,units_before,units_after,widths_after,seconds");
            for (Path onnx : files.sorted().toList()) {
                Network net = NetworkFiles.read(onnx);
                for (int prop = 1; prop <= 4; prop++) {
                    for (int m = 0; m < methods.size(); m++) {
                        long t0 = System.nanoTime();
                        Simplification s = Simplifier.simplify(net, boxes.get(prop - 1),
                                methods.get(m).bounder(BenchOptions.lpSolver()), 1e-12);
                        double t = (System.nanoTime() - t0) / 1e9;
                        before[m] += s.unitsBefore();
                        after[m] += s.unitsAfter();
                        seconds[m] += t;
                        out.printf(Locale.ROOT, "%s,prop_%d,%s,%d,%d,%s,%.4f%n", onnx.getFileName(), prop, s.bounds(),
                                s.unitsBefore(), s.unitsAfter(), Arrays.toString(s.network().widths()).replace(", ", "-"),
                                t);
                    }
                }
            }
        }
        for (int m = 0; m < methods.size(); m++) {
            System.out.printf(Locale.ROOT, "%-5s ReLU units: %d before, %d after (%.1f%% removed), %.1f s%n",
                    methods.get(m).cliName(), before[m], after[m], 100.0 * (before[m] - after[m]) / before[m], seconds[m]);
        }
        System.out.println("per-instance rows in " + csv);
    }
}
