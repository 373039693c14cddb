package org.reluscope.symmetry;

import java.util.Optional;

import org.reluscope.net.Network;

/** Picks, among candidate inputs, the one where two networks differ most, re-evaluated in double precision. */
final class Witnesses {
    private Witnesses() {
    }

    /** ‖f₁(x) − f₂(x)‖_∞ in double precision. Not modified: x. */
    static double difference(Network f1, Network f2, double[] x) {
        double[] y1 = f1.evaluate(x);
        double[] y2 = f2.evaluate(x);
        double d = 0;
        for (int i = 0; i < y1.length; i++) {
            d = Math.max(d, Math.abs(y1[i] - y2[i]));
        }
        return d;
    }

    /**
     * The candidate with the largest difference, as a {@link EquivalenceVerdict.Different}, if
     * that difference exceeds τ. Not modified: candidates.
     */
    static Optional<EquivalenceVerdict.Different> best(Network f1, Network f2, Iterable<double[]> candidates,
                                                       double tolerance) {
        double bestDifference = tolerance;
        double[] best = null;
        for (double[] x : candidates) {
            double d = difference(f1, f2, x);
            if (d > bestDifference) {
                bestDifference = d;
                best = x;
            }
        }
        return best == null ? Optional.empty()
                : Optional.of(new EquivalenceVerdict.Different(best, f1.evaluate(best), f2.evaluate(best)));
    }
}
