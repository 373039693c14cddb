package org.reluscope.verify;

import java.util.Objects;

/**
 * A verdict with what it cost.
 *
 * @param verdict the answer
 * @param seconds wall-clock time of the whole run
 * @param method  the stages that decided it (e.g. {@code falsifier}, {@code crown+input-split}),
 *                empty when nothing did
 */
public record VerificationResult(Verdict verdict, double seconds, String method) {

    public VerificationResult {
        Objects.requireNonNull(verdict);
        Objects.requireNonNull(method);
    }

    /** A result whose method is the one an {@link Verdict.Unsat} names (empty otherwise). */
    public VerificationResult(Verdict verdict, double seconds) {
        this(verdict, seconds, verdict instanceof Verdict.Unsat u ? u.method() : "");
    }

    public String answer() {
        return verdict.answer();
    }
}
