package org.reluscope.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.reluscope.input.Box;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.report.RegionSvg;
import org.w3c.dom.Document;

class SliceRegionsTest {

    /**
     * On random 4-input networks, the slice's polygons tile the rectangle (areas sum to its
     * area), every sampled point of the slice falls in a polygon whose affine map gives the
     * network's value there, and there are at least as many polygons as sampled patterns.
     */
    @Test
    void polygonsTileTheSliceAndCarryTheNetworksMaps() {
        Random random = new Random(3);
        for (int trial = 0; trial < 6; trial++) {
            Network net = RandomNetworks.relu(300 + trial, 0.3, 4, 6, 5, 3);
            double[] center = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            double ri = 0.5 + random.nextDouble();
            double rj = 0.5 + random.nextDouble();
            List<SliceRegions.Polygon> polygons = SliceRegions.of(net, center, 1, 3, ri, rj, false, null, 60);
            double area = polygons.stream().mapToDouble(SliceRegions.Polygon::area).sum();
            assertEquals(4 * ri * rj, area, 1e-9 * ri * rj, "trial " + trial);
            Network slice = SliceRegions.slice(net, center, 1, 3);
            for (int s = 0; s < 500; s++) {
                double[] st = {(2 * random.nextDouble() - 1) * ri, (2 * random.nextDouble() - 1) * rj};
                double[] x = center.clone();
                x[1] += st[0];
                x[3] += st[1];
                double[] y = net.evaluate(x);
                SliceRegions.Polygon home = polygons.stream().filter(p -> inside(p.polygon(), st)).findFirst().orElseThrow();
                double[] mapped = home.map().apply(st);
                for (int k = 0; k < y.length; k++) {
                    assertEquals(y[k], mapped[k], 1e-9 * (1 + Math.abs(y[k])));
                }
            }
            int sampled = SampledPatterns.count(slice, new Box(new double[] {-ri, -rj}, new double[] {ri, rj}), 5000, trial);
            assertTrue(polygons.size() >= sampled, polygons.size() + " polygons < " + sampled + " sampled patterns");
        }
    }

    /** The disk slice of the three lines: 7 regions in radius 1.2, areas summing to the inscribed 256-gon's. */
    @Test
    void diskSliceOfThreeLinesAndWellFormedSvg() throws Exception {
        double r = 1.2;
        List<SliceRegions.Polygon> polygons = SliceRegions.of(LocalNetworks.threeLines(), new double[] {0, 0}, 0, 1, r, r,
                true, null, 60);
        assertEquals(7, polygons.size());
        double gon = 0.5 * SliceRegions.DISK_SIDES * r * r * Math.sin(2 * Math.PI / SliceRegions.DISK_SIDES);
        assertEquals(gon, polygons.stream().mapToDouble(SliceRegions.Polygon::area).sum(), 1e-9);
        String svg = RegionSvg.svg(polygons, r, r, true, RegionSvg.Colouring.MAP,
                List.of(new double[] {0.3, 0.2}, new double[] {2, 0}), "three lines");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals(7, doc.getElementsByTagName("polygon").getLength());
        assertEquals(2, doc.getElementsByTagName("circle").getLength(), "the outline and the one point inside the frame");
        assertTrue(svg.contains("7 regions, 7 distinct affine maps"), svg);
    }

    /**
     * The disk of radius 1.2 kept in the domain [0, 2]²: the quarter disk, cut by x₁ + x₂ = 1
     * into 2 regions whose areas sum to a quarter of the 256-gon's (the gon is symmetric under
     * quarter turns), with no vertex outside the quadrant.
     */
    @Test
    void domainCutsTheDiskToAQuarter() {
        double r = 1.2;
        Box domain = new Box(new double[] {0, 0}, new double[] {2, 2});
        List<SliceRegions.Polygon> polygons = SliceRegions.of(LocalNetworks.threeLines(), new double[] {0, 0}, 0, 1, r, r,
                true, domain, 60);
        assertEquals(2, polygons.size());
        double gon = 0.5 * SliceRegions.DISK_SIDES * r * r * Math.sin(2 * Math.PI / SliceRegions.DISK_SIDES);
        assertEquals(gon / 4, polygons.stream().mapToDouble(SliceRegions.Polygon::area).sum(), 1e-9);
        for (SliceRegions.Polygon p : polygons) {
            for (double[] v : p.polygon()) {
                assertTrue(v[0] >= 0 && v[1] >= 0, "vertex " + v[0] + ", " + v[1] + " outside the domain");
            }
        }
    }

    /** Whether st lies in the convex counter-clockwise polygon (boundary included, with slack). */
    private static boolean inside(List<double[]> polygon, double[] st) {
        for (int k = 0; k < polygon.size(); k++) {
            double[] p = polygon.get(k);
            double[] q = polygon.get((k + 1) % polygon.size());
            double cross = (q[0] - p[0]) * (st[1] - p[1]) - (q[1] - p[1]) * (st[0] - p[0]);
            if (cross < -1e-12) {
                return false;
            }
        }
        return true;
    }
}
