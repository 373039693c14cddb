package org.reluscope.local;

/**
 * Whether the ball around a point keeps its label, and how far certification reaches.
 *
 * @param label           the label checked (the given one, or the predicted class)
 * @param answer          the verifier's answer for the ball of the analysis radius:
 *                        {@code unsat} (certified), {@code sat}, {@code unknown} or {@code timeout}
 * @param certifiedRadius the largest radius proven robust by the bisection (a sound lower bound
 *                        on the true robust radius; 0 when none was proven), NaN without a search
 * @param refutedRadius   the smallest radius at which a checked counterexample was found (an
 *                        upper bound on the robust radius), +∞ when none was found
 */
public record Certification(int label, String answer, double certifiedRadius, double refutedRadius) {
    /** Whether the ball of the analysis radius is proven to keep the label. */
    public boolean certified() {
        return answer.equals("unsat");
    }
}
