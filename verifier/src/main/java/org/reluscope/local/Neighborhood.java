package org.reluscope.local;

import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalInt;

import org.reluscope.input.InputSet;
import org.reluscope.net.Network;
import org.reluscope.region.RegionEnumerator;
import org.reluscope.region.RegionOptions;
import org.reluscope.region.RegionSummary;
import org.reluscope.verify.Verifier;

/**
 * Local analysis of a network around data points (MISSION.md §3, seeds 001 and 003): for the
 * ball of the configured norm and radius around a point, the number of activation regions it
 * meets, the distance from the point to its own region's boundary, the norm of the local
 * affine map, and whether the ball keeps the point's label. Regions are counted exactly by
 * {@link RegionEnumerator} within the configured budget (one thread per point), and otherwise
 * bounded by {@link RegionCountBound}.
 *
 * <p>Thread-safe if the verifier is; each call is independent.
 */
public final class Neighborhood {
    private final Network network;
    private final NeighborhoodOptions options;
    private final CertifiedRadius certifier;
    private final RegionEnumerator enumerator;

    /**
     * @param verifier decides robustness of labels; may be {@code null} when no point is
     *                 analysed with a label
     */
    public Neighborhood(Network network, NeighborhoodOptions options, Verifier verifier) {
        this.network = network;
        this.options = options;
        this.enumerator = new RegionEnumerator(RegionOptions.defaults().withThreads(1)
                .withMaxRegions(Math.max(1, options.exactRegions())).withTimeout(options.exactSeconds()));
        this.certifier = verifier == null ? null : new CertifiedRadius(verifier, network, options.norm(), options.domain());
    }

    public NeighborhoodOptions options() {
        return options;
    }

    /**
     * The analysis of x, with robustness of {@code label} when present. Not modified: x.
     *
     * @throws IllegalArgumentException if x does not fit the network, the ball misses the
     *                                  domain, or a label is given without a verifier
     */
    public PointAnalysis analyse(double[] x, OptionalInt label) {
        InputSet ball = Balls.around(x, options.norm(), options.radius(), options.domain());
        PointRegion region = PointRegion.at(network, x);
        Optional<Certification> certification = Optional.empty();
        if (label.isPresent()) {
            if (certifier == null) {
                throw new IllegalArgumentException("a label needs a verifier");
            }
            certification = Optional.of(certifier.certify(x, label.getAsInt(), options.radius(), options.maxRadius(),
                    options.bisectionSteps()));
        }
        return new PointAnalysis(x.clone(), count(ball), BoundaryDistance.of(region, options.norm()),
                options.norm().inducedNorm(region.map().jacobianRows()), certification);
    }

    /** The regions meeting the ball around x: exact within the budget, else the bound. Not modified: x. */
    public RegionCount regions(double[] x) {
        return count(Balls.around(x, options.norm(), options.radius(), options.domain()));
    }

    /** The class the network predicts at x: the index of the largest output (the first on ties). Not modified: x. */
    public int predictedLabel(double[] x) {
        return argmax(network.evaluate(x));
    }

    /** The index of the largest entry of y (the first on ties). Not modified: y. */
    public static int argmax(double[] y) {
        int best = 0;
        for (int j = 1; j < y.length; j++) {
            if (y[j] > y[best]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * The bound, and the exact count when the enumeration finishes within the budget. A bound
     * of 1 on a ball with interior is exact: the closures of the full-dimensional regions
     * cover the space, so the open ball meets at least one.
     */
    private RegionCount count(InputSet ball) {
        RegionBound bound = RegionCountBound.of(network, ball, options.classifier());
        if (bound.upperBound().equals(BigInteger.ONE) && options.radius() > 0) {
            return new RegionCount(BigInteger.ONE, true, bound);
        }
        if (options.exactRegions() > 0) {
            RegionSummary exact = enumerator.enumerate(network, ball, region -> { });
            if (exact.complete()) {
                return new RegionCount(BigInteger.valueOf(exact.regions()), true, bound);
            }
        }
        return new RegionCount(bound.upperBound(), false, bound);
    }
}
