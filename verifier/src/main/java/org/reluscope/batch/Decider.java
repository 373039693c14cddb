package org.reluscope.batch;

import java.time.Duration;

import org.reluscope.net.Network;
import org.reluscope.spec.Property;
import org.reluscope.verify.VerificationResult;
import org.reluscope.verify.Verifier;
import org.reluscope.verify.VerifierOptions;

/**
 * What decides one instance for a {@link BatchRunner}: normally the {@link Verifier}; a
 * benchmark may pass a baseline, and a test a decider with planted mistakes to see that the
 * runner catches them.
 */
@FunctionalInterface
public interface Decider {

    /** The verdict on {@code property} for {@code network}, within {@code budget}. */
    VerificationResult decide(Network network, Property property, Duration budget);

    /** The {@link Verifier} with {@code options}, its timeout replaced by each instance's budget. */
    static Decider verifier(VerifierOptions options) {
        return (network, property, budget) -> new Verifier(options.withTimeout(budget)).verify(network, property);
    }
}
