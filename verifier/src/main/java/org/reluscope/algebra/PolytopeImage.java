package org.reluscope.algebra;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.reluscope.numeric.Vectors;

/**
 * The image J P + c of an input polytope P under a region's affine map, for an image of
 * dimension r = rank J ≤ 3, computed from support queries only (so that it scales with the
 * input dimension, unlike enumerating the vertices of P).
 *
 * <p>Work happens in coordinates t = Uᵀ(y − c) of the hull c + col(J) (U its orthonormal
 * directions): the support point of the image in direction u is J x* + c with
 * x* = argmax_{x ∈ P} (J ᵀ U u)·x. Start from the support points in the 2r directions ±e_k,
 * build their convex hull, then refine: for each facet with outward normal u and offset h,
 * query direction u; a point beyond h is a new vertex (the hull grows), otherwise the facet is
 * a facet of the image. When every facet is confirmed, the hull is the image up to the
 * tolerance (method of Lassez and Lassez for projecting polyhedra). Each query finds a new
 * vertex or confirms a facet, so the number of queries is at most vertices + facets + 2r.
 */
public final class PolytopeImage {
    /**
     * @param tolerance  a point is new when it lies beyond a facet by more than tolerance·extent
     *                   (extent: the largest |t| of the first support points)
     * @param maxQueries budget of support queries
     */
    public record Options(double tolerance, int maxQueries) {
        public static final Options DEFAULT = new Options(1e-9, 2000);
    }

    private PolytopeImage() {
    }

    /**
     * The output polytope of a region, or empty when the oracle finds the polytope empty.
     *
     * @param hull   the hull of {@code piece} (its rank must be at most 3)
     * @param oracle support queries over the piece's input polytope
     */
    public static Optional<OutputPolytope> of(AffinePiece piece, AffineHull hull, SupportOracle oracle,
                                              Options options) {
        int r = hull.rank();
        if (r > 3) {
            throw new IllegalArgumentException("output polytopes are drawn for images of dimension at most 3, not " + r);
        }
        Image image = new Image(piece, hull, oracle);
        List<double[]> start = new ArrayList<>();
        for (int k = 0; k < Math.max(r, 1); k++) {
            for (int s : new int[] {1, -1}) {
                double[] u = new double[r];
                if (r > 0) {
                    u[k] = s;
                }
                Optional<double[]> t = image.support(u);
                if (t.isEmpty()) {
                    return Optional.empty();
                }
                start.add(t.get());
            }
        }
        double extent = 0;
        for (double[] t : start) {
            for (double v : t) {
                extent = Math.max(extent, Math.abs(v));
            }
        }
        double slack = options.tolerance() * Math.max(extent, Double.MIN_NORMAL);
        if (r <= 1) {
            return Optional.of(image.segment(start, slack));
        }
        Optional<IncrementalHull> started = IncrementalHull.start(start, r, slack);
        if (started.isEmpty()) {
            return Optional.of(image.result(start, List.of(), false));
        }
        return refine(image, started.get(), options);
    }

    private static Optional<OutputPolytope> refine(Image image, IncrementalHull hull, Options options) {
        Optional<IncrementalHull.Facet> open = hull.unconfirmed();
        while (open.isPresent() && image.queries < options.maxQueries()) {
            IncrementalHull.Facet f = open.get();
            Optional<double[]> t = image.support(f.normal);
            if (t.isEmpty()) {
                return Optional.empty();
            }
            if (!hull.add(t.get())) {
                f.confirmed = true;
            }
            open = hull.unconfirmed();
        }
        List<OutputPolytope.Inequality> rows = new ArrayList<>();
        for (IncrementalHull.Facet f : hull.facets()) {
            image.addInequality(rows, f.normal, f.offset);
        }
        return Optional.of(image.result(hull.vertices(), rows, open.isEmpty()));
    }

    /** The map between hull coordinates and output space for one piece, and the query counter. */
    private static final class Image {
        private final AffinePiece piece;
        private final double[][] directions;
        private final double[] offset;
        private final SupportOracle oracle;
        private int queries;

        Image(AffinePiece piece, AffineHull hull, SupportOracle oracle) {
            this.piece = piece;
            this.directions = hull.directions();
            this.offset = hull.offset();
            this.oracle = oracle;
        }

        /** Uᵀ u: a hull-coordinate direction in output space. */
        double[] outputDirection(double[] u) {
            double[] w = new double[offset.length];
            for (int k = 0; k < u.length; k++) {
                for (int i = 0; i < w.length; i++) {
                    w[i] += u[k] * directions[k][i];
                }
            }
            return w;
        }

        /** The hull coordinates of a support point in direction u, or empty. */
        Optional<double[]> support(double[] u) {
            queries++;
            double[] w = outputDirection(u);
            return oracle.argmax(piece.pullBack(w)).map(x -> coordinates(piece.apply(x)));
        }

        double[] coordinates(double[] y) {
            double[] t = new double[directions.length];
            for (int k = 0; k < t.length; k++) {
                for (int i = 0; i < y.length; i++) {
                    t[k] += directions[k][i] * (y[i] - offset[i]);
                }
            }
            return t;
        }

        double[] output(double[] t) {
            double[] y = outputDirection(t);
            for (int i = 0; i < y.length; i++) {
                y[i] += offset[i];
            }
            return y;
        }

        /** u·t ≤ h in output space: (Uᵀu)·y ≤ h + (Uᵀu)·c; coplanar facets are merged. Modified: rows. */
        void addInequality(List<OutputPolytope.Inequality> rows, double[] u, double h) {
            double[] a = outputDirection(u);
            double b = h + Vectors.dot(a, offset);
            for (OutputPolytope.Inequality row : rows) {
                double[] diff = row.a().clone();
                for (int i = 0; i < diff.length; i++) {
                    diff[i] -= a[i];
                }
                if (Math.sqrt(Vectors.dot(diff, diff)) <= 1e-9) {
                    return;
                }
            }
            rows.add(new OutputPolytope.Inequality(a, b));
        }

        /** An image of dimension 0 or 1: the extreme points in ±direction (one point when they agree). */
        OutputPolytope segment(List<double[]> ends, double slack) {
            List<double[]> vertices = new ArrayList<>();
            List<OutputPolytope.Inequality> rows = new ArrayList<>();
            if (directions.length == 0) {
                vertices.add(new double[0]);
                return result(vertices, rows, true);
            }
            double hi = ends.get(0)[0];
            double lo = ends.get(1)[0];
            addInequality(rows, new double[] {1}, hi);
            addInequality(rows, new double[] {-1}, -lo);
            vertices.add(ends.get(1));
            if (hi - lo > slack) {
                vertices.add(ends.get(0));
            }
            return result(vertices, rows, true);
        }

        OutputPolytope result(List<double[]> hullPoints, List<OutputPolytope.Inequality> rows, boolean complete) {
            List<double[]> ys = new ArrayList<>();
            for (double[] t : hullPoints) {
                ys.add(output(t));
            }
            return new OutputPolytope(ys, rows, complete, queries);
        }
    }
}
