package org.reluscope.bounds;

/**
 * The free parameters of one back-substitution bound (α-CROWN, β-CROWN): any choice gives a
 * valid bound, so they can be optimised freely.
 * <ul>
 *   <li>α_{l,j} ∈ [0, 1]: the lower line σ(z) ≥ α z of an unstable ReLU (l &lt; 0 &lt; u),
 *       valid for every α in [0, 1] (CROWN fixes α to 0 or 1);</li>
 *   <li>β_{l,j} ≥ 0: the Lagrange multiplier of the sign constraint s·z_{l,j} ≥ 0 of a split
 *       neuron (s = +1 active, −1 inactive): on the split set, objective ≤ objective + β s z,
 *       and the added term, substituted down to the input, is concretised over the whole set
 *       — where it pays when the split excludes much of the set.</li>
 * </ul>
 * Entries of other neurons are ignored; {@link BackSubstitution} clamps α into [0, 1] and
 * ignores β ≤ 0, so even a bad optimiser cannot make a bound unsound. Arrays are owned by the
 * record (not copied: a hot-path value passed between two classes of this package).
 *
 * @param alpha per layer, per neuron lower slopes
 * @param beta  per layer, per neuron split multipliers
 */
record RelaxationParameters(double[][] alpha, double[][] beta) {
}
