package org.reluscope.region;

/**
 * What the slack test says about a piece P ∩ S: proven empty, thin (not proven empty, but no
 * point with slack above the tolerance was found: lower-dimensional or thinner than the
 * tolerance), or full-dimensional with a verified point.
 *
 * @param kind  the verdict
 * @param point the verified point when {@link Kind#INTERIOR} (owned by the record), else {@code null}
 * @param slack its verified slack (distance to P's facets and S's boundary, within S's affine hull)
 */
record Interior(Kind kind, double[] point, double slack) {
    enum Kind {
        EMPTY, THIN, INTERIOR
    }

    static final Interior EMPTY = new Interior(Kind.EMPTY, null, 0);
    static final Interior THIN = new Interior(Kind.THIN, null, 0);

    static Interior at(double[] point, double slack) {
        return new Interior(Kind.INTERIOR, point, slack);
    }

    boolean isEmpty() {
        return kind == Kind.EMPTY;
    }

    boolean hasInterior() {
        return kind == Kind.INTERIOR;
    }
}
