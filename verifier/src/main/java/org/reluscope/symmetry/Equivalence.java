package org.reluscope.symmetry;

import java.util.ArrayList;
import java.util.List;

import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.OutputBounder;
import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.input.InputSet;
import org.reluscope.net.Network;
import org.reluscope.spec.LinearConstraints;
import org.reluscope.verify.Deadline;
import org.reluscope.verify.DisjunctOutcome;
import org.reluscope.verify.DisjunctSearch;
import org.reluscope.verify.Witness;

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
 * sought ({@link DifferenceAscent}), then crown bounds on d over D, then differential bounds
 * along matched units, then a complete search decides whether |d_j| ≥ τ is reachable for some
 * output j.
 */
public final class Equivalence {
    private static final long WITNESS_SEED = 0x5eed;
    /** The proof method of {@link AlignedDifference}, as reported. */
    public static final String DIFFERENTIAL = "differential bounds along matched units";

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
     * Decides f₁ = f₂ on D within τ, exactly up to the search's budget:
     * <ol>
     *   <li>a witness search on d = f₁ − f₂ ({@link DifferenceAscent});</li>
     *   <li>crown bounds on every d_j over D — done if they lie within (−τ, τ);</li>
     *   <li>differential bounds along units the two networks share ({@link AlignedDifference}):
     *       done if they prove |d| &lt; τ, which they do for a network and its simplification on D;</li>
     *   <li>otherwise the complete search decides, for each output j and side that crown left
     *       open, whether d_j ≥ τ (or d_j ≤ −τ) is reachable on D: proven unreachable on every
     *       side means |d| &lt; τ on D; a reachable side gives an input that is re-evaluated
     *       through f₁ and f₂ separately and reported only if their outputs differ by more than
     *       τ there.</li>
     * </ol>
     *
     * @throws IllegalArgumentException if the shapes differ from each other or from the domain
     */
    public static EquivalenceVerdict onDomain(Network f1, Network f2, InputSet domain, DomainEquivalenceOptions options) {
        Network d = NetworkDifference.of(f1, f2);
        if (domain.dimension() != d.inputSize()) {
            throw new IllegalArgumentException("domain has dimension " + domain.dimension() + " but the networks take "
                    + d.inputSize() + " inputs");
        }
        double tol = options.tolerance();
        // the budget covers the differential phases too (an lp phase takes 10–20 s on ACAS Xu);
        // a phase is not started once it has run out, and the searches get what is left
        Deadline deadline = Deadline.in(options.timeout());
        var witness = Witnesses.best(f1, f2, List.of(options.ascent().search(d, domain)), tol);
        if (witness.isPresent()) {
            return witness.get();
        }
        SymbolicPropagation crown = new SymbolicPropagation();
        Bounds bounds = crown.compute(d, domain);
        double bound = 0;
        List<LinearConstraints> open = new ArrayList<>();
        for (int j = 0; j < d.outputSize(); j++) {
            bound = Math.max(bound, Math.max(-bounds.outputLower(j), bounds.outputUpper(j)));
            if (bounds.outputUpper(j) >= tol) {
                open.add(LinearConstraints.of(unit(d.outputSize(), j, -1), -tol));
            }
            if (bounds.outputLower(j) <= -tol) {
                open.add(LinearConstraints.of(unit(d.outputSize(), j, 1), -tol));
            }
        }
        if (open.isEmpty()) {
            return new EquivalenceVerdict.Equivalent(crown.name() + " bounds on f1 - f2", bound);
        }
        for (OutputBounder bounder : options.differential()) {
            if (deadline.expired()) {
                break;
            }
            double aligned = AlignedDifference.bound(f1, f2, domain, UnitMatcher.DEFAULT, bounder);
            if (aligned < tol) {
                return new EquivalenceVerdict.Equivalent(DIFFERENTIAL + " (" + bounder.name() + " phases)", aligned);
            }
        }
        for (LinearConstraints side : open) {
            DisjunctOutcome outcome = decideSide(d, domain, side, options.searches(), deadline);
            if (outcome instanceof Witness v) {
                return Witnesses.best(f1, f2, List.of(v.input()), tol).<EquivalenceVerdict>map(w -> w)
                        .orElseGet(() -> new EquivalenceVerdict.Unknown("the search's witness differs by only "
                                + Witnesses.difference(f1, f2, v.input()) + " when re-evaluated through both networks"));
            }
            if (outcome instanceof DisjunctOutcome.Undecided u) {
                return new EquivalenceVerdict.Unknown(u.timedOut()
                        ? "timeout after " + options.timeout().toMillis() / 1e3 + " s" : u.reason());
            }
        }
        return new EquivalenceVerdict.Equivalent(options.searches().get(0).name() + " on |f1 - f2| >= " + tol
                + " per output (crown bounds where they sufficed)", tol);
    }

    /** The first search's outcome that is not "undecided for a reason other than time". */
    private static DisjunctOutcome decideSide(Network d, InputSet domain, LinearConstraints side,
                                              List<DisjunctSearch> searches, Deadline deadline) {
        DisjunctOutcome outcome = null;
        for (DisjunctSearch search : searches) {
            outcome = search.search(d, domain, side, deadline);
            if (!(outcome instanceof DisjunctOutcome.Undecided u) || u.timedOut()) {
                return outcome;
            }
        }
        return outcome;
    }

    /** s·e_j in ℝⁿ. */
    private static double[] unit(int n, int j, double s) {
        double[] e = new double[n];
        e[j] = s;
        return e;
    }
}
