package org.reluscope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.reluscope.BadInputException;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.input.PointFiles;
import org.reluscope.net.Network;
import org.reluscope.numeric.Rounding;
import org.reluscope.spec.Property;
import org.reluscope.spec.VnnLibParser;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options shared by every command that works on an input set: either a VNN-LIB file
 * (the command's positional {@code SPEC}), or a centre x0 with a radius —
 * {@code --linf EPS} gives the box [x0 − ε, x0 + ε] (bounds rounded outward),
 * {@code --l2 R} the ball ‖x − x0‖₂ ≤ R — optionally kept inside [LO, HI]ⁿ by
 * {@code --clip LO,HI} and turned into the robustness property "some y_j ≥ y_K, j ≠ K" by
 * {@code --label K}.
 *
 * <p>picocli validates a mixin on its own, so the mixin cannot own a positional at index 1;
 * a command with positionals {@code NET [SPEC]} declares both and hands SPEC over:
 * <pre>
 * &#64;Parameters(index = "0", paramLabel = "NET", description = "…") Path net;
 * &#64;Parameters(index = "1", arity = "0..1", paramLabel = InputSetOptions.SPEC_LABEL,
 *         description = InputSetOptions.SPEC_DESCRIPTION) Path spec;
 * &#64;Mixin InputSetOptions inputs;
 * …
 * InputSetOptions.ProblemSpec problem = inputs.resolve(network, spec);
 * </pre>
 * Conflicting or missing options are usage errors ({@link ParameterException}); bad values,
 * empty sets and dimension mismatches are {@link BadInputException}s. Both exit with code 2.
 */
public final class InputSetOptions {
    /** The label of the positional property file in usage lines. */
    public static final String SPEC_LABEL = "SPEC";
    /** The help text of the positional property file. */
    public static final String SPEC_DESCRIPTION = "VNN-LIB property (.vnnlib): its input box(es) and the UNSAFE "
            + "outputs. Alternatively give --center with --linf or --l2.";

    @Option(names = "--center", paramLabel = "FILE.csv",
            description = "Centre x0 of the input set: a CSV file with one point (one row, or one value per line).")
    Path center;

    @Option(names = "--linf", paramLabel = "EPS",
            description = "L∞ radius: the input set is the box [x0 − EPS, x0 + EPS]. Needs --center.")
    Double linf;

    @Option(names = "--l2", paramLabel = "R",
            description = "L2 radius: the input set is the ball ‖x − x0‖₂ ≤ R. Needs --center.")
    Double l2;

    @Option(names = "--clip", paramLabel = "LO,HI",
            description = "Keep every input in [LO, HI] (e.g. 0,1 for pixels): intersects the --linf box; "
                    + "for --l2, the ball's domain.")
    String clip;

    @Option(names = "--label", paramLabel = "K",
            description = "Check robustness around x0: unsafe when some output y_j, j ≠ K, reaches y_K.")
    Integer label;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /**
     * What the options describe: the input sets to analyse (the distinct boxes of a VNN-LIB
     * file, or the one set around the centre) and the property to verify, if any.
     *
     * @param source where it came from, for reports: the file, or the centre and radius
     */
    public record ProblemSpec(List<InputSet> inputSets, Optional<Property> property, String source) {
        public ProblemSpec {
            inputSets = List.copyOf(inputSets);
        }
    }

    /**
     * The input sets and property for {@code net}.
     *
     * @param spec the command's positional SPEC, or {@code null} when it was not given
     * @throws ParameterException on missing or conflicting options
     * @throws BadInputException  on a bad file or value, an empty set, or sizes that do not match {@code net}
     */
    public ProblemSpec resolve(Network net, Path spec) {
        List<String> given = givenOptions();
        if (spec != null) {
            if (!given.isEmpty()) {
                throw usage(SPEC_LABEL + " " + spec + " already gives the input set and property; do not add "
                        + String.join(", ", given));
            }
            return fromSpec(net, spec);
        }
        if (center == null) {
            throw usage(given.isEmpty()
                    ? "missing input set: give " + SPEC_LABEL + " (a .vnnlib file) or --center FILE.csv with --linf EPS or --l2 R"
                    : given.get(0) + " needs --center FILE.csv");
        }
        if ((linf == null) == (l2 == null)) {
            throw usage(linf == null ? "--center needs a radius: --linf EPS or --l2 R"
                    : "--linf and --l2 exclude each other: give one radius");
        }
        InputSet set = linf != null ? linfBox(net) : l2Ball(net);
        String source = center + (linf != null ? ", L∞ radius " + linf : ", L2 radius " + l2);
        if (label == null) {
            return new ProblemSpec(List.of(set), Optional.empty(), source);
        }
        int outputs = net.outputSize();
        if (label < 0 || label >= outputs) {
            throw new BadInputException("--label", label + " is not an output index: the network has " + outputs
                    + " outputs (0.." + (outputs - 1) + ")");
        }
        return new ProblemSpec(List.of(set), Optional.of(Property.robustness(set, outputs, label)), source);
    }

    private ProblemSpec fromSpec(Network net, Path spec) {
        Property property = VnnLibParser.parse(spec);
        checkSize(spec, "inputs", property.inputSize(), net.inputSize());
        checkSize(spec, "outputs", property.outputSize(), net.outputSize());
        return new ProblemSpec(property.inputSets(), Optional.of(property), spec.toString());
    }

    private static void checkSize(Path spec, String what, int declared, int network) {
        if (declared != network) {
            throw new BadInputException(spec, "property has " + declared + " " + what + " but the network has " + network);
        }
    }

    /** [x0 − ε, x0 + ε] rounded outward, intersected with the clip box. */
    private Box linfBox(Network net) {
        double eps = radius("--linf", linf);
        double[] x0 = PointFiles.readPoint(center, net.inputSize());
        double[] lo = new double[x0.length];
        double[] hi = new double[x0.length];
        for (int i = 0; i < x0.length; i++) {
            lo[i] = Rounding.addDown(x0[i], -eps);
            hi[i] = Rounding.addUp(x0[i], eps);
        }
        Box ball = new Box(lo, hi);
        Box domain = clipBox(x0.length);
        if (domain == null) {
            return ball;
        }
        for (int i = 0; i < x0.length; i++) {
            if (lo[i] > domain.upper(i) || hi[i] < domain.lower(i)) {
                throw new BadInputException("--clip", "[" + domain.lower(i) + ", " + domain.upper(i) + "] does not meet the L∞ ball of"
                        + " radius " + eps + " around the centre: input " + i + " of the centre is " + x0[i]);
            }
        }
        return ball.intersect(domain);
    }

    /** The ball around the centre, with the clip box as its domain. */
    private L2Ball l2Ball(Network net) {
        double r = radius("--l2", l2);
        double[] x0 = PointFiles.readPoint(center, net.inputSize());
        Box domain = clipBox(x0.length);
        try {
            return new L2Ball(x0, r, domain);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--clip", e.getMessage());
        }
    }

    private static double radius(String option, double r) {
        if (!(r >= 0) || Double.isInfinite(r)) {
            throw new BadInputException(option, "the radius must be a finite number ≥ 0, got " + r);
        }
        return r;
    }

    /** The box [LO, HI]ⁿ of --clip, or {@code null} without it. */
    private Box clipBox(int n) {
        return clip == null ? null : ClipRange.box(clip, n, mixee.commandLine());
    }

    /** Whether any of these options was given (for commands where the input set is optional). */
    public boolean anyGiven() {
        return !givenOptions().isEmpty();
    }

    private List<String> givenOptions() {
        List<String> given = new ArrayList<>();
        addIf(given, center != null, "--center");
        addIf(given, linf != null, "--linf");
        addIf(given, l2 != null, "--l2");
        addIf(given, clip != null, "--clip");
        addIf(given, label != null, "--label");
        return given;
    }

    private static void addIf(List<String> list, boolean condition, String item) {
        if (condition) {
            list.add(item);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(mixee.commandLine(), message);
    }
}
