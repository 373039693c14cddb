package org.reluscope.symmetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.OutputBounder;
import org.reluscope.bounds.TriangleRelaxation;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpSolvers;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.numeric.Vectors;

/**
 * {@link AlignedDifference}: its bound is never below the true max ‖f₁ − f₂‖_∞ (lower
 * estimates from 100 000 samples, the witness ascent and, where the difference is large
 * enough for it, the big-M MILP), and it is tiny for simplifications that fold layers and merge
 * scaled duplicates — the cases where weights are recomputed rather than copied.
 */
class AlignedDifferenceTest {
    private static final double TOL = 1e-9;
    /**
     * What double-precision evaluation can add to a difference of outputs of size about 1: the
     * bound is on the exact networks and can be tight (a change in the first layer alone).
     */
    private static final double EVALUATION_SLACK = 1e-14;

    /**
     * Random deep networks with a layer pushed into the active phase on the box (so that
     * simplify composes it with the next) and a unit doubled at scale 2.5 (so that it merges
     * the copy with μ ≠ 1): proven within 1e-9 by differential bounds, and the bound covers
     * the sampled difference, which is not 0 since the folded weights were rounded. With no
     * budget left the proof is not attempted (unknown).
     */
    @Test
    void simplificationsThatFoldAndMergeAreProvenEquivalent() {
        Random random = new Random(11);
        int roundedApart = 0;
        for (int seed = 0; seed < 5; seed++) {
            double[] centre = {0.3 * random.nextGaussian(), 0.3 * random.nextGaussian(), 0.3 * random.nextGaussian()};
            Box box = Box.linf(centre, 0.3);
            Network f = withScaledTwin(withActiveLayer(RandomNetworks.relu(seed, 0.5, 3, 8, 8, 8, 8, 2), 2), centre, 2.5);
            Simplification s = Simplifier.simplify(f, box, SimplifierTest.CROWN, 1e-12);
            Network g = s.network();
            assertTrue(g.layerCount() < f.layerCount(), "a layer was folded: " + g);
            assertTrue(s.layers().get(0).duplicates() >= 1, "the twin was merged: " + s.layers());
            double bound = AlignedDifference.bound(f, g, box, UnitMatcher.DEFAULT, SimplifierTest.CROWN);
            double sampled = sampledMaxDifference(f, g, box, 100_000, seed);
            assertTrue(bound < TOL && sampled <= bound + EVALUATION_SLACK, "bound " + bound + ", sampled " + sampled);
            roundedApart += sampled > 0 ? 1 : 0;
            EquivalenceVerdict v = Equivalence.onDomain(g, f, box, DomainEquivalenceOptions.of(TOL, Duration.ofSeconds(5), 1));
            assertTrue(v instanceof EquivalenceVerdict.Equivalent e && e.method().startsWith(Equivalence.DIFFERENTIAL)
                    && e.differenceBound() < TOL, v::toString);
            // the budget covers the differential phases: once spent, none starts
            EquivalenceVerdict spent = Equivalence.onDomain(g, f, box, DomainEquivalenceOptions.of(TOL, Duration.ZERO, 1));
            assertTrue(spent instanceof EquivalenceVerdict.Unknown, spent::toString);
        }
        assertTrue(roundedApart >= 3, "only " + roundedApart + " simplifications differ from the original at all");
    }

    /**
     * Same architecture, one weight changed by 0.05, compared along the identity alignment: the
     * bound is at least the MILP's maximum difference; and changed by 1e-9 relative, the matcher
     * still pairs every unit and the bound covers what sampling and the ascent find.
     */
    @Test
    void perturbedWeightsAreBoundedFromAbove() {
        Random random = new Random(3);
        int visible = 0;
        for (int seed = 0; seed < 4; seed++) {
            Network f = RandomNetworks.relu(seed, 0.5, 2, 6, 6, 2);
            Box box = Box.linf(new double[] {random.nextGaussian(), random.nextGaussian()}, 0.4);
            Network g = perturbed(f, 1, random.nextInt(36), 0.05);
            double milp = ExactDomainEquivalenceTest.milpMaxDifference(f, g, box);
            double identity = along(f, g, box, identityAlignment(f));
            assertTrue(Double.isFinite(identity) && identity >= milp - 1e-6, "bound " + identity + ", MILP " + milp);

            Network h = perturbed(f, 0, random.nextInt(12), 1e-9 * (1 + seed));
            double bound = AlignedDifference.bound(f, h, box, UnitMatcher.DEFAULT, SimplifierTest.CROWN);
            double[] climbed = DifferenceAscent.DEFAULT.search(NetworkDifference.of(f, h), box);
            double found = Math.max(sampledMaxDifference(f, h, box, 20_000, seed), Witnesses.difference(f, h, climbed));
            assertTrue(Double.isFinite(bound) && found <= bound + EVALUATION_SLACK, "bound " + bound + ", found " + found);
            visible += found > 0 ? 1 : 0;
        }
        assertTrue(visible >= 2, "the tiny change shows in only " + visible + " networks");
    }

    /**
     * Networks simplified with lp bounds drop units that only lp proves inactive: crown's
     * differential bound cannot use them, lp's proves the simplification within 1e-9.
     */
    @Test
    void lpSimplificationsAreProvenWithLpPhases() {
        Random random = new Random(4);
        OutputBounder lp = new TriangleRelaxation(LpSolvers.defaultLp(LpOptions.DEFAULT));
        int beyondCrown = 0;
        for (int seed = 0; seed < 6; seed++) {
            Network f = RandomNetworks.relu(seed, 0.5, 3, 12, 12, 12, 2);
            Box box = Box.linf(ShallowUnits.gaussian(3, random), 0.3);
            Network g = Simplifier.simplify(f, box, lp, 1e-12).network();
            double bound = AlignedDifference.bound(f, g, box, UnitMatcher.DEFAULT, lp);
            assertTrue(bound < TOL, "lp bound " + bound);
            assertTrue(sampledMaxDifference(f, g, box, 20_000, seed) <= bound + EVALUATION_SLACK);
            beyondCrown += AlignedDifference.bound(f, g, box, UnitMatcher.DEFAULT, SimplifierTest.CROWN) < TOL ? 0 : 1;
        }
        assertTrue(beyondCrown >= 1, "lp removed no unit that crown's differential bound needed");
    }

    /** Networks that share no units have no alignment, so the bound says nothing. */
    @Test
    void unrelatedNetworksHaveNoBound() {
        Network f = RandomNetworks.relu(1, 0.5, 2, 6, 6, 2);
        Network g = RandomNetworks.relu(2, 0.5, 2, 6, 6, 2);
        assertEquals(Double.POSITIVE_INFINITY, AlignedDifference.bound(f, g, Box.linf(new double[2], 0.5),
                UnitMatcher.DEFAULT, SimplifierTest.CROWN));
    }

    private static double along(Network f, Network g, Box box, UnitAlignment a) {
        Bounds bf = SimplifierTest.CROWN.compute(f, box);
        Bounds bg = SimplifierTest.CROWN.compute(g, box);
        return AlignedDifference.along(f, bf, g, bg, box, a);
    }

    /** Every hidden unit paired with itself at scale 1. */
    private static UnitAlignment identityAlignment(Network f) {
        int hidden = f.layerCount() - 1;
        int[] layers = new int[hidden];
        int[][] partners = new int[hidden][];
        double[][] scales = new double[hidden][];
        for (int l = 0; l < hidden; l++) {
            layers[l] = l;
            partners[l] = new int[f.layer(l).outputSize()];
            Arrays.setAll(partners[l], i -> i);
            scales[l] = new double[partners[l].length];
            Arrays.fill(scales[l], 1);
        }
        return new UnitAlignment(layers, partners, scales);
    }

    /** max ‖f(x) − g(x)‖_∞ over n random inputs of the set, in double precision. */
    static double sampledMaxDifference(Network f, Network g, InputSet box, int n, long seed) {
        Random random = new Random(seed);
        double max = 0;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, Witnesses.difference(f, g, box.sample(random)));
        }
        return max;
    }

    /** f with weight {@code index} of layer {@code l} changed by δ·(1 + |w|). */
    private static Network perturbed(Network f, int l, int index, double delta) {
        AffineLayer layer = f.layer(l);
        double[] w = layer.weights().clone();
        w[index] += delta * (1 + Math.abs(w[index]));
        List<AffineLayer> layers = new ArrayList<>(f.layers());
        layers.set(l, new AffineLayer(layer.outputSize(), layer.inputSize(), w, layer.bias(), layer.activation()));
        return new Network(layers);
    }

    /** f with 20 added to every bias of hidden layer l: on a small box near the origin all its units are active. */
    private static Network withActiveLayer(Network f, int l) {
        AffineLayer layer = f.layer(l);
        double[] b = layer.bias().clone();
        Arrays.setAll(b, i -> b[i] + 20);
        List<AffineLayer> layers = new ArrayList<>(f.layers());
        layers.set(l, new AffineLayer(layer.outputSize(), layer.inputSize(), layer.weights(), b, Activation.RELU));
        return new Network(layers);
    }

    /**
     * f with a last first-layer unit λ times the unit most active at x (σ(λz) = λσ(z)), read by
     * the next layer with weight 1.
     */
    private static Network withScaledTwin(Network f, double[] x, double lambda) {
        double[] z = f.preActivations(x)[0];
        int unit = 0;
        for (int i = 1; i < z.length; i++) {
            unit = z[i] > z[unit] ? i : unit;
        }
        double[][] rows = f.layer(0).weightRows();
        double[][] more = Arrays.copyOf(rows, rows.length + 1);
        more[rows.length] = Vectors.scaled(lambda, rows[unit]);
        double[] bias = Arrays.copyOf(f.layer(0).bias(), rows.length + 1);
        bias[rows.length] = lambda * bias[unit];
        double[][] next = f.layer(1).weightRows();
        for (int i = 0; i < next.length; i++) {
            next[i] = Arrays.copyOf(next[i], rows.length + 1);
            next[i][rows.length] = 1;
        }
        List<AffineLayer> layers = new ArrayList<>(f.layers());
        layers.set(0, AffineLayer.of(more, bias, Activation.RELU));
        layers.set(1, AffineLayer.of(next, f.layer(1).bias(), Activation.RELU));
        return new Network(layers);
    }
}
