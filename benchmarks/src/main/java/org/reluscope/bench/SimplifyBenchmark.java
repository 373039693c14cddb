package org.reluscope.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;

import org.reluscope.input.InputSet;
import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.spec.VnnLibParser;
import org.reluscope.symmetry.Simplification;
import org.reluscope.symmetry.Simplifier;

/**
 * How much does {@link Simplifier} remove from the ACAS Xu networks on the input boxes of
 * properties 1–4? Writes one CSV line per (network, property): ReLU units before and after,
 * the widths after, and the time the simplification took; prints the totals.
 *
 * <pre>
 *   mvn -q -pl benchmarks -am package -DskipTests
 *   java -cp "benchmarks/target/classes:verifier/target/reluscope.jar:verifier/target/lib/*" \
 *       org.reluscope.bench.SimplifyBenchmark [path/to/shared/benchmarks] [out.csv]
 * </pre>
 */
public final class SimplifyBenchmark {
    private SimplifyBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/benchmarks").resolve("acasxu");
        Path csv = Path.of(args.length > 1 ? args[1] : "simplify.csv");
        long before = 0;
        long after = 0;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv));
             Stream<Path> files = Files.list(root.resolve("onnx"))) {
            out.println("network,property,units_before,units_after,widths_after,seconds");
            for (Path onnx : files.sorted().toList()) {
                Network net = NetworkFiles.read(onnx);
                for (int prop = 1; prop <= 4; prop++) {
                    InputSet box = VnnLibParser.parse(root.resolve("vnnlib/prop_" + prop + ".vnnlib")).inputSets().get(0);
                    long t0 = System.nanoTime();
                    Simplification s = Simplifier.simplify(net, box, 1e-12);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    before += s.unitsBefore();
                    after += s.unitsAfter();
                    out.printf(Locale.ROOT, "%s,prop_%d,%d,%d,%s,%.4f%n", onnx.getFileName(), prop, s.unitsBefore(),
                            s.unitsAfter(), Arrays.toString(s.network().widths()).replace(", ", "-"), seconds);
                }
            }
        }
        System.out.printf(Locale.ROOT, "ReLU units: %d before, %d after (%.1f%% removed); per-instance rows in %s%n",
                before, after, 100.0 * (before - after) / before, csv);
    }
}
