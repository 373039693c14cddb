package org.reluscope.local;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.reluscope.algebra.HPolytope;
import org.reluscope.input.Box;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.region.AffineMap;
import org.reluscope.region.Region;
import org.reluscope.region.RegionEnumerator;
import org.reluscope.region.RegionOptions;
import org.reluscope.region.RegionSummary;

/**
 * The activation regions of a network on a 2-D slice of its input space through a centre x0
 * along input dimensions i and j: points x0 + s e_i + t e_j with (s, t) in the rectangle
 * [−r_i, r_i] × [−r_j, r_j] (a box) or the disk s² + t² ≤ r² (an L2 ball, r_i = r_j = r),
 * optionally within a domain box of the input space (ball ∩ box), whose slice is the rectangle
 * [lo_i − x0_i, hi_i − x0_i] × [lo_j − x0_j, hi_j − x0_j].
 *
 * <p>The slice is itself a network of two inputs (the first layer keeps columns i and j of
 * W₁ and gets the bias b₁ + W₁ x0), whose regions on the square are enumerated exactly
 * ({@link RegionEnumerator}); each region's polygon is the rectangle clipped by its half-planes
 * A (s, t) ≤ b (Sutherland–Hodgman), and for a disk clipped again by a regular 256-gon
 * inscribed in the circle (so areas are those of the 256-gon, 0.01% below the disk's).
 */
public final class SliceRegions {
    /** Sides of the polygon that stands for the disk of an L2 slice. */
    public static final int DISK_SIDES = 256;

    private SliceRegions() {
    }

    /**
     * One region of the slice.
     *
     * @param polygon vertices (s, t) in counter-clockwise order, at least 3
     * @param map     the network's affine map on the region, in slice coordinates
     */
    public record Polygon(List<double[]> polygon, AffineMap map) {
        /** The area, by the shoelace formula. */
        public double area() {
            return SliceRegions.area(polygon);
        }
    }

    /**
     * The regions of {@code network} on the slice, in pattern order.
     *
     * @param domain a box of the input space the slice is cut to, or {@code null} for none
     * @throws IllegalArgumentException on a bad dimension, radius or centre size, a domain that
     *                                  misses the slice's rectangle, or when the enumeration does
     *                                  not finish within {@code timeoutSeconds}
     */
    public static List<Polygon> of(Network network, double[] center, int i, int j, double ri, double rj, boolean disk,
                                   Box domain, double timeoutSeconds) {
        int n = network.inputSize();
        if (center.length != n || i < 0 || j < 0 || i >= n || j >= n || i == j) {
            throw new IllegalArgumentException("dimensions " + i + "," + j + " must be two different inputs of 0.."
                    + (n - 1) + " and the centre must have " + n + " entries, it has " + center.length);
        }
        if (!(ri > 0) || !(rj > 0) || Double.isInfinite(ri) || Double.isInfinite(rj) || (disk && ri != rj)) {
            throw new IllegalArgumentException("half-widths must be finite and > 0 (equal for a disk), got " + ri + ", " + rj);
        }
        Box window = new Box(new double[] {-ri, -rj}, new double[] {ri, rj});
        if (domain != null) {
            window = window.intersect(new Box(new double[] {domain.lower(i) - center[i], domain.lower(j) - center[j]},
                    new double[] {domain.upper(i) - center[i], domain.upper(j) - center[j]}));
        }
        Network slice = slice(network, center, i, j);
        List<Region> regions = Collections.synchronizedList(new ArrayList<>());
        RegionSummary summary = new RegionEnumerator(RegionOptions.defaults().withThreads(1).withSorted(true)
                .withTimeout(timeoutSeconds)).enumerate(slice, window, regions::add);
        if (!summary.complete()) {
            throw new IllegalArgumentException("the slice has too many regions to draw within " + timeoutSeconds + " s");
        }
        List<Polygon> polygons = new ArrayList<>();
        for (Region region : regions) {
            List<double[]> p = clip(rectangle(window), region.polytope());
            if (disk) {
                p = clip(p, disk(ri));
            }
            if (p.size() >= 3 && area(p) > 0) {
                polygons.add(new Polygon(p, region.map()));
            }
        }
        return polygons;
    }

    /** The network restricted to x0 + s e_i + t e_j. */
    static Network slice(Network network, double[] center, int i, int j) {
        AffineLayer first = network.layer(0);
        int m = first.outputSize();
        double[] w = new double[2 * m];
        double[] b = new double[m];
        double[] full = new double[m];
        first.preActivation(center, full);
        for (int k = 0; k < m; k++) {
            w[2 * k] = first.weight(k, i);
            w[2 * k + 1] = first.weight(k, j);
            b[k] = full[k];
        }
        List<AffineLayer> layers = new ArrayList<>(network.layers());
        layers.set(0, new AffineLayer(m, 2, w, b, first.activation()));
        return new Network(layers);
    }

    /** The corners of a 2-D box, counter-clockwise. */
    private static List<double[]> rectangle(Box box) {
        double s0 = box.lower(0);
        double s1 = box.upper(0);
        double t0 = box.lower(1);
        double t1 = box.upper(1);
        return List.of(new double[] {s0, t0}, new double[] {s1, t0}, new double[] {s1, t1}, new double[] {s0, t1});
    }

    /** The regular polygon inscribed in the circle of radius r, as half-planes. */
    static HPolytope disk(double r) {
        double[][] a = new double[DISK_SIDES][];
        double[] b = new double[DISK_SIDES];
        for (int k = 0; k < DISK_SIDES; k++) {
            double angle = 2 * Math.PI * (k + 0.5) / DISK_SIDES;
            a[k] = new double[] {Math.cos(angle), Math.sin(angle)};
            b[k] = r * Math.cos(Math.PI / DISK_SIDES);
        }
        return new HPolytope(2, a, b);
    }

    /** The convex polygon clipped by every half-plane a·p ≤ b of h (Sutherland–Hodgman). */
    static List<double[]> clip(List<double[]> polygon, HPolytope h) {
        List<double[]> current = polygon;
        for (int row = 0; row < h.rowCount() && !current.isEmpty(); row++) {
            double[] a = h.a()[row];
            double b = h.b()[row];
            List<double[]> next = new ArrayList<>();
            for (int k = 0; k < current.size(); k++) {
                double[] p = current.get(k);
                double[] q = current.get((k + 1) % current.size());
                double fp = a[0] * p[0] + a[1] * p[1] - b;
                double fq = a[0] * q[0] + a[1] * q[1] - b;
                if (fp <= 0) {
                    next.add(p);
                }
                if ((fp < 0 && fq > 0) || (fp > 0 && fq < 0)) {
                    double t = fp / (fp - fq);
                    next.add(new double[] {p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])});
                }
            }
            current = next;
        }
        return current;
    }

    static double area(List<double[]> polygon) {
        double twice = 0;
        for (int k = 0; k < polygon.size(); k++) {
            double[] p = polygon.get(k);
            double[] q = polygon.get((k + 1) % polygon.size());
            twice += p[0] * q[1] - q[0] * p[1];
        }
        return 0.5 * twice;
    }
}
