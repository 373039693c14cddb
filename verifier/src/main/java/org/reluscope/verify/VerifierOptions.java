package org.reluscope.verify;

import java.time.Duration;

/**
 * Settings of a verification run.
 *
 * @param timeout the one budget shared by all stages
 * @param threads worker threads for the searches (≥ 1)
 * @param seed    seed of the falsifier's random sampling, so that runs are repeatable
 */
public record VerifierOptions(Duration timeout, int threads, long seed) {
    public static final VerifierOptions DEFAULT =
            new VerifierOptions(Duration.ofSeconds(300), Runtime.getRuntime().availableProcessors(), 1);

    public VerifierOptions {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    public VerifierOptions withTimeout(Duration t) {
        return new VerifierOptions(t, threads, seed);
    }

    public VerifierOptions withThreads(int n) {
        return new VerifierOptions(timeout, n, seed);
    }
}
