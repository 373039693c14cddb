package org.reluscope.verify;

/**
 * A verdict with what it cost.
 *
 * @param verdict the answer
 * @param seconds wall-clock time of the whole run
 */
public record VerificationResult(Verdict verdict, double seconds) {
    public String answer() {
        return verdict.answer();
    }
}
