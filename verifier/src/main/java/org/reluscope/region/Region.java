package org.reluscope.region;

import java.util.Objects;
import java.util.Optional;

import org.reluscope.algebra.AffinePiece;
import org.reluscope.algebra.HPolytope;

/**
 * One activation region meeting the input set: its pattern, the polytope of inputs it covers
 * and the affine map the network computes there.
 *
 * <p>{@code polytope} = { x : A x ≤ b } holds the sign conditions
 * (2D_l − I)(Z_l x + ζ_l) ≥ 0 of the neurons that had to be split (each row scaled to unit
 * length over the set's free coordinates) and the set's bounding box. Neurons whose sign is
 * fixed on the whole piece add no row: their condition is implied. For a box input set,
 * region ∩ set = polytope; for an L2 ball it is polytope ∩ ball.
 *
 * <p>A region is <i>full-dimensional</i> when the enumerator verified a point inside it whose
 * distance to every facet and to the set's boundary exceeds the interior tolerance
 * ({@code interiorPoint}, {@code slack}); only those count as regions. Thinner pieces (lower-
 * dimensional ones, or thinner than the tolerance) are reported separately and have neither.
 *
 * @param pattern       the activation pattern
 * @param polytope      A x ≤ b as above
 * @param map           y = J x + c on the region
 * @param depth         how many splits (neurons unstable on the enclosing piece) led to it
 * @param interiorPoint a verified interior point (owned by the record), or {@code null} for a thin piece
 * @param slack         a lower bound on that point's distance to the region's boundary within the set; 0 when thin
 */
public record Region(ActivationPattern pattern, HPolytope polytope, AffineMap map, int depth, double[] interiorPoint,
                     double slack) {

    public Region {
        Objects.requireNonNull(pattern);
        Objects.requireNonNull(polytope);
        Objects.requireNonNull(map);
        if (polytope.dimension() != map.inputs()) {
            throw new IllegalArgumentException("region polytope has dimension " + polytope.dimension()
                    + " but the map takes " + map.inputs() + " inputs");
        }
    }

    /** Whether an interior point was verified (the piece counts as a region). */
    public boolean fullDimensional() {
        return interiorPoint != null;
    }

    /** The verified interior point, if any (copied). */
    public Optional<double[]> interior() {
        return interiorPoint == null ? Optional.empty() : Optional.of(interiorPoint.clone());
    }

    /** The numerical rank of J. */
    public int rank() {
        return map.rank();
    }

    /** The piece as the output-constraint analysis takes it, labelled with the pattern. */
    public AffinePiece toAffinePiece() {
        return new AffinePiece(pattern.label(), map.outputs(), map.inputs(), map.jacobian(), map.offset(), polytope);
    }
}
