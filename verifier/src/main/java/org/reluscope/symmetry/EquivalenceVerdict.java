package org.reluscope.symmetry;

import java.util.Objects;

/**
 * The answer to "do two networks compute the same function (on a domain)?". {@code different}
 * only with a witness whose outputs, evaluated in double precision, differ by more than the
 * tolerance; {@code equivalent} only with a proof, named by {@code method}.
 */
public sealed interface EquivalenceVerdict {

    /** The word printed on the first line of the command's output. */
    String word();

    /**
     * Proven equal within the tolerance.
     *
     * @param method         how: canonical forms, bounds, exact MILP, …
     * @param differenceBound a proven upper bound on max ‖f₁(x) − f₂(x)‖_∞ over the domain, or
     *                       NaN when the proof gives none (canonical forms that agree within τ)
     */
    record Equivalent(String method, double differenceBound) implements EquivalenceVerdict {
        public Equivalent {
            Objects.requireNonNull(method);
        }

        @Override
        public String word() {
            return "equivalent";
        }
    }

    /**
     * A witness x with ‖f₁(x) − f₂(x)‖_∞ &gt; τ as evaluated in double precision.
     *
     * @param witness x. Copied.
     * @param output1 f₁(x). Copied.
     * @param output2 f₂(x). Copied.
     */
    record Different(double[] witness, double[] output1, double[] output2) implements EquivalenceVerdict {
        public Different {
            witness = witness.clone();
            output1 = output1.clone();
            output2 = output2.clone();
        }

        @Override
        public double[] witness() {
            return witness.clone();
        }

        @Override
        public double[] output1() {
            return output1.clone();
        }

        @Override
        public double[] output2() {
            return output2.clone();
        }

        /** ‖f₁(x) − f₂(x)‖_∞. */
        public double difference() {
            double d = 0;
            for (int i = 0; i < output1.length; i++) {
                d = Math.max(d, Math.abs(output1[i] - output2[i]));
            }
            return d;
        }

        @Override
        public String word() {
            return "different";
        }
    }

    /** Neither proven nor refuted (a budget ran out, or the difference is at the tolerance's scale). */
    record Unknown(String reason) implements EquivalenceVerdict {
        public Unknown {
            Objects.requireNonNull(reason);
        }

        @Override
        public String word() {
            return "unknown";
        }
    }
}
