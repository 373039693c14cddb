package org.reluscope.input;

import java.util.Optional;
import java.util.Random;

/**
 * A bounded convex set of network inputs: an axis-aligned {@link Box} or an {@link L2Ball}
 * (optionally intersected with a box domain).
 *
 * <p>Like a perturbation in auto_LiRPA, the set knows how to concretise a linear function
 * over itself: {@link #support(double[])} bounds max c·x, which is all that symbolic bounds
 * need from it.
 */
public sealed interface InputSet permits Box, L2Ball {

    int dimension();

    /**
     * A rigorous upper bound on max { c·x : x in the set }, rounded outward so that it holds
     * for the exact real maximum. Exact up to rounding for a box and for a ball without a
     * domain; for a ball ∩ box it is the smaller of the two supports (sound, maybe not tight).
     * Not modified: c.
     */
    double support(double[] c);

    /** A rigorous lower bound on min { c·x : x in the set }, i.e. −support(−c). Not modified: c. */
    default double lowerSupport(double[] c) {
        double[] neg = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            neg[i] = -c[i];
        }
        return -support(neg);
    }

    /** The smallest axis-aligned box containing the set. */
    Box boundingBox();

    /** The centre (box midpoint or ball centre); a member of the set. */
    double[] center();

    /** Whether x lies in the set, allowing {@code tol} of slack on every constraint. Not modified: x. */
    boolean contains(double[] x, double tol);

    /** The nearest point of the set to x (Euclidean projection; for ball ∩ box, alternating projections end inside). */
    double[] project(double[] x);

    /** A random member of the set. */
    double[] sample(Random random);

    /**
     * The part of the set inside {@code box}, for searches that split the bounding box: a set
     * containing this ∩ box (exactly it, or slightly more where rounding leaves the boundary
     * unclear), or empty when the intersection is provably empty. Not modified: box.
     */
    Optional<InputSet> restrict(Box box);
}
