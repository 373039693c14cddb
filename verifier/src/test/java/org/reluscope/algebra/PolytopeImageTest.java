package org.reluscope.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The output polytope against brute force: the images of all vertices of the input polytope
 * (found by {@link VertexEnumeration}) must satisfy every inequality found, every vertex found
 * must be such an image, and images of random inputs must lie inside.
 */
class PolytopeImageTest {

    @Test
    void unitCubeHasEightVertices() {
        HPolytope cube = HPolytope.box(new double[] {0, 0, 0}, new double[] {1, 1, 1});
        assertEquals(8, VertexEnumeration.vertices(cube, 1000).orElseThrow().size());
        assertTrue(VertexEnumeration.vertices(cube, 10).isEmpty());
    }

    @Test
    void imagesOfRandomPolytopesInTwoAndThreeDimensions() {
        Random random = new Random(3);
        for (int trial = 0; trial < 30; trial++) {
            int n = 3 + random.nextInt(2);
            int m = 2 + random.nextInt(2);
            HPolytope p = randomPolytope(n, random);
            double[][] j = new double[m][n];
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < n; k++) {
                    j[i][k] = random.nextGaussian();
                }
            }
            double[] c = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            AffinePiece piece = AffinePiece.of("t" + trial, j, java.util.Arrays.copyOf(c, m), p);
            check(piece, random);
        }
    }

    @Test
    void rankDeficientImageIsASegmentInThePlane() {
        // J of rank 1 in ℝ²: the image is a segment of the line through c along (1, 2)
        HPolytope square = HPolytope.box(new double[] {-1, -1}, new double[] {1, 1});
        AffinePiece piece = AffinePiece.of("s", new double[][] {{1, 1}, {2, 2}}, new double[] {0, 1}, square);
        OutputPolytope out = PolytopeImage.of(piece, piece.hull(1e-9),
                VertexEnumeration.factory().forPolytope(square).orElseThrow(), PolytopeImage.Options.DEFAULT).orElseThrow();
        assertEquals(2, out.vertices().size());
        double lo = Math.min(out.vertices().get(0)[0], out.vertices().get(1)[0]);
        double hi = Math.max(out.vertices().get(0)[0], out.vertices().get(1)[0]);
        assertEquals(-2, lo, 1e-12);
        assertEquals(2, hi, 1e-12);
    }

    private static void check(AffinePiece piece, Random random) {
        List<double[]> inputVertices = VertexEnumeration.vertices(piece.domain(), 1_000_000).orElseThrow();
        OutputPolytope out = PolytopeImage.of(piece, piece.hull(1e-9), VertexEnumeration.oracle(inputVertices),
                PolytopeImage.Options.DEFAULT).orElseThrow();
        assertTrue(out.complete());
        int m = piece.outputs();
        for (double[] v : inputVertices) {
            double[] y = piece.apply(v);
            for (OutputPolytope.Inequality q : out.inequalities()) {
                assertTrue(dot(q.a(), y) <= q.b() + 1e-9, "an input vertex maps outside a facet");
            }
        }
        for (double[] y : out.vertices()) {
            boolean isImage = inputVertices.stream().anyMatch(v -> distance(piece.apply(v), y) < 1e-9);
            assertTrue(isImage, "a vertex found is not the image of an input vertex");
            int tight = 0;
            for (OutputPolytope.Inequality q : out.inequalities()) {
                tight += Math.abs(dot(q.a(), y) - q.b()) < 1e-9 ? 1 : 0;
            }
            assertTrue(tight >= m, "a vertex of a " + m + "-polytope lies on " + tight + " facets");
        }
        for (int s = 0; s < 200; s++) {
            double[] x = sampleInside(piece.domain(), inputVertices, random);
            double[] y = piece.apply(x);
            for (OutputPolytope.Inequality q : out.inequalities()) {
                assertTrue(dot(q.a(), y) <= q.b() + 1e-9);
            }
        }
    }

    /** A box cut by a few random half-spaces that keep its centre. */
    private static HPolytope randomPolytope(int n, Random random) {
        double[] lo = new double[n];
        double[] hi = new double[n];
        java.util.Arrays.fill(lo, -1);
        java.util.Arrays.fill(hi, 1);
        HPolytope p = HPolytope.box(lo, hi);
        int cuts = 1 + random.nextInt(4);
        double[][] a = new double[cuts][n];
        double[] b = new double[cuts];
        for (int i = 0; i < cuts; i++) {
            for (int k = 0; k < n; k++) {
                a[i][k] = random.nextGaussian();
            }
            b[i] = 0.2 + random.nextDouble();
        }
        return p.intersect(new HPolytope(n, a, b));
    }

    /** A random convex combination of vertices. */
    private static double[] sampleInside(HPolytope p, List<double[]> vertices, Random random) {
        double[] x = new double[p.dimension()];
        double total = 0;
        for (double[] v : vertices) {
            double w = -Math.log(random.nextDouble());
            total += w;
            for (int k = 0; k < x.length; k++) {
                x[k] += w * v[k];
            }
        }
        for (int k = 0; k < x.length; k++) {
            x[k] /= total;
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s = Math.max(s, Math.abs(a[i] - b[i]));
        }
        return s;
    }
}
