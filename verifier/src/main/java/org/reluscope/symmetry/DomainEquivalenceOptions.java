package org.reluscope.symmetry;

import java.util.Objects;

import org.reluscope.verify.VerifierOptions;

/**
 * Settings of {@link Equivalence#onDomain}.
 *
 * @param tolerance outputs within τ count as equal: {@code equivalent} proves |f₁ − f₂| &lt; τ on
 *                  the domain, {@code different} shows an input where they differ by more
 * @param ascent    the witness search run before any proof is attempted
 * @param verifier  the budget and threads of the exact search on f₁ − f₂
 */
public record DomainEquivalenceOptions(double tolerance, DifferenceAscent ascent, VerifierOptions verifier) {
    public DomainEquivalenceOptions {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a finite number ≥ 0, got " + tolerance);
        }
        Objects.requireNonNull(ascent);
        Objects.requireNonNull(verifier);
    }

    /** Tolerance τ, the default ascent and the default verifier settings. */
    public static DomainEquivalenceOptions of(double tolerance) {
        return new DomainEquivalenceOptions(tolerance, DifferenceAscent.DEFAULT, VerifierOptions.DEFAULT);
    }
}
