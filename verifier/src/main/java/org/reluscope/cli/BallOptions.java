package org.reluscope.cli;

import org.reluscope.BadInputException;
import org.reluscope.local.DistanceNorm;
import org.reluscope.local.NeighborhoodOptions;
import org.reluscope.lp.ortools.OrToolsEngine;
import org.reluscope.lp.ortools.OrToolsSolver;
import org.reluscope.region.BoundMethod;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The balls around data points of {@code neighborhood} and {@code compare} (a picocli mixin):
 * {@code --linf EPS} or {@code --l2 R}, optionally intersected with the data domain
 * ({@code --clip LO,HI}), and how the regions meeting them are counted.
 */
final class BallOptions {
    @Option(names = "--linf", paramLabel = "EPS", description = "L∞ balls: the boxes [x − EPS, x + EPS].")
    private Double linf;

    @Option(names = "--l2", paramLabel = "R", description = "L2 balls ‖y − x‖₂ ≤ R.")
    private Double l2;

    @Option(names = "--clip", paramLabel = "LO,HI",
            description = "Keep every input in [LO, HI] (e.g. 0,1 for pixels): each ball becomes ball ∩ [LO, HI]ⁿ "
                    + "for the region counts and the certification.")
    private String clip;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "crown",
            description = "Bounds that find the stable neurons of the region bound: ibp, crown (default) or lp.")
    private String method;

    @Option(names = "--exact-max-regions", paramLabel = "N", defaultValue = "10000",
            description = "Count regions exactly when a ball meets at most N (default ${DEFAULT-VALUE}; 0: only the "
                    + "bound); beyond, the bound is reported and marked '≤'.")
    private long exactRegions;

    @Option(names = "--exact-timeout", paramLabel = "S", defaultValue = "5",
            description = "Seconds of exact counting per ball before falling back to the bound (default ${DEFAULT-VALUE}).")
    private double exactSeconds;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    /** Whether balls were asked for (a radius, or a clip box that then needs one). */
    boolean given() {
        return linf != null || l2 != null || clip != null;
    }

    /**
     * The options of the analysis of a network with {@code inputs} inputs.
     *
     * @throws ParameterException  when no radius or both were given
     * @throws BadInputException   on a bad value
     */
    NeighborhoodOptions resolve(int inputs, double maxRadius, int bisectionSteps) {
        if ((linf == null) == (l2 == null)) {
            throw new ParameterException(mixee.commandLine(), linf == null ? "give a radius: --linf EPS or --l2 R"
                    : "--linf and --l2 exclude each other: give one radius");
        }
        BoundMethod bounds;
        try {
            bounds = BoundMethod.ofName(method);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), "--method: " + e.getMessage());
        }
        try {
            return new NeighborhoodOptions(linf != null ? DistanceNorm.LINF : DistanceNorm.L2, linf != null ? linf : l2,
                    clip == null ? null : ClipRange.box(clip, inputs, mixee.commandLine()),
                    bounds.bounder(bounds == BoundMethod.LP ? new OrToolsSolver(OrToolsEngine.GLOP) : null),
                    exactRegions, exactSeconds, maxRadius, bisectionSteps);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(linf != null ? "--linf" : "--l2", e.getMessage());
        }
    }
}
