package org.reluscope.verify;

/**
 * The answer to "can an input of the property's set reach its unsafe outputs?", in VNN-COMP's
 * vocabulary: {@code unsat} (proven: no), {@code sat} (yes: a checked {@link Witness}),
 * {@code unknown} (the methods gave up) or {@code timeout}. Never a guess.
 */
public sealed interface Verdict permits Verdict.Unsat, Witness, Verdict.Unknown, Verdict.Timeout {

    /** The VNN-COMP answer word: {@code unsat}, {@code sat}, {@code unknown} or {@code timeout}. */
    String answer();

    /** The property holds; {@code method} names what proved it (e.g. {@code crown}, {@code input-split}). */
    record Unsat(String method) implements Verdict {
        @Override
        public String answer() {
            return "unsat";
        }
    }

    /** Undecided within the methods' reach; {@code reason} says why. */
    record Unknown(String reason) implements Verdict {
        @Override
        public String answer() {
            return "unknown";
        }
    }

    /** The time budget ran out first. */
    record Timeout() implements Verdict {
        @Override
        public String answer() {
            return "timeout";
        }
    }
}
