package org.reluscope.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.reluscope.bounds.OutputBounder;
import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.spec.Property;
import org.reluscope.spec.VnnLibParser;
import org.reluscope.symmetry.Simplification;
import org.reluscope.symmetry.Simplifier;
import org.reluscope.verify.VerificationResult;
import org.reluscope.verify.Verifier;
import org.reluscope.verify.VerifierOptions;
import org.reluscope.verify.Witness;

/**
 * Does simplifying a network on a property's input box make verifying the property faster?
 * For each instance (a property with a single input box), in the same run: {@link Verifier} on
 * the original network (the baseline), then {@link Simplifier} on the box and {@link Verifier}
 * on the simplified network. The answers must agree (a {@code sat} witness of the simplified
 * network is also re-checked on the original). Writes one CSV row per instance and prints the
 * total time ratio original / (simplify + verify simplified), counting a timeout as the limit.
 * The first instance is run once untimed first, on both sides, to warm up the JIT.
 *
 * <pre>
 *   mvn -q -o -DskipTests package
 *   java -cp "benchmarks/target/classes:verifier/target/reluscope.jar:verifier/target/lib/*" \
 *       org.reluscope.bench.SimplifiedVerifyBenchmark --out benchmarks/results/simplified-verify.csv
 * </pre>
 * Options: {@code --root DIR}, {@code --filter REGEX} on "network,property" (default: networks
 * 1_x and 2_x on properties 1–4), {@code --bounds ibp|crown|lp} (default crown),
 * {@code --threads N} (default 1, so that the two timings do not compete),
 * {@code --timeout-scale X} (multiplies the instance time limits, default 1).
 */
public final class SimplifiedVerifyBenchmark {
    private SimplifiedVerifyBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = BenchOptions.parse(args);
        Path dir = BenchOptions.sharedRoot(opts).resolve("acasxu");
        Path out = BenchOptions.out(opts, "benchmarks/results/simplified-verify.csv");
        Pattern filter = Pattern.compile(opts.getOrDefault("--filter", "_[12]_[1-9]_batch_2000\\.onnx,prop_[1-4]\\."));
        int threads = Integer.parseInt(opts.getOrDefault("--threads", "1"));
        double scale = Double.parseDouble(opts.getOrDefault("--timeout-scale", "1"));
        List<VerifyBenchmark.Instance> instances = VerifyBenchmark.instances(dir, "acasxu", "nnenum_here_s", filter);
        OutputBounder bounder = BenchOptions.bounder(opts);
        warmUp(dir, instances.get(0), bounder, threads);
        double original = 0;
        double simplified = 0;
        int mismatches = 0;
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("network,property,expected,answer_original,answer_simplified,units_before,units_after,"
                    + "verify_original_s,simplify_s,verify_simplified_s,ratio");
            for (VerifyBenchmark.Instance inst : instances) {
                Network net = NetworkFiles.read(dir.resolve("onnx").resolve(inst.network()));
                Property property = VnnLibParser.parse(dir.resolve("vnnlib").resolve(inst.property()));
                if (property.inputSets().size() != 1) {
                    System.out.println("skipped (several input boxes): " + inst.network() + "," + inst.property());
                    continue;
                }
                Verifier verifier = new Verifier(new VerifierOptions(
                        Duration.ofMillis(Math.round(inst.timeout() * scale * 1000)), threads, 1));
                VerificationResult before = verifier.verify(net, property);
                long t0 = System.nanoTime();
                Simplification s = Simplifier.simplify(net, property.inputSets().get(0), bounder, 1e-12);
                double simplifySeconds = (System.nanoTime() - t0) / 1e9;
                VerificationResult after = verifier.verify(s.network(), property);
                String afterAnswer = checkedAnswer(after, net, property);
                mismatches += afterAnswer.equals(before.answer()) ? 0 : 1;
                double limit = inst.timeout() * scale;
                double tBefore = charged(before, limit);
                double tAfter = simplifySeconds + charged(after, limit);
                original += tBefore;
                simplified += tAfter;
                String line = String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%d,%d,%.4f,%.4f,%.4f,%.3f", inst.network(),
                        inst.property(), inst.expected(), before.answer(), afterAnswer, s.unitsBefore(), s.unitsAfter(),
                        tBefore, simplifySeconds, tAfter - simplifySeconds, tBefore / tAfter);
                csv.println(line);
                csv.flush();
                System.out.println(line);
            }
        }
        System.out.printf(Locale.ROOT, "bounds %s: verify original %.2f s, simplify + verify simplified %.2f s: "
                + "speed-up %.2f×; answers differing: %d; per-instance CSV: %s%n", bounder.name(), original,
                simplified, original / simplified, mismatches, out);
    }

    /** One untimed run of both sides on the first instance, so that neither pays for the JIT. */
    private static void warmUp(Path dir, VerifyBenchmark.Instance inst, OutputBounder bounder, int threads) {
        Network net = NetworkFiles.read(dir.resolve("onnx").resolve(inst.network()));
        Property property = VnnLibParser.parse(dir.resolve("vnnlib").resolve(inst.property()));
        Verifier verifier = new Verifier(new VerifierOptions(Duration.ofSeconds(30), threads, 1));
        verifier.verify(net, property);
        verifier.verify(Simplifier.simplify(net, property.inputSets().get(0), bounder, 1e-12).network(), property);
    }

    /** The answer on the simplified network, with a sat witness re-checked on the original ("wrong-sat" if it fails). */
    private static String checkedAnswer(VerificationResult r, Network original, Property property) {
        if (r.verdict() instanceof Witness sat && !property.isViolatedBy(sat.input(), original.evaluate(sat.input()), 0)) {
            return "wrong-sat";
        }
        return r.answer();
    }

    /** Seconds taken, or the time limit when the run did not finish. */
    private static double charged(VerificationResult r, double limit) {
        return r.answer().equals("timeout") ? Math.max(limit, r.seconds()) : r.seconds();
    }
}
