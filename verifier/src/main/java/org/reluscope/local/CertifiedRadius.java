package org.reluscope.local;

import org.reluscope.input.Box;
import org.reluscope.net.Network;
import org.reluscope.spec.Property;
import org.reluscope.verify.Verdict;
import org.reluscope.verify.Verifier;
import org.reluscope.verify.Witness;

/**
 * Robustness of a point's label on balls around it, and the largest certified radius by
 * bisection on [0, maxRadius].
 *
 * <p>Robustness is monotone in the radius (a smaller ball lies inside a larger one), so a
 * proof ({@code unsat}) at r certifies every radius below r and a checked counterexample
 * ({@code sat}) at r refutes every radius above. The bisection keeps lo = the largest radius
 * proven and hi = the smallest radius not proven; an {@code unknown} or {@code timeout} is
 * treated like a failure to prove (hi moves down), so the reported certified radius is always
 * backed by a proof, never by a guess.
 */
public final class CertifiedRadius {
    private final Verifier verifier;
    private final Network network;
    private final DistanceNorm norm;
    private final Box domain;

    /**
     * @param domain the box every input is kept in (e.g. pixels in [0, 1]), or {@code null}
     */
    public CertifiedRadius(Verifier verifier, Network network, DistanceNorm norm, Box domain) {
        this.verifier = verifier;
        this.network = network;
        this.norm = norm;
        this.domain = domain;
    }

    /** The verdict on the ball of radius r around x. Not modified: x. */
    public Verdict verdict(double[] x, int label, double r) {
        Property robust = Property.robustness(Balls.around(x, norm, r, domain), network.outputSize(), label);
        return verifier.verify(network, robust).verdict();
    }

    /**
     * The answer at {@code radius} and, when {@code maxRadius} &gt; 0, the bisection over
     * [0, maxRadius] with {@code steps} halvings. Not modified: x.
     */
    public Certification certify(double[] x, int label, double radius, double maxRadius, int steps) {
        Verdict atRadius = verdict(x, label, radius);
        if (!(maxRadius > 0)) {
            return new Certification(label, atRadius.answer(), Double.NaN, refuted(atRadius, radius, Double.POSITIVE_INFINITY));
        }
        double refuted = refuted(atRadius, radius, Double.POSITIVE_INFINITY);
        double lo = 0;
        double hi = maxRadius;
        if (atRadius instanceof Verdict.Unsat) {
            if (radius >= maxRadius) {
                return new Certification(label, atRadius.answer(), maxRadius, refuted);
            }
            lo = radius;
        } else if (radius <= maxRadius) {
            hi = radius;
        }
        if (hi == maxRadius && radius != maxRadius) {
            Verdict atMax = verdict(x, label, maxRadius);
            if (atMax instanceof Verdict.Unsat) {
                return new Certification(label, atRadius.answer(), maxRadius, refuted);
            }
            refuted = refuted(atMax, maxRadius, refuted);
        }
        for (int s = 0; s < steps && hi > lo; s++) {
            double mid = 0.5 * (lo + hi);
            Verdict v = verdict(x, label, mid);
            if (v instanceof Verdict.Unsat) {
                lo = mid;
            } else {
                hi = mid;
                refuted = refuted(v, mid, refuted);
            }
        }
        return new Certification(label, atRadius.answer(), lo, refuted);
    }

    private static double refuted(Verdict v, double r, double previous) {
        return v instanceof Witness ? Math.min(previous, r) : previous;
    }
}
