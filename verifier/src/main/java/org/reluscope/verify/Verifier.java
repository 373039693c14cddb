package org.reluscope.verify;

import java.util.List;
import java.util.Map;

import org.reluscope.bounds.BoundOptions;
import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.input.InputSet;
import org.reluscope.net.Network;
import org.reluscope.spec.LinearConstraints;
import org.reluscope.spec.Property;

/**
 * Decides a VNN-LIB property: the property holds (unsat) when every disjunct is proven
 * unreachable, and is violated (sat) as soon as one disjunct has a checked witness.
 * Disjuncts are grouped by input set so that work on one set is shared.
 *
 * <p>Current pipeline per disjunct: the centre of the input set as a candidate witness, then
 * symbolic bounds (crown) on each unsafe row a·y ≤ b — a row whose lower bound of a·y
 * exceeds b everywhere on the set excludes the whole disjunct.
 */
public final class Verifier {
    private final VerifierOptions options;
    private final SymbolicPropagation crown = new SymbolicPropagation();

    public Verifier(VerifierOptions options) {
        this.options = options;
    }

    public VerificationResult verify(Network network, Property property) {
        long start = System.nanoTime();
        Deadline deadline = Deadline.in(options.timeout());
        Verdict verdict = decide(network, property, deadline);
        return new VerificationResult(verdict, (System.nanoTime() - start) * 1e-9);
    }

    private Verdict decide(Network network, Property property, Deadline deadline) {
        boolean timedOut = false;
        boolean undecided = false;
        for (Map.Entry<InputSet, List<LinearConstraints>> group : property.byInputSet().entrySet()) {
            for (LinearConstraints unsafe : group.getValue()) {
                if (deadline.expired()) {
                    return new Verdict.Timeout();
                }
                DisjunctOutcome outcome = decideDisjunct(network, group.getKey(), unsafe);
                if (outcome instanceof DisjunctOutcome.Violated v) {
                    return new Verdict.Sat(v.input(), v.output());
                }
                if (outcome instanceof DisjunctOutcome.Undecided u) {
                    undecided = true;
                    timedOut |= u.timedOut();
                }
            }
        }
        if (timedOut) {
            return new Verdict.Timeout();
        }
        return undecided ? new Verdict.Unknown("bounds too loose; no complete search applies") : new Verdict.Unsat("crown");
    }

    private DisjunctOutcome decideDisjunct(Network network, InputSet input, LinearConstraints unsafe) {
        var witness = WitnessCheck.check(network, input, unsafe, input.boundingBox().center());
        if (witness.isPresent()) {
            return witness.get();
        }
        for (int i = 0; i < unsafe.rowCount(); i++) {
            if (crown.lowerBound(network, input, unsafe.row(i), BoundOptions.DEFAULT) > unsafe.rhs(i)) {
                return new DisjunctOutcome.Proved(crown.name());
            }
        }
        return new DisjunctOutcome.Undecided("crown bounds do not exclude the unsafe set", false);
    }
}
