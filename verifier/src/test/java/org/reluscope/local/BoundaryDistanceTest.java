package org.reluscope.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;

class BoundaryDistanceTest {

    /** At (0.3, 0.2) the lines x₂ = 0, x₁ = 0, x₁ + x₂ = 1 are 0.2, 0.3 and 0.5/√2 (L2) or 0.5/2 (L∞) away. */
    @Test
    void handComputedDistancesToThreeLines() {
        PointRegion region = PointRegion.at(LocalNetworks.threeLines(), new double[] {0.3, 0.2});
        BoundaryDistance.Result l2 = BoundaryDistance.of(region, DistanceNorm.L2);
        assertEquals(0.2, l2.distance(), 1e-15);
        assertEquals(1, l2.index());
        assertEquals(0.3, l2.nearest()[0], 1e-15);
        assertEquals(0.0, l2.nearest()[1], 1e-15);
        PointRegion high = PointRegion.at(LocalNetworks.threeLines(), new double[] {0.45, 0.4});
        assertEquals(0.15 / Math.sqrt(2), BoundaryDistance.of(high, DistanceNorm.L2).distance(), 1e-15);
        BoundaryDistance.Result linf = BoundaryDistance.of(high, DistanceNorm.LINF);
        assertEquals(0.075, linf.distance(), 1e-15);
        assertEquals(0.525, linf.nearest()[0], 1e-15);
        assertEquals(0.475, linf.nearest()[1], 1e-15);
    }

    @Test
    void pointOnALineHasDistanceZero() {
        BoundaryDistance.Result r = BoundaryDistance.of(PointRegion.at(LocalNetworks.threeLines(), new double[] {0, 0.5}),
                DistanceNorm.L2);
        assertTrue(r.onBoundary());
        assertEquals(0, r.index());
    }

    @Test
    void constantNetworkHasNoBoundary() {
        Network net = new Network(List.of(
                AffineLayer.of(new double[][] {{0, 0}}, new double[] {1}, Activation.RELU),
                AffineLayer.of(new double[][] {{1}}, new double[] {0}, Activation.IDENTITY)));
        BoundaryDistance.Result r = BoundaryDistance.of(PointRegion.at(net, new double[] {3, 4}), DistanceNorm.L2);
        assertEquals(Double.POSITIVE_INFINITY, r.distance());
        assertNull(r.nearest());
    }

    /** In 2-D the distance equals the first pattern change along 1,000 rays, found by scanning and bisection. */
    @Test
    void equalsRayBisectionInTwoDimensions() {
        Random random = new Random(5);
        for (int trial = 0; trial < 12; trial++) {
            Network net = RandomNetworks.relu(100 + trial, 0.5, 2, 6, 5, 1);
            double[] x = {random.nextGaussian() * 0.5, random.nextGaussian() * 0.5};
            for (DistanceNorm norm : DistanceNorm.values()) {
                double exact = BoundaryDistance.of(PointRegion.at(net, x), norm).distance();
                double rays = Double.POSITIVE_INFINITY;
                for (int k = 0; k < 1000; k++) {
                    double angle = 2 * Math.PI * k / 1000;
                    double[] v = {Math.cos(angle), Math.sin(angle)};
                    double scale = norm.norm(v);
                    rays = Math.min(rays, firstChange(net, x, new double[] {v[0] / scale, v[1] / scale}, 4 * exact + 1));
                }
                // the best ray is within half an angular step of the nearest point: relative error ≤ (π/1000)² / 2 for L2;
                // for L∞ the nearest point is along a diagonal, hit exactly by k = 125, 375, …
                assertEquals(exact, rays, 1e-5 * (1 + exact), "trial " + trial + " " + norm);
            }
        }
    }

    /**
     * In higher dimensions: no sampled point strictly inside the distance leaves the region,
     * no ray finds a nearer change, and the nearest boundary point really flips its neuron.
     */
    @Test
    void ballInsideRegionAndNearestPointFlipsANeuron() {
        Random random = new Random(6);
        for (int trial = 0; trial < 30; trial++) {
            Network net = RandomNetworks.relu(200 + trial, 0.3, 5, 8, 8, 3);
            double[] x = new double[5];
            for (int j = 0; j < x.length; j++) {
                x[j] = random.nextGaussian();
            }
            String pattern = SampledPatterns.key(net, x);
            PointRegion region = PointRegion.at(net, x);
            for (DistanceNorm norm : DistanceNorm.values()) {
                BoundaryDistance.Result r = BoundaryDistance.of(region, norm);
                double inside = r.distance() * (1 - 1e-9);
                InputSet ball = norm == DistanceNorm.L2 ? new L2Ball(x, inside) : Box.linf(x, inside);
                for (int s = 0; s < 1000; s++) {
                    assertEquals(pattern, SampledPatterns.key(net, ball.sample(random)), "trial " + trial + " " + norm);
                }
                for (int s = 0; s < 100; s++) {
                    double[] v = ball.sample(random);
                    for (int j = 0; j < v.length; j++) {
                        v[j] -= x[j];
                    }
                    double scale = norm.norm(v);
                    for (int j = 0; j < v.length; j++) {
                        v[j] /= scale;
                    }
                    assertTrue(firstChange(net, x, v, 4 * r.distance() + 1) >= r.distance() * (1 - 1e-7));
                }
                assertEquals(r.distance(), norm.norm(difference(r.nearest(), x)), 1e-12 * (1 + r.distance()));
                assertFlipsOnly(net, region, r);
            }
        }
    }

    /** Just before and just after the nearest point (along the steepest direction) the patterns differ in that neuron. */
    private static void assertFlipsOnly(Network net, PointRegion region, BoundaryDistance.Result r) {
        PointRegion.Neuron neuron = region.neurons().stream()
                .filter(n -> n.layer() == r.layer() && n.index() == r.index()).findFirst().orElseThrow();
        double[] toward = difference(r.nearest(), region.point());
        double length = DistanceNorm.L2.norm(toward);
        double delta = 1e-7 * (1 + r.distance());
        double[] before = along(r.nearest(), toward, -delta / length);
        double[] after = along(r.nearest(), toward, delta / length);
        String a = SampledPatterns.key(net, before);
        String b = SampledPatterns.key(net, after);
        int position = region.neurons().indexOf(neuron);
        assertEquals(SampledPatterns.key(net, region.point()), a);
        assertNotEquals(a.charAt(position), b.charAt(position), "neuron " + r.layer() + "/" + r.index() + " did not flip");
    }

    /**
     * The smallest t in (0, limit] where the pattern of x + t v differs from x's, found by a
     * scan in steps of limit/400 and 60 bisections; +∞ when none is found.
     */
    static double firstChange(Network net, double[] x, double[] v, double limit) {
        String start = SampledPatterns.key(net, x);
        double step = limit / 400;
        double lo = 0;
        for (int k = 1; k <= 400; k++) {
            double hi = k * step;
            if (!start.equals(SampledPatterns.key(net, along(x, v, hi)))) {
                for (int b = 0; b < 60; b++) {
                    double mid = 0.5 * (lo + hi);
                    if (start.equals(SampledPatterns.key(net, along(x, v, mid)))) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                return hi;
            }
            lo = hi;
        }
        return Double.POSITIVE_INFINITY;
    }

    private static double[] along(double[] x, double[] v, double t) {
        double[] y = x.clone();
        for (int j = 0; j < y.length; j++) {
            y[j] += t * v[j];
        }
        return y;
    }

    private static double[] difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int j = 0; j < d.length; j++) {
            d[j] = a[j] - b[j];
        }
        return d;
    }
}
