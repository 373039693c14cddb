package org.reluscope.bounds;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.testing.ReachProbe;

/**
 * Every method's bounds contain everything a sampling and gradient-ascent oracle reaches
 * ({@link ReachProbe}), and the methods nest: crown ⊆ ibp, bound by bound. 100,000 probe
 * points per family of small and ACAS Xu-shaped networks; 30,000 for the mnistfc-shaped one,
 * whose 270,000 multiply-adds per point would otherwise take half a minute.
 */
class BoundsSoundnessTest {
    private static final int BUDGET = 100_000;
    private static final int MNIST_BUDGET = 30_000;
    private static final List<OutputBounder> METHODS = List.of(new IntervalPropagation(), new SymbolicPropagation());

    @Test
    void randomNetworksOnBoxesAndBalls() {
        Random random = new Random(11);
        int networks = 40;
        for (int k = 0; k < networks; k++) {
            int in = 1 + random.nextInt(6);
            int depth = 1 + random.nextInt(4);
            int[] widths = new int[depth + 2];
            widths[0] = in;
            for (int l = 1; l <= depth; l++) {
                widths[l] = 2 + random.nextInt(15);
            }
            widths[depth + 1] = 1 + random.nextInt(4);
            Network net = RandomNetworks.relu(1000 + k, 0.3, widths);
            InputSet set = randomSet(random, in, k % 3);
            checkAll(net, set, BUDGET / networks, k);
        }
    }

    @Test
    void acasXuShapedNetworks() {
        Random random = new Random(12);
        int networks = 5;
        for (int k = 0; k < networks; k++) {
            Network net = RandomNetworks.relu(2000 + k, 5, 50, 50, 50, 50, 50, 50, 5);
            double[] centre = new double[5];
            double[] radius = new double[5];
            for (int i = 0; i < 5; i++) {
                centre[i] = random.nextDouble() - 0.5;
                radius[i] = 0.01 + 0.05 * random.nextDouble();
            }
            InputSet set = k % 2 == 0 ? box(centre, radius) : new L2Ball(centre, 0.05);
            checkAll(net, set, BUDGET / networks, k);
        }
    }

    @Test
    void mnistShapedNetwork() {
        Network net = RandomNetworks.relu(3000, 784, 256, 256, 10);
        Random random = new Random(13);
        double[] image = new double[784];
        for (int i = 0; i < image.length; i++) {
            image[i] = random.nextDouble() < 0.8 ? 0 : random.nextDouble();
        }
        Box pixels = new Box(new double[784], filled(784, 1));
        for (double eps : new double[] {0.03, 0.05}) {
            checkAll(net, Box.linf(image, eps).intersect(pixels), MNIST_BUDGET / 2, (long) (eps * 100));
        }
    }

    private static void checkAll(Network net, InputSet set, int budget, long seed) {
        int outputs = net.outputSize();
        double[][] margins = new double[outputs > 1 ? outputs - 1 : 0][outputs];
        for (int j = 1; j < outputs; j++) {
            margins[j - 1][0] = 1;
            margins[j - 1][j] = -1;
        }
        ReachProbe.Result seen = ReachProbe.run(net, set, margins, budget, seed);
        List<Bounds> all = new ArrayList<>();
        for (OutputBounder method : METHODS) {
            Bounds b = method.compute(net, set);
            String where = method.name() + " on " + net + " over a " + set.getClass().getSimpleName() + " (probe seed "
                    + seed + ")";
            assertContains(b, seen, where);
            for (int k = 0; k < margins.length; k++) {
                double ub = method.upperBound(net, set, margins[k], BoundOptions.DEFAULT);
                assertTrue(ub >= seen.objectiveMax()[k] - tolerance(ub), where + ": margin " + k + " reaches "
                        + seen.objectiveMax()[k] + " above the bound " + ub);
            }
            all.add(b);
        }
        for (int m = 1; m < all.size(); m++) {
            assertNested(all.get(m), all.get(m - 1), net);
        }
    }

    /** Every pre-activation the probe saw lies within the bounds. */
    static void assertContains(Bounds b, ReachProbe.Result seen, String where) {
        for (int l = 0; l < b.layers().size(); l++) {
            LayerBounds layer = b.layer(l);
            for (int i = 0; i < layer.size(); i++) {
                double lo = seen.zMin()[l][i];
                double hi = seen.zMax()[l][i];
                assertTrue(lo >= layer.lower(i) - tolerance(lo) && hi <= layer.upper(i) + tolerance(hi),
                        where + ": neuron (" + l + ", " + i + ") reaches [" + lo + ", " + hi + "] outside ["
                                + layer.lower(i) + ", " + layer.upper(i) + "]");
            }
        }
    }

    /** inner ⊆ outer on every neuron of every layer and every output, up to 1e-9. */
    static void assertNested(Bounds inner, Bounds outer, Network net) {
        for (int l = 0; l < inner.layers().size(); l++) {
            for (int i = 0; i < inner.layer(l).size(); i++) {
                assertTrue(inner.layer(l).lower(i) >= outer.layer(l).lower(i) - 1e-9
                                && inner.layer(l).upper(i) <= outer.layer(l).upper(i) + 1e-9,
                        inner.method() + " ⊄ " + outer.method() + " at neuron (" + l + ", " + i + ") of " + net);
            }
        }
        for (int j = 0; j < inner.outputSize(); j++) {
            assertTrue(inner.outputLower(j) >= outer.outputLower(j) - 1e-9
                    && inner.outputUpper(j) <= outer.outputUpper(j) + 1e-9, "output " + j);
        }
    }

    /** Slack for the probe's own rounding (its evaluation is a double-precision approximation). */
    static double tolerance(double v) {
        return 1e-9 * (1 + Math.abs(v));
    }

    private static InputSet randomSet(Random random, int n, int kind) {
        double[] centre = new double[n];
        double[] radius = new double[n];
        for (int i = 0; i < n; i++) {
            centre[i] = 2 * random.nextDouble() - 1;
            radius[i] = 0.05 + random.nextDouble();
        }
        double r = 0.1 + random.nextDouble();
        return switch (kind) {
            case 0 -> box(centre, radius);
            case 1 -> new L2Ball(centre, r);
            default -> new L2Ball(centre, r, box(centre, radius));
        };
    }

    private static Box box(double[] centre, double[] radius) {
        double[] lo = new double[centre.length];
        double[] hi = new double[centre.length];
        for (int i = 0; i < lo.length; i++) {
            lo[i] = centre[i] - radius[i];
            hi[i] = centre[i] + radius[i];
        }
        return new Box(lo, hi);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
