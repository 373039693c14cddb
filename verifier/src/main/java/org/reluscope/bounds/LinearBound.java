package org.reluscope.bounds;

import org.reluscope.input.InputSet;

/**
 * A linear upper bound h·x + d on some objective of the network's outputs, valid for every
 * input x of the set it was computed on: the symbolic form of a CROWN bound before it is
 * concretised. d already absorbs the rounding of the computation, so with the floating-point
 * h as given the bound holds for the exact real network.
 *
 * @param coefficients h, one entry per input (copied; the accessor returns a copy)
 * @param constant     d
 */
public record LinearBound(double[] coefficients, double constant) {

    public LinearBound {
        coefficients = coefficients.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    public double coefficient(int i) {
        return coefficients[i];
    }

    /** A rigorous upper bound on max { h·x + d : x in set }. */
    public double maxOver(InputSet set) {
        return Math.nextUp(constant + set.support(coefficients));
    }
}
