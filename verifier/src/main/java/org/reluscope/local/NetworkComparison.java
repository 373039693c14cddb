package org.reluscope.local;

import java.util.Optional;

import org.reluscope.net.Network;

/**
 * Compares two networks with the same input and output sizes at the same points: their local
 * affine maps ({@link MapAgreement}), their predictions and, with a ball, the number of
 * regions each has around the point (seed 003: similarity of partitions and local maps).
 */
public final class NetworkComparison {
    private final Network first;
    private final Network second;
    private final Neighborhood firstBalls;
    private final Neighborhood secondBalls;

    /**
     * @param balls how to count regions around each point, or {@code null} not to count
     * @throws IllegalArgumentException if the networks' input or output sizes differ
     */
    public NetworkComparison(Network first, Network second, NeighborhoodOptions balls) {
        if (first.inputSize() != second.inputSize() || first.outputSize() != second.outputSize()) {
            throw new IllegalArgumentException("the networks map " + first.inputSize() + " → " + first.outputSize()
                    + " and " + second.inputSize() + " → " + second.outputSize() + " values");
        }
        this.first = first;
        this.second = second;
        this.firstBalls = balls == null ? null : new Neighborhood(first, balls, null);
        this.secondBalls = balls == null ? null : new Neighborhood(second, balls, null);
    }

    /** The comparison at x. Not modified: x. */
    public PointComparison at(double[] x) {
        PointRegion a = PointRegion.at(first, x);
        PointRegion b = PointRegion.at(second, x);
        Optional<RegionCount> ca = firstBalls == null ? Optional.empty() : Optional.of(firstBalls.regions(x));
        Optional<RegionCount> cb = secondBalls == null ? Optional.empty() : Optional.of(secondBalls.regions(x));
        return new PointComparison(ca, cb, MapAgreement.of(a, b),
                Neighborhood.argmax(first.evaluate(x)) == Neighborhood.argmax(second.evaluate(x)));
    }
}
