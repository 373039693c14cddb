package org.reluscope.symmetry;

import org.reluscope.net.Network;

/**
 * Functional equivalence of two networks.
 *
 * <p>Shallow networks on all of ℝⁿ: equal exactly when their canonical forms agree (within τ,
 * see {@link CanonicalForm}). When they do not, the canonical form of the difference network
 * ({@link NetworkDifference}) locates a kink or an affine part where the outputs differ and
 * {@link KinkWitness} turns it into a witness; if even that difference stays within τ the answer
 * is {@code unknown}.
 */
public final class Equivalence {
    private static final long WITNESS_SEED = 0x5eed;

    private Equivalence() {
    }

    /**
     * Decides f₁ = f₂ on ℝⁿ for shallow networks.
     *
     * @throws IllegalArgumentException if a network is not shallow or the shapes differ
     */
    public static EquivalenceVerdict onRn(Network f1, Network f2, SymmetryOptions options) {
        double tol = options.tolerance();
        CanonicalForm a = CanonicalForm.of(f1, tol);
        CanonicalForm b = CanonicalForm.of(f2, tol);
        if (a.inputSize() != b.inputSize() || a.outputSize() != b.outputSize()) {
            throw new IllegalArgumentException("networks have shapes " + a.inputSize() + "→" + a.outputSize()
                    + " and " + b.inputSize() + "→" + b.outputSize());
        }
        if (a.agreesWith(b, tol)) {
            return new EquivalenceVerdict.Equivalent("canonical forms agree within " + tol, 0);
        }
        CanonicalForm difference = CanonicalForm.of(NetworkDifference.of(f1, f2), tol);
        return Witnesses.best(f1, f2, KinkWitness.candidates(difference, WITNESS_SEED), tol)
                .<EquivalenceVerdict>map(d -> d)
                .orElseGet(() -> new EquivalenceVerdict.Unknown("the canonical forms differ by more than " + tol
                        + " but no input was found where the outputs differ by more than " + tol));
    }
}
