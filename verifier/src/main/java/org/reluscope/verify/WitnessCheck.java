package org.reluscope.verify;

import java.util.Optional;

import org.reluscope.input.InputSet;
import org.reluscope.net.Network;
import org.reluscope.spec.LinearConstraints;

/**
 * The last gate before a {@code sat} answer: a candidate input is re-evaluated through the
 * network in double precision and accepted only if it lies in the input set and its output
 * satisfies every unsafe row. No tolerance is granted on the output side, so an accepted
 * witness violates the property as evaluated; on the input side the candidate is first
 * projected onto the set (searches produce points a rounding error outside a face), and the
 * projection itself must then be contained with zero tolerance.
 */
public final class WitnessCheck {
    private WitnessCheck() {
    }

    /** The checked witness, or empty when the candidate (after projection) does not violate. Not modified: x. */
    public static Optional<Witness> check(Network network, InputSet input, LinearConstraints unsafe,
                                                         double[] x) {
        if (x.length != input.dimension()) {
            return Optional.empty();
        }
        double[] inside = input.project(x);
        for (double v : inside) {
            if (!Double.isFinite(v)) {
                return Optional.empty();
            }
        }
        if (!input.contains(inside, 0)) {
            return Optional.empty();
        }
        double[] y = network.evaluate(inside);
        if (!unsafe.contains(y)) {
            return Optional.empty();
        }
        return Optional.of(new Witness(inside, y));
    }
}
