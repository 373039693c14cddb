package org.reluscope.bench;

import java.util.Locale;
import java.util.Random;

import org.reluscope.bounds.BoundOptions;
import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.input.Box;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;

/**
 * Does reusing CROWN's back-substitution buffers pay? Times {@code upperBound} on many small
 * sub-boxes (the branch-and-bound pattern) with one {@link SymbolicPropagation} whose
 * per-thread workspace is reused (baseline: a new instance, hence fresh buffers, per call),
 * alternating the two in rounds, and prints the ratio per network shape.
 *
 * <pre>
 *   mvn -q -pl benchmarks -am package -DskipTests
 *   java -cp "benchmarks/target/classes:verifier/target/reluscope.jar:verifier/target/lib/*" \
 *       org.reluscope.bench.CrownWorkspaceBenchmark
 * </pre>
 */
public final class CrownWorkspaceBenchmark {
    private static final int ROUNDS = 6;

    private CrownWorkspaceBenchmark() {
    }

    public static void main(String[] args) {
        run("acasxu-shaped 5-50x6-5", RandomNetworks.relu(1, 5, 50, 50, 50, 50, 50, 50, 5), 0.02, 400);
        run("mnistfc-shaped 784-256-256-10", RandomNetworks.relu(2, 784, 256, 256, 10), 0.005, 10);
    }

    private static void run(String name, Network net, double radius, int calls) {
        Random random = new Random(7);
        Box[] boxes = new Box[calls];
        for (int k = 0; k < calls; k++) {
            double[] c = new double[net.inputSize()];
            for (int i = 0; i < c.length; i++) {
                c[i] = random.nextDouble() - 0.5;
            }
            boxes[k] = Box.linf(c, radius);
        }
        double[] objective = new double[net.outputSize()];
        objective[0] = 1;
        objective[1] = -1;
        SymbolicPropagation shared = new SymbolicPropagation();
        double sharedSeconds = 0;
        double freshSeconds = 0;
        double check = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            for (Box b : boxes) {
                check += shared.upperBound(net, b, objective, BoundOptions.DEFAULT);
            }
            long t1 = System.nanoTime();
            for (Box b : boxes) {
                check -= new SymbolicPropagation().upperBound(net, b, objective, BoundOptions.DEFAULT);
            }
            long t2 = System.nanoTime();
            if (round > 0) {
                sharedSeconds += (t1 - t0) / 1e9;
                freshSeconds += (t2 - t1) / 1e9;
            }
        }
        int timed = (ROUNDS - 1) * calls;
        System.out.printf(Locale.ROOT, "%s: reused %.3f ms/call, fresh %.3f ms/call, fresh/reused %.2f (check %g)%n",
                name, 1e3 * sharedSeconds / timed, 1e3 * freshSeconds / timed, freshSeconds / sharedSeconds, check);
    }
}
