package org.reluscope.local;

import java.util.Optional;

/**
 * Two networks compared at one point.
 *
 * @param first          the first network's regions around the point, if a ball was given
 * @param second         the second network's
 * @param maps           the agreement of their local affine maps at the point
 * @param samePrediction whether both predict the same class (largest output) at the point
 */
public record PointComparison(Optional<RegionCount> first, Optional<RegionCount> second, MapAgreement maps,
                              boolean samePrediction) {

    /** Whether both counts are exact and equal (empty without a ball). */
    public Optional<Boolean> sameRegionCount() {
        if (first.isEmpty() || second.isEmpty()) {
            return Optional.empty();
        }
        RegionCount a = first.get();
        RegionCount b = second.get();
        return a.exact() && b.exact() ? Optional.of(a.value().equals(b.value())) : Optional.empty();
    }
}
