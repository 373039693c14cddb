package org.reluscope.symmetry;

import java.util.List;

import org.reluscope.input.InputSet;
import org.reluscope.net.Network;

/**
 * Functional equivalence of two networks.
 *
 * <p>Shallow networks on all of ℝⁿ: equal exactly when their canonical forms agree (within τ,
 * see {@link CanonicalForm}). When they do not, the canonical form of the difference network
 * ({@link NetworkDifference}) locates a kink or an affine part where the outputs differ and
 * {@link KinkWitness} turns it into a witness; if even that difference stays within τ the answer
 * is {@code unknown}.
 *
 * <p>Any networks on a bounded domain D: with d = f₁ − f₂ as one network, first a witness is
 * sought ({@link DifferenceAscent}); then sound bounds on d over D prove equivalence when they
 * lie within [−τ, τ].
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
            return new EquivalenceVerdict.Equivalent("canonical forms agree within " + tol, Double.NaN);
        }
        CanonicalForm difference = CanonicalForm.of(NetworkDifference.of(f1, f2), tol);
        return Witnesses.best(f1, f2, KinkWitness.candidates(difference, WITNESS_SEED), tol)
                .<EquivalenceVerdict>map(d -> d)
                .orElseGet(() -> new EquivalenceVerdict.Unknown("the canonical forms differ by more than " + tol
                        + " but no input was found where the outputs differ by more than " + tol));
    }

    /**
     * Decides f₁ = f₂ on D within τ: {@code different} with a witness of D whose outputs differ
     * by more than τ, {@code equivalent} when sound bounds on f₁ − f₂ over D lie within [−τ, τ].
     *
     * @throws IllegalArgumentException if the shapes differ from each other or from the domain
     */
    public static EquivalenceVerdict onDomain(Network f1, Network f2, InputSet domain, double tolerance,
                                              DifferenceAscent ascent) {
        Network d = NetworkDifference.of(f1, f2);
        if (domain.dimension() != d.inputSize()) {
            throw new IllegalArgumentException("domain has dimension " + domain.dimension() + " but the networks take "
                    + d.inputSize() + " inputs");
        }
        var witness = Witnesses.best(f1, f2, List.of(ascent.search(d, domain)), tolerance);
        if (witness.isPresent()) {
            return witness.get();
        }
        double[][][] bounds = IntervalBounds.of(d, domain);
        double bound = 0;
        for (int i = 0; i < d.outputSize(); i++) {
            bound = Math.max(bound, Math.max(-bounds[0][d.layerCount() - 1][i], bounds[1][d.layerCount() - 1][i]));
        }
        if (bound <= tolerance) {
            return new EquivalenceVerdict.Equivalent("interval bounds on f1 - f2", bound);
        }
        return new EquivalenceVerdict.Unknown("no input found where the outputs differ by more than " + tolerance
                + ", and the bounds on f1 - f2 reach " + bound);
    }
}
