package org.reluscope.region;

import java.util.List;

/**
 * What the slack test says about a piece P ∩ S: proven empty, thin (not proven empty, but no
 * point with slack above the tolerance was found: lower-dimensional or thinner than the
 * tolerance), or full-dimensional with a verified point.
 *
 * @param kind  the verdict
 * @param point the verified point when {@link Kind#INTERIOR} (owned by the record), else {@code null}
 * @param slack its verified slack (distance to P's facets and S's boundary, within S's affine hull)
 * @param cuts  directions d of the ball cuts the slack LP ended with (empty for a box or without LP);
 *              the arrays are shared, never modified
 */
record Interior(Kind kind, double[] point, double slack, List<double[]> cuts) {
    enum Kind {
        EMPTY, THIN, INTERIOR
    }

    static final Interior EMPTY = new Interior(Kind.EMPTY, null, 0, List.of());
    static final Interior THIN = new Interior(Kind.THIN, null, 0, List.of());

    static Interior at(double[] point, double slack) {
        return new Interior(Kind.INTERIOR, point, slack, List.of());
    }

    /** The same verdict with the ball's tangent-cut directions its LP used, for the pieces inside to start from. */
    Interior withCuts(List<double[]> used) {
        return new Interior(kind, point, slack, List.copyOf(used));
    }

    boolean isEmpty() {
        return kind == Kind.EMPTY;
    }

    boolean hasInterior() {
        return kind == Kind.INTERIOR;
    }
}
