package org.reluscope.verify.bab;

import java.util.Optional;

import org.reluscope.bounds.BoundOptions;
import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.ReluSplits;
import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.bounds.ViolationLp;
import org.reluscope.input.InputSet;
import org.reluscope.net.Network;
import org.reluscope.spec.LinearConstraints;
import org.reluscope.verify.DisjunctOutcome;
import org.reluscope.verify.WitnessCheck;

/**
 * What branch-and-bound does at one node of one disjunct (input set, unsafe { y : A y ≤ b }),
 * cheap before expensive:
 * <ol>
 *   <li>CROWN bounds under the node's splits, seeded with the parent's bounds; a split set
 *       proven empty prunes the node;</li>
 *   <li>for each row, the CROWN lower bound of a_i·y (only the final back-substitution, over
 *       the node's layers): one above b_i prunes the node;</li>
 *   <li>the LP over the triangle relaxation of all rows together ({@link ViolationLp}): a
 *       rigorous bound above 0 prunes the node; its minimiser is checked as a witness;</li>
 *   <li>otherwise the node branches on the neuron {@link BranchingScore} prefers, the child
 *       whose phase the LP minimiser is in first (where a counterexample is likeliest) — or,
 *       when every ReLU is already stable, the node is stuck: the LP is exact but its
 *       minimiser failed the double-precision witness check.</li>
 * </ol>
 * Thread-safe: the bound methods are, and the node holds no state.
 */
final class NodeBounder {
    private final Network network;
    private final InputSet set;
    private final LinearConstraints unsafe;
    private final double[][] a;
    private final double[] b;
    private final SymbolicPropagation crown = new SymbolicPropagation();
    private final ViolationLp lp;

    /** What became of a node. */
    sealed interface Step {
        /** No input of the node reaches the unsafe set (proven). */
        record Pruned() implements Step {
        }

        /** A checked counterexample. */
        record Found(DisjunctOutcome.Violated witness) implements Step {
        }

        /** Every ReLU is fixed, yet neither a proof nor a checked witness came out. */
        record Stuck() implements Step {
        }

        /** The two children, {@code first} to be searched first. */
        record Branch(BabNode first, BabNode second) implements Step {
        }
    }

    NodeBounder(Network network, InputSet set, LinearConstraints unsafe, ViolationLp lp) {
        this.network = network;
        this.set = set;
        this.unsafe = unsafe;
        this.a = unsafe.a();
        this.b = unsafe.b();
        this.lp = lp;
    }

    Step evaluate(BabNode node) {
        ReluSplits splits = node.splits();
        Bounds bounds = crown.compute(network, set, node.boundOptions());
        if (bounds.empty()) {
            return new Step.Pruned();
        }
        BoundOptions reuse = BoundOptions.reusing(bounds, splits);
        int focus = 0;
        double bestMargin = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            double margin = crown.lowerBound(network, set, a[i], reuse) - b[i];
            if (margin > 0) {
                return new Step.Pruned();
            }
            if (margin > bestMargin) {
                bestMargin = margin;
                focus = i;
            }
        }
        ViolationLp.Result relaxed = lp.minimise(network, set, bounds, splits, a, b);
        if (relaxed.proves()) {
            return new Step.Pruned();
        }
        double[] candidate = relaxed.minimiser();
        if (candidate.length > 0) {
            Optional<DisjunctOutcome.Violated> witness = WitnessCheck.check(network, set, unsafe, candidate);
            if (witness.isPresent()) {
                return new Step.Found(witness.get());
            }
        }
        Optional<BranchingScore.Neuron> pick = BranchingScore.best(network, bounds, a[focus]);
        if (pick.isEmpty()) {
            return new Step.Stuck();
        }
        return branch(node, bounds, pick.get(), candidate);
    }

    private Step branch(BabNode node, Bounds bounds, BranchingScore.Neuron n, double[] candidate) {
        boolean activeFirst = candidate.length > 0
                && network.preActivations(set.project(candidate))[n.layer()][n.index()] >= 0;
        BabNode active = node.child(bounds.layers(), n.layer(), n.index(), ReluSplits.Phase.ACTIVE);
        BabNode inactive = node.child(bounds.layers(), n.layer(), n.index(), ReluSplits.Phase.INACTIVE);
        return activeFirst ? new Step.Branch(active, inactive) : new Step.Branch(inactive, active);
    }
}
