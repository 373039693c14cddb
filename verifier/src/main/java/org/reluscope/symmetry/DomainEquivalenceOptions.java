package org.reluscope.symmetry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.reluscope.bounds.OutputBounder;
import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.bounds.TriangleRelaxation;
import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpSolvers;
import org.reluscope.verify.DisjunctSearch;
import org.reluscope.verify.bab.ReluSplitSearch;

/**
 * Settings of {@link Equivalence#onDomain}.
 *
 * @param tolerance outputs within τ count as equal: {@code equivalent} proves |f₁ − f₂| &lt; τ on
 *                  the domain, {@code different} shows an input where they differ by more
 * @param ascent    the witness search run before any proof is attempted
 * @param differential the bound methods whose pre-activation bounds the differential proof
 *                  along matched units ({@link AlignedDifference}) uses, tried in turn before the
 *                  complete searches: it proves a network and its simplification equivalent in
 *                  milliseconds (crown) or seconds (lp, for networks simplified with lp bounds)
 *                  where the searches time out. Empty only to measure or test the searches
 * @param searches  complete searches deciding "d_j ≥ τ" or "d_j ≤ −τ" for d = f₁ − f₂ where
 *                  crown leaves it open, each tried only when the ones before it gave up for a
 *                  reason other than time (e.g. the same search on another LP solver, which
 *                  may settle a degenerate leaf LP that the first could not). ReLU-phase branch
 *                  and bound suits equivalence at every input dimension: its leaves fix every
 *                  phase, so d is affine there and an LP bounds it exactly, whereas input
 *                  splitting needs boxes of width about τ along every hyperplane the two
 *                  networks share
 * @param timeout   the budget of the differential phases (none starts after it) and the searches together
 */
public record DomainEquivalenceOptions(double tolerance, DifferenceAscent ascent, List<OutputBounder> differential,
                                       List<DisjunctSearch> searches, Duration timeout) {
    public DomainEquivalenceOptions {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a finite number ≥ 0, got " + tolerance);
        }
        Objects.requireNonNull(ascent);
        differential = List.copyOf(differential);
        searches = List.copyOf(searches);
        if (searches.isEmpty()) {
            throw new IllegalArgumentException("at least one search is needed");
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
    }

    /**
     * Tolerance τ, the default ascent, differential bounds from crown then lp (the units an
     * lp-simplified network dropped are proven inactive only by lp), and ReLU-phase branch and
     * bound with {@code threads} workers, stopped by the timeout only: on the default LP
     * solver, then on CLP where GLOP left a leaf undecided (measured: a simplified random
     * network whose equivalence GLOP's leaf LP could not settle, CLP and ojAlgo proved).
     */
    public static DomainEquivalenceOptions of(double tolerance, Duration timeout, int threads) {
        return new DomainEquivalenceOptions(tolerance, DifferenceAscent.DEFAULT, List.of(new SymbolicPropagation(),
                new TriangleRelaxation(LpSolvers.defaultLp(LpOptions.DEFAULT))), List.of(
                new ReluSplitSearch(LpSolvers.defaultLp(LpOptions.DEFAULT), threads, Long.MAX_VALUE),
                new ReluSplitSearch(LpSolvers.create("clp"), threads, Long.MAX_VALUE)), timeout);
    }

    /** The same settings with another witness search. */
    public DomainEquivalenceOptions withAscent(DifferenceAscent newAscent) {
        return new DomainEquivalenceOptions(tolerance, newAscent, differential, searches, timeout);
    }

    /** The same settings without differential bounds: crown on f₁ − f₂, then the searches. */
    public DomainEquivalenceOptions withoutDifferential() {
        return new DomainEquivalenceOptions(tolerance, ascent, List.of(), searches, timeout);
    }
}
