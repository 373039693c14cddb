package org.reluscope.bounds;

import org.reluscope.input.InputSet;
import org.reluscope.net.Network;

/**
 * A method that computes sound bounds on a network's outputs over an input set — the one
 * contract shared by interval propagation, symbolic back-substitution, the LP relaxation and
 * (exact) region enumeration, so that callers can swap them.
 *
 * <p>Soundness contract: for every x in {@code set} that satisfies the splits of the options,
 * every bound returned holds for the exact real-valued network f(x) (floating-point rounding
 * is accounted for, never ignored). Implementations throw {@link IllegalArgumentException}
 * when the set, the objective or the options do not fit the network, naming the shapes.
 */
public interface OutputBounder {

    /** The method's short name as used on the command line ({@code ibp}, {@code crown}, …). */
    String name();

    /** Per-output and per-layer bounds. */
    Bounds compute(Network network, InputSet set, BoundOptions options);

    /** {@link #compute(Network, InputSet, BoundOptions)} with no splits and nothing known. */
    default Bounds compute(Network network, InputSet set) {
        return compute(network, set, BoundOptions.DEFAULT);
    }

    /**
     * An upper bound on max { c·f(x) : x in the set, consistent with the splits }, e.g. with
     * c = e_label − e_j the worst margin of a robustness property; −∞ when that set is proven
     * empty. Methods with symbolic information bound c·y as one function, which is much
     * tighter than combining the output intervals. Not modified: c.
     */
    double upperBound(Network network, InputSet set, double[] c, BoundOptions options);

    /** A lower bound on min c·f(x): −upperBound(−c). Not modified: c. */
    default double lowerBound(Network network, InputSet set, double[] c, BoundOptions options) {
        double[] neg = new double[c.length];
        for (int j = 0; j < c.length; j++) {
            neg[j] = -c[j];
        }
        return -upperBound(network, set, neg, options);
    }
}
