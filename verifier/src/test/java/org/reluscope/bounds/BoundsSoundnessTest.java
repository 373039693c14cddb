package org.reluscope.bounds;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.lp.ortools.OrToolsEngine;
import org.reluscope.lp.ortools.OrToolsSolver;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.spec.VnnLibParser;
import org.reluscope.testing.SharedBenchmarks;
import org.reluscope.testing.ReachProbe;

/**
 * Every method's bounds contain everything a sampling and gradient-ascent oracle reaches
 * ({@link ReachProbe}), and the methods nest: lp ⊆ crown ⊆ ibp, bound by bound (the LP, at
 * seconds per network on large sets, runs on the small networks and the ACAS Xu sub-boxes
 * only; the benchmark reports it on the rest). 100,000 probe
 * points per family (random small networks, random ACAS Xu-shaped networks, five of the real
 * ACAS Xu networks on property 1 and on sub-boxes of it); 30,000 for the real mnistfc network,
 * whose 270,000 multiply-adds per point would otherwise take about a minute here. The real
 * networks are read from the shared benchmarks (skipped when absent).
 */
class BoundsSoundnessTest {
    private static final int BUDGET = 100_000;
    private static final int MNIST_BUDGET = 30_000;
    private static final List<OutputBounder> CHEAP = List.of(new IntervalPropagation(), new SymbolicPropagation());
    private static final List<OutputBounder> ALL = List.of(new IntervalPropagation(), new SymbolicPropagation(),
            new TriangleRelaxation(new OrToolsSolver(OrToolsEngine.GLOP)));

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
            checkAll(net, set, BUDGET / networks, k, ALL);
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
            checkAll(net, set, BUDGET / networks, k, CHEAP);
        }
    }

    @Test
    void acasXuNetworksOnProperty1AndSubBoxes() {
        Box prop1 = (Box) VnnLibParser.parse(SharedBenchmarks.require("acasxu/vnnlib/prop_1.vnnlib")).inputSets().get(0);
        Random random = new Random(14);
        String[] names = {"1_1", "2_3", "3_5", "4_7", "5_9"};
        for (int k = 0; k < names.length; k++) {
            Network net = NetworkFiles.read(SharedBenchmarks.require("acasxu/onnx/ACASXU_run2a_" + names[k]
                    + "_batch_2000.onnx"));
            checkAll(net, prop1, BUDGET / names.length / 2, k, CHEAP);
            checkAll(net, subBox(prop1, 0.05, random), BUDGET / names.length / 2, k, ALL);
        }
    }

    @Test
    void mnistfcNetworkOnItsVnnLibBoxes() {
        Network net = NetworkFiles.read(SharedBenchmarks.require("mnistfc/mnist-net_256x2.onnx"));
        for (String eps : new String[] {"0.03", "0.05"}) {
            InputSet box = VnnLibParser.parse(SharedBenchmarks.require("mnistfc/vnnlib/prop_0_" + eps + ".vnnlib"))
                    .inputSets().get(0);
            checkAll(net, box, MNIST_BUDGET / 2, eps.hashCode(), CHEAP);
        }
    }

    private static void checkAll(Network net, InputSet set, int budget, long seed, List<OutputBounder> methods) {
        int outputs = net.outputSize();
        double[][] margins = new double[outputs > 1 ? outputs - 1 : 0][outputs];
        for (int j = 1; j < outputs; j++) {
            margins[j - 1][0] = 1;
            margins[j - 1][j] = -1;
        }
        ReachProbe.Result seen = ReachProbe.run(net, set, margins, budget, seed);
        List<Bounds> all = new ArrayList<>();
        for (OutputBounder method : methods) {
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

    /** A random box (kind 0), L2 ball (1) or ball ∩ box (2) around a random centre. */
    static InputSet randomSet(Random random, int n, int kind) {
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

    /** A random box inside {@code outer} whose sides are {@code fraction} of its sides. */
    private static Box subBox(Box outer, double fraction, Random random) {
        double[] lo = new double[outer.dimension()];
        double[] hi = new double[outer.dimension()];
        for (int i = 0; i < lo.length; i++) {
            double w = outer.width(i) * fraction;
            lo[i] = outer.lower(i) + random.nextDouble() * (outer.width(i) - w);
            hi[i] = lo[i] + w;
        }
        return new Box(lo, hi);
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
}
