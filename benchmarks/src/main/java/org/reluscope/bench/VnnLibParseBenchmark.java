package org.reluscope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.reluscope.spec.Property;
import org.reluscope.spec.VnnLibParser;

/**
 * How long does reading a VNN-LIB property take, warm? Times {@link VnnLibParser#parse(Path)}
 * against the baseline of merely reading the same file into a string, alternating the two in
 * rounds, and prints both and their ratio for the largest mnistfc property (784 inputs,
 * 9 disjuncts) and the two-box ACAS Xu property 6.
 *
 * <pre>
 *   mvn -q -pl benchmarks -am package -DskipTests
 *   java -cp "benchmarks/target/classes:verifier/target/reluscope.jar:verifier/target/lib/*" \
 *       org.reluscope.bench.VnnLibParseBenchmark [path/to/shared/benchmarks]
 * </pre>
 */
public final class VnnLibParseBenchmark {
    private static final int ROUNDS = 11;
    private static final int CALLS = 50;

    private VnnLibParseBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/benchmarks");
        run(root.resolve("mnistfc/vnnlib/prop_0_0.05.vnnlib"));
        run(root.resolve("acasxu/vnnlib/prop_6.vnnlib"));
    }

    private static void run(Path file) throws IOException {
        double parseSeconds = 0;
        double readSeconds = 0;
        long check = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < CALLS; k++) {
                Property p = VnnLibParser.parse(file);
                check += p.disjuncts().size();
            }
            long t1 = System.nanoTime();
            for (int k = 0; k < CALLS; k++) {
                check += Files.readString(file).length();
            }
            long t2 = System.nanoTime();
            if (round > 0) {
                parseSeconds += (t1 - t0) / 1e9;
                readSeconds += (t2 - t1) / 1e9;
            }
        }
        int timed = (ROUNDS - 1) * CALLS;
        System.out.printf(Locale.ROOT, "%s: parse %.3f ms, read only %.3f ms, parse/read %.1f (check %d)%n",
                file.getFileName(), 1e3 * parseSeconds / timed, 1e3 * readSeconds / timed, parseSeconds / readSeconds, check);
    }
}
