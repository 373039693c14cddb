package org.reluscope.algebra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reluscope.numeric.Vectors;

/**
 * The convex hull of points in ℝ^d, d ∈ {2, 3}, grown one point at a time (beneath–beyond):
 * facets are simplices (edges in the plane, triangles in space) with outward unit normals; a
 * new point removes the facets it sees and is joined to the horizon, the ridges between a seen
 * and an unseen facet. A ridge on the horizon belongs to exactly one seen facet, which is how
 * it is found. Orientation comes from a point inside the first simplex, which stays inside as
 * the hull grows.
 *
 * <p>Points count as outside only beyond {@code slack}, so near-coplanar points are not added
 * and the facet structure stays consistent. Not thread-safe; package-private helper of
 * {@link PolytopeImage}.
 */
final class IncrementalHull {
    /** A facet: its vertex indices, outward unit normal u and offset h (u·p ≤ h on the hull). */
    static final class Facet {
        final int[] vertices;
        final double[] normal;
        final double offset;
        boolean confirmed;

        Facet(int[] vertices, double[] normal, double offset) {
            this.vertices = vertices;
            this.normal = normal;
            this.offset = offset;
        }
    }

    private final int d;
    private final double slack;
    private final List<double[]> points = new ArrayList<>();
    private final double[] interior;
    private final List<Facet> facets = new ArrayList<>();

    private IncrementalHull(int d, double slack, List<double[]> simplex) {
        this.d = d;
        this.slack = slack;
        this.interior = new double[d];
        for (double[] p : simplex) {
            points.add(p);
            for (int k = 0; k < d; k++) {
                interior[k] += p[k] / simplex.size();
            }
        }
        for (int drop = 0; drop <= d; drop++) {
            int[] verts = new int[d];
            for (int i = 0, k = 0; i <= d; i++) {
                if (i != drop) {
                    verts[k++] = i;
                }
            }
            facets.add(facet(verts));
        }
    }

    /**
     * A hull started from d + 1 affinely independent candidates (chosen greedily, each the
     * farthest from the span of those before) with the other candidates added; empty when the
     * candidates do not span ℝ^d beyond the slack.
     */
    static Optional<IncrementalHull> start(List<double[]> candidates, int d, double slack) {
        List<double[]> simplex = new ArrayList<>();
        List<double[]> basis = new ArrayList<>();
        double[] origin = candidates.get(0);
        simplex.add(origin);
        for (int k = 0; k < d; k++) {
            double best = slack;
            double[] bestPoint = null;
            double[] bestResidual = null;
            for (double[] p : candidates) {
                double[] r = residual(p, origin, basis);
                double norm = Math.sqrt(Vectors.dot(r, r));
                if (norm > best) {
                    best = norm;
                    bestPoint = p;
                    bestResidual = r;
                }
            }
            if (bestPoint == null) {
                return Optional.empty();
            }
            for (int i = 0; i < d; i++) {
                bestResidual[i] /= best;
            }
            basis.add(bestResidual);
            simplex.add(bestPoint);
        }
        IncrementalHull hull = new IncrementalHull(d, slack, simplex);
        for (double[] p : candidates) {
            hull.add(p);
        }
        return Optional.of(hull);
    }

    /** Adds p when it lies outside the hull beyond the slack; returns whether it did. Not modified: p (kept). */
    boolean add(double[] p) {
        List<Facet> visible = new ArrayList<>();
        for (Facet f : facets) {
            if (Vectors.dot(f.normal, p) > f.offset + slack) {
                visible.add(f);
            }
        }
        if (visible.isEmpty()) {
            return false;
        }
        Map<List<Integer>, Integer> ridgeCount = new HashMap<>();
        for (Facet f : visible) {
            for (List<Integer> ridge : ridges(f)) {
                ridgeCount.merge(ridge, 1, Integer::sum);
            }
        }
        facets.removeAll(visible);
        points.add(p);
        int index = points.size() - 1;
        for (Map.Entry<List<Integer>, Integer> e : ridgeCount.entrySet()) {
            if (e.getValue() == 1) {
                int[] verts = new int[d];
                for (int k = 0; k < d - 1; k++) {
                    verts[k] = e.getKey().get(k);
                }
                verts[d - 1] = index;
                facets.add(facet(verts));
            }
        }
        return true;
    }

    /** A facet whose support has not yet been checked, if any. */
    Optional<Facet> unconfirmed() {
        return facets.stream().filter(f -> !f.confirmed).findFirst();
    }

    List<Facet> facets() {
        return facets;
    }

    /** The points that are vertices of some facet; in the plane, counter-clockwise. */
    List<double[]> vertices() {
        boolean[] used = new boolean[points.size()];
        for (Facet f : facets) {
            for (int v : f.vertices) {
                used[v] = true;
            }
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                out.add(points.get(i));
            }
        }
        if (d == 2) {
            out.sort((a, b) -> Double.compare(Math.atan2(a[1] - interior[1], a[0] - interior[0]),
                    Math.atan2(b[1] - interior[1], b[0] - interior[0])));
        }
        return out;
    }

    private List<List<Integer>> ridges(Facet f) {
        List<List<Integer>> out = new ArrayList<>();
        for (int drop = 0; drop < d; drop++) {
            List<Integer> ridge = new ArrayList<>();
            for (int k = 0; k < d; k++) {
                if (k != drop) {
                    ridge.add(f.vertices[k]);
                }
            }
            ridge.sort(null);
            out.add(ridge);
        }
        return out;
    }

    private Facet facet(int[] verts) {
        double[] a = points.get(verts[0]);
        double[] u = new double[d];
        if (d == 2) {
            double[] b = points.get(verts[1]);
            u[0] = b[1] - a[1];
            u[1] = a[0] - b[0];
        } else {
            double[] b = points.get(verts[1]);
            double[] c = points.get(verts[2]);
            double[] e1 = {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
            double[] e2 = {c[0] - a[0], c[1] - a[1], c[2] - a[2]};
            u[0] = e1[1] * e2[2] - e1[2] * e2[1];
            u[1] = e1[2] * e2[0] - e1[0] * e2[2];
            u[2] = e1[0] * e2[1] - e1[1] * e2[0];
        }
        double norm = Math.sqrt(Vectors.dot(u, u));
        double sign = Vectors.dot(u, interior) - Vectors.dot(u, a) > 0 ? -1 : 1;
        for (int k = 0; k < d; k++) {
            u[k] *= sign / norm;
        }
        return new Facet(verts, u, Vectors.dot(u, a));
    }

    private static double[] residual(double[] p, double[] origin, List<double[]> basis) {
        double[] r = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            r[i] = p[i] - origin[i];
        }
        for (double[] q : basis) {
            double c = Vectors.dot(r, q);
            for (int i = 0; i < r.length; i++) {
                r[i] -= c * q[i];
            }
        }
        return r;
    }
}
