package org.reluscope.batch;

import java.util.Locale;
import java.util.Optional;

import org.reluscope.verify.Verdict;
import org.reluscope.verify.Witness;

/**
 * The answer recorded for one instance of a batch: a verifier's verdict word ({@code sat},
 * {@code unsat}, {@code unknown}, {@code timeout}) or {@code error} when the instance could not
 * be run (a file that does not load, a witness that fails the re-check, a crash).
 */
public enum Answer {
    SAT, UNSAT, UNKNOWN, TIMEOUT, ERROR;

    /** The lower-case word used in VNN-COMP result files, CSV and JSON. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this answer settles the property (sat or unsat). */
    public boolean isDecisive() {
        return this == SAT || this == UNSAT;
    }

    /** Whether both answers are decisive and differ: the one mistake a sound verifier must never make. */
    public boolean contradicts(Answer other) {
        return isDecisive() && other.isDecisive() && this != other;
    }

    public static Answer of(Verdict verdict) {
        if (verdict instanceof Witness) {
            return SAT;
        }
        if (verdict instanceof Verdict.Unsat) {
            return UNSAT;
        }
        return verdict instanceof Verdict.Timeout ? TIMEOUT : UNKNOWN;
    }

    /**
     * The answer a word names, case-insensitive; VNN-COMP 2021's {@code holds} and
     * {@code violated} are read as {@code unsat} and {@code sat}.
     */
    public static Optional<Answer> parse(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        return switch (w) {
            case "holds" -> Optional.of(UNSAT);
            case "violated" -> Optional.of(SAT);
            case "sat", "unsat", "unknown", "timeout", "error" -> Optional.of(valueOf(w.toUpperCase(Locale.ROOT)));
            default -> Optional.empty();
        };
    }

    /**
     * The answer {@code word} names (see {@link #parse}).
     *
     * @throws IllegalArgumentException for another word
     */
    public static Answer fromWord(String word) {
        return parse(word).orElseThrow(() -> new IllegalArgumentException("unknown answer '" + word
                + "' (expected sat, unsat, unknown, timeout or error)"));
    }
}
