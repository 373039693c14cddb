package org.reluscope.verify.bab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.reluscope.bounds.AlphaCrown;
import org.reluscope.bounds.BoundOptions;
import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.LayerBounds;
import org.reluscope.bounds.ReluSplits;
import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.bounds.ViolationLp;
import org.reluscope.input.InputSet;
import org.reluscope.net.Activation;
import org.reluscope.net.Network;
import org.reluscope.spec.LinearConstraints;
import org.reluscope.verify.Witness;
import org.reluscope.verify.WitnessCheck;

/**
 * What branch-and-bound does at one node of one disjunct (input set, unsafe { y : A y ≤ b }),
 * cheap before expensive:
 * <ol>
 *   <li>CROWN bounds under the node's splits, seeded with the parent's bounds (at the root:
 *       α-CROWN's, whose second-layer bounds on mnistfc match the triangle LP's at a
 *       twentieth of its cost, and which every node inherits); a split set proven empty
 *       prunes the node;</li>
 *   <li>for each row, the CROWN lower bound of a_i·y (only the final back-substitution, over
 *       the node's layers): one above b_i prunes the node;</li>
 *   <li>for the row closest to a proof, the α,β-CROWN bound (slopes and split multipliers
 *       optimised for this node): above b_i it prunes the node, and the input where its linear
 *       form is lowest is checked as a witness;</li>
 *   <li>where it may pay ({@link LpUsage}), the LP over the triangle relaxation of all rows
 *       together ({@link ViolationLp}): a rigorous bound above 0 prunes the node; its
 *       minimiser is checked as a witness, and on every {@value #WITNESS_PERIOD}th level so is
 *       the minimiser of the exact LP over the candidate's linear region;</li>
 *   <li>otherwise the node branches on the neuron {@link BranchingScore} prefers, the child
 *       whose phase the latest candidate is in first (where a counterexample is likeliest) —
 *       or, when every ReLU is already stable, the node is stuck: the LP is exact but its
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
    /** Root bounds: intermediate bounds as tight as the triangle LP's, for a fraction of its cost. */
    private final AlphaCrown rootAlpha = new AlphaCrown(ROOT_ITERATIONS, RATE);
    /** Node objectives: fewer steps, since a node is bounded thousands of times. */
    private final AlphaCrown nodeAlpha = new AlphaCrown(NODE_ITERATIONS, RATE);
    private static final int ROOT_ITERATIONS = 30;
    private static final int NODE_ITERATIONS = 20;
    private static final double RATE = 0.1;
    /** Depths (split counts) at which the LP runs whatever the margin, for its candidate witness. */
    static final int WITNESS_PERIOD = 6;

    /** What became of a node. */
    sealed interface Step {
        /** No input of the node reaches the unsafe set (proven). */
        record Pruned() implements Step {
        }

        /** A checked counterexample. */
        record Found(Witness witness) implements Step {
        }

        /** Every ReLU is fixed, yet neither a proof nor a checked witness came out. */
        record Stuck() implements Step {
        }

        /** The two children, {@code first} to be searched first. */
        record Branch(BabNode first, BabNode second) implements Step {
        }
    }

    NodeBounder(Network network, InputSet set, LinearConstraints unsafe) {
        this.network = network;
        this.set = set;
        this.unsafe = unsafe;
        this.a = unsafe.a();
        this.b = unsafe.b();
    }

    /** α-CROWN bounds on the root (no splits): what every node starts from and every worker's LP session is built on. */
    Bounds rootBounds() {
        return rootAlpha.compute(network, set);
    }

    /** Opens an LP session for this disjunct on the root bounds. */
    ViolationLp.Session openLp(ViolationLp lp, Bounds root) {
        return lp.open(network, set, root, a, b);
    }

    /**
     * @param usage when the LP may run ({@link LpUsage}); at leaves (every ReLU fixed: the LP is
     *              exact) it always does, and on every {@value #WITNESS_PERIOD}th level it hunts
     *              for a witness when the usage allows
     * @param lps   the calling worker's LP session, opened on first use
     */
    Step evaluate(BabNode node, LpUsage usage, Supplier<ViolationLp.Session> lps) {
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
        AlphaCrown.Attained alpha = nodeAlpha.upperBoundAt(network, set, negated(a[focus]), reuse);
        double alphaMargin = -alpha.bound() - b[focus];
        bestMargin = Math.max(bestMargin, alphaMargin);
        if (alphaMargin > 0) {
            return new Step.Pruned();
        }
        double[] candidate = alpha.input();
        Optional<Witness> cheap = WitnessCheck.check(network, set, unsafe, candidate);
        if (cheap.isPresent()) {
            return new Step.Found(cheap.get());
        }
        Optional<BranchingScore.Neuron> pick = BranchingScore.best(network, bounds, a[focus]);
        boolean lpRan = false;
        boolean hunting = node.splits().size() % WITNESS_PERIOD == 0;
        if (pick.isEmpty() || (hunting && usage.mayHunt()) || usage.mayPrune(bestMargin)) {
            long t0 = System.nanoTime();
            ViolationLp.Result relaxed = lps.get().minimise(bounds);
            usage.record(relaxed.lowerBound() - bestMargin, System.nanoTime() - t0);
            if (relaxed.proves()) {
                return new Step.Pruned();
            }
            if (relaxed.minimiser().length > 0) {
                candidate = relaxed.minimiser();
                lpRan = true;
            }
        }
        if (lpRan) {
            Optional<Witness> witness = WitnessCheck.check(network, set, unsafe, candidate);
            if (witness.isEmpty() && hunting && pick.isPresent()) {
                witness = regionWitness(bounds, candidate, lps.get());
            }
            if (witness.isPresent()) {
                return new Step.Found(witness.get());
            }
        }
        if (pick.isEmpty()) {
            return new Step.Stuck();
        }
        return branch(node, bounds, pick.get(), candidate);
    }

    private static double[] negated(double[] c) {
        double[] n = new double[c.length];
        for (int j = 0; j < c.length; j++) {
            n[j] = -c[j];
        }
        return n;
    }

    /**
     * The LP on the linear region of the candidate (every ReLU the node leaves open fixed to
     * the candidate's phase): that LP is exact, so its minimiser is a real point of the region
     * whose output attains the LP value — a counterexample whenever the region reaches the
     * unsafe set. The fixed bounds are not sound for the node, so the result serves only as a
     * witness, which {@link WitnessCheck} must still accept.
     */
    private Optional<Witness> regionWitness(Bounds bounds, double[] candidate,
                                                           ViolationLp.Session session) {
        double[][] z = network.preActivations(set.project(candidate));
        List<LayerBounds> fixed = new ArrayList<>();
        for (int l = 0; l < network.layerCount(); l++) {
            double[] lo = bounds.layer(l).lower();
            double[] hi = bounds.layer(l).upper();
            Activation act = network.layer(l).activation();
            for (int j = 0; j < lo.length; j++) {
                if (act == Activation.RELU && lo[j] < 0 && hi[j] > 0) {
                    if (z[l][j] >= 0) {
                        lo[j] = 0;
                    } else {
                        hi[j] = 0;
                    }
                }
            }
            fixed.add(LayerBounds.of(lo, hi, act));
        }
        ViolationLp.Result exact = session.minimise(Bounds.of("pattern", network, fixed));
        double[] x = exact.minimiser();
        return x.length == 0 ? Optional.empty() : WitnessCheck.check(network, set, unsafe, x);
    }

    private Step branch(BabNode node, Bounds bounds, BranchingScore.Neuron n, double[] candidate) {
        boolean activeFirst = candidate.length > 0
                && network.preActivations(set.project(candidate))[n.layer()][n.index()] >= 0;
        BabNode active = node.child(bounds.layers(), n.layer(), n.index(), ReluSplits.Phase.ACTIVE);
        BabNode inactive = node.child(bounds.layers(), n.layer(), n.index(), ReluSplits.Phase.INACTIVE);
        return activeFirst ? new Step.Branch(active, inactive) : new Step.Branch(inactive, active);
    }
}
