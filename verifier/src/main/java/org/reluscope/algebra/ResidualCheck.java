package org.reluscope.algebra;

import java.util.List;

/**
 * The check behind {@code --verify-samples}: evaluates the emitted constraints on outputs of
 * sampled inputs. Every union generator must vanish on every sample; a region's equations
 * must vanish on the samples that fell in that region. Residuals are relative to the
 * polynomial's scale at the sample ({@link Polynomial#relativeResidual}), so round-off gives
 * about 1e-16 and a violated equation gives order 1.
 */
public final class ResidualCheck {

    /** An output y = f(x) of a sampled x, and the index of x's region in the analysed list (−1: none). */
    public record Sample(double[] output, int region) {
    }

    /**
     * @param samples             how many samples were checked
     * @param maxUnionResidual    largest relative residual of any union generator over all samples
     * @param regionSamples       how many samples fell in an analysed region
     * @param maxRegionResidual   largest relative residual of a region's equation over its samples
     * @param unassignedSamples   samples whose region was not among the analysed ones
     */
    public record Report(int samples, double maxUnionResidual, int regionSamples, double maxRegionResidual,
                         int unassignedSamples) {
        /** The larger of the two maxima. */
        public double maxResidual() {
            return Math.max(maxUnionResidual, maxRegionResidual);
        }
    }

    private ResidualCheck() {
    }

    public static Report check(OutputConstraints.Result result, List<Sample> samples) {
        double union = 0;
        double region = 0;
        int inRegion = 0;
        int unassigned = 0;
        for (Sample s : samples) {
            for (LinearProduct g : result.generators()) {
                union = Math.max(union, g.relativeResidual(s.output()));
            }
            if (s.region() < 0 || s.region() >= result.regions().size()) {
                unassigned++;
                continue;
            }
            inRegion++;
            for (Polynomial e : result.regions().get(s.region()).equations()) {
                region = Math.max(region, e.relativeResidual(s.output()));
            }
        }
        return new Report(samples.size(), union, inRegion, region, unassigned);
    }
}
