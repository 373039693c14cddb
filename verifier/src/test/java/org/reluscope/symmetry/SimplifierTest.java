package org.reluscope.symmetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.bounds.IntervalPropagation;
import org.reluscope.bounds.OutputBounder;
import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.bounds.TriangleRelaxation;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpSolvers;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;

class SimplifierTest {
    static final OutputBounder CROWN = new SymbolicPropagation();

    /** The largest ‖f(x) − g(x)‖_∞ over n samples of the set, relative to 1 + ‖f(x)‖_∞. */
    static double worstRelativeGap(Network f, Network g, InputSet set, int n, long seed) {
        Random random = new Random(seed);
        double worst = 0;
        for (int k = 0; k < n; k++) {
            double[] x = set.sample(random);
            double[] y = f.evaluate(x);
            double[] z = g.evaluate(x);
            double scale = 1;
            double gap = 0;
            for (int i = 0; i < y.length; i++) {
                scale = Math.max(scale, Math.abs(y[i]));
                gap = Math.max(gap, Math.abs(y[i] - z[i]));
            }
            worst = Math.max(worst, gap / scale);
        }
        return worst;
    }

    @Test
    void randomDeepNetworksKeepTheirFunctionOnSmallDomains() {
        Random random = new Random(21);
        int removedSomewhere = 0;
        for (int seed = 0; seed < 12; seed++) {
            Network net = RandomNetworks.relu(seed, 0.5, 4, 20, 20, 20, 3);
            double[] centre = ShallowUnits.gaussian(4, random);
            InputSet domain = seed % 2 == 0 ? Box.linf(centre, 0.05 * (1 + seed % 3)) : new L2Ball(centre, 0.1);
            Simplification s = Simplifier.simplify(net, domain, CROWN, 1e-12);
            assertTrue(s.unitsAfter() <= s.unitsBefore());
            assertEquals(s.unitsBefore() - s.unitsAfter(), s.layers().stream()
                    .mapToInt(c -> c.inactive() + c.unused() + c.duplicates() + c.folded()).sum(), "account adds up");
            removedSomewhere += s.unitsBefore() - s.unitsAfter();
            assertTrue(worstRelativeGap(net, s.network(), domain, 20_000, seed) < 1e-12);
        }
        assertTrue(removedSomewhere > 100, "small domains fix most phases: removed " + removedSomewhere);
    }

    /**
     * x ∈ [1, 2]²: layer 0 = (x₁, x₂, −x₁ − 5, 2x₁) — units 0, 1, 3 active, unit 2 inactive, unit 3 = 2·unit 0;
     * layer 1's third unit has a zero row: after removing the inactive unit and
     * merging the duplicate, layer 0 is all active and folds into layer 1.
     */
    @Test
    void handBuiltNetworkLosesEveryUnitItCan() {
        AffineLayer l0 = AffineLayer.of(new double[][] {{1, 0}, {0, 1}, {-1, 0}, {2, 0}}, new double[] {0, 0, -5, 0},
                Activation.RELU);
        AffineLayer l1 = AffineLayer.of(new double[][] {{1, -1, 7, 1}, {-1, 1, 3, 0}, {0, 0, 0, 0}},
                new double[] {0.5, 0, 0}, Activation.RELU);
        AffineLayer out = AffineLayer.of(new double[][] {{1, 2, 4}}, new double[] {1}, Activation.IDENTITY);
        Network net = new Network(List.of(l0, l1, out));
        Box domain = new Box(new double[] {1, 1}, new double[] {2, 2});
        Simplification s = Simplifier.simplify(net, domain, CROWN, 1e-12);
        LayerChange first = s.layers().get(0);
        assertEquals(new LayerChange(0, 4, 1, 0, 1, 2, 0), first);
        // layer 1: unit 2 has a zero row, the constant σ(0), folded into the output bias
        assertEquals(1, s.layers().get(1).folded());
        assertEquals(2, s.network().reluCount());
        assertEquals(2, s.network().layerCount());
        assertTrue(worstRelativeGap(net, s.network(), domain, 10_000, 1) < 1e-14);
    }

    @Test
    void layerInactiveEverywhereMakesTheNetworkConstant() {
        AffineLayer l0 = AffineLayer.of(new double[][] {{1, 1}, {3, -1}}, new double[] {0, 0}, Activation.RELU);
        AffineLayer l1 = AffineLayer.of(new double[][] {{-1, -1}}, new double[] {-1}, Activation.RELU);
        AffineLayer out = AffineLayer.of(new double[][] {{5}, {2}}, new double[] {1, -1}, Activation.IDENTITY);
        Network net = new Network(List.of(l0, l1, out));
        Box domain = new Box(new double[] {0, 0}, new double[] {1, 1});
        Simplification s = Simplifier.simplify(net, domain, CROWN, 1e-12);
        assertEquals(0, s.network().reluCount());
        assertEquals(1, s.network().layerCount());
        assertEquals(List.of(1.0, -1.0), List.of(s.network().evaluate(new double[] {0.3, 0.9})[0],
                s.network().evaluate(new double[] {0.3, 0.9})[1]));
    }

    /** Nested bounds (lp ⊆ crown ⊆ ibp) fix nested sets of phases: tighter bounds never leave more units. */
    @Test
    void tighterBoundsRemoveAtLeastAsManyUnits() {
        Random random = new Random(4);
        OutputBounder ibp = new IntervalPropagation();
        OutputBounder lp = new TriangleRelaxation(LpSolvers.defaultLp(LpOptions.DEFAULT));
        int[] total = new int[3];
        for (int seed = 0; seed < 6; seed++) {
            Network net = RandomNetworks.relu(seed, 0.5, 3, 12, 12, 12, 2);
            Box domain = Box.linf(ShallowUnits.gaussian(3, random), 0.3);
            int k = 0;
            int previous = Integer.MAX_VALUE;
            for (OutputBounder bounder : List.of(ibp, CROWN, lp)) {
                Simplification s = Simplifier.simplify(net, domain, bounder, 1e-12);
                assertEquals(bounder.name(), s.bounds());
                assertTrue(s.unitsAfter() <= previous, bounder.name() + " left " + s.unitsAfter() + " > " + previous);
                assertTrue(worstRelativeGap(net, s.network(), domain, 5_000, seed) < 1e-12);
                previous = s.unitsAfter();
                total[k++] += s.unitsAfter();
            }
        }
        assertTrue(total[1] < total[0], "crown fixes phases that ibp cannot: " + Arrays.toString(total));
    }
}
