package org.reluscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.reluscope.BadInputException;
import org.reluscope.algebra.DeterminantalConstraints;
import org.reluscope.algebra.PatternFile;
import org.reluscope.algebra.PatternVariety;
import org.reluscope.algebra.VarietyProblem;
import org.reluscope.input.PointFiles;
import org.reluscope.report.ReportFormat;
import org.reluscope.report.VarietyReport;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reluscope variety}: dimension and equations of a pattern variety. */
@Command(name = "variety", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Dimension and polynomial equations of the pattern variety of an architecture: the closure "
                + "of the set of output matrices Y = [f(x_1) … f(x_k)] over all parameters, with each point's "
                + "activation pattern fixed.",
            "The dimension is the generic rank of the exact Jacobian of parameters → Y at random parameters; the "
                + "equations (rank minors and linear block equations in y_i_j = output i at point j) hold for "
                + "every parameter choice. The report says whether they are proven or only conjectured to "
                + "generate the whole ideal."})
public final class VarietyCommand implements Callable<Integer> {

    @Option(names = "--arch", required = true, split = ",", paramLabel = "n0,n1,…,nL", hideParamSyntax = true,
            description = "Widths of the layers, input first, output last (at least two).")
    private int[] arch;

    @Option(names = "--bias", description = "Layers have biases (default: bias-free).")
    private boolean bias;

    @Option(names = "--points", paramLabel = "k",
            description = "Number of input points (default with --patterns: one per pattern line).")
    private Integer points;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private PatternSource patternSource;

    static final class PatternSource {
        @Option(names = "--patterns", paramLabel = "FILE", description = "Activation patterns, one line per point: "
                + "each hidden layer's 0/1 string, separated by spaces or '|' (e.g. '110 01'); '#' comments; a single "
                + "line applies to every point.")
        Path file;

        @Option(names = "--random-patterns", description = "Draw random patterns from --seed (see --blocks).")
        boolean random;
    }

    @Option(names = "--blocks", defaultValue = "1", paramLabel = "B",
            description = "With --random-patterns: number of distinct patterns, assigned to consecutive runs of "
                    + "points (default: ${DEFAULT-VALUE}).")
    private int blocks;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed for random patterns, points and parameter draws (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--inputs", paramLabel = "CSV",
            description = "The input points, one per line (default: Gaussian points from --seed, generic).")
    private Path inputs;

    @Option(names = "--draws", defaultValue = "3", paramLabel = "D",
            description = "Random parameter draws for the Jacobian rank (default: ${DEFAULT-VALUE}).")
    private int draws;

    @Option(names = "--tol", defaultValue = "1e-9", paramLabel = "T",
            description = "Relative rank tolerance: singular values ≤ T·σ_max count as zero (default: ${DEFAULT-VALUE}).")
    private double tolerance;

    @Option(names = "--max-equations", defaultValue = "10000", paramLabel = "N",
            description = "Do not list a family with more minors than this (its count is still reported; "
                    + "default: ${DEFAULT-VALUE}).")
    private long maxEquations;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FMT",
            description = "text, json (key 'dimension'), m2 (Macaulay2) or sympy (one polynomial per line, "
                    + "meaning polynomial = 0, '#' comments).")
    private String format;

    @Option(names = "--json", description = "Same as --format json.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        ReportFormat fmt = json ? ReportFormat.JSON : ReportFormat.parse(format);
        VarietyProblem problem = problem();
        if (draws < 1) {
            throw new BadInputException("--draws", "need at least one draw, got " + draws);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new BadInputException("--tol", "tolerance must lie in (0, 1), got " + tolerance);
        }
        PatternVariety.Options options = new PatternVariety.Options(draws, seed, tolerance,
                new DeterminantalConstraints.Options(tolerance, maxEquations, 200 * maxEquations));
        PatternVariety.Result result = PatternVariety.analyse(problem, options);
        spec.commandLine().getOut().print(VarietyReport.render(problem, result, fmt));
        return 0;
    }

    private VarietyProblem problem() {
        if (arch.length < 2) {
            throw new BadInputException("--arch", "need at least input and output widths, got " + arch.length);
        }
        for (int w : arch) {
            if (w <= 0 || w > 10_000) {
                throw new BadInputException("--arch", "widths must lie in 1..10000, got " + w);
            }
        }
        if (points != null && points < 1) {
            throw new BadInputException("--points", "need at least one point, got " + points);
        }
        boolean[][][] patterns;
        if (patternSource.file != null) {
            patterns = PatternFile.read(patternSource.file, arch, points == null ? -1 : points);
        } else {
            if (points == null) {
                throw new BadInputException("--points", "--random-patterns needs --points k");
            }
            if (blocks < 1 || blocks > points) {
                throw new BadInputException("--blocks", "need between 1 and " + points + " blocks, got " + blocks);
            }
            patterns = PatternVariety.randomPatterns(arch, points, blocks, seed);
        }
        int k = patterns.length;
        double[][] x;
        if (inputs != null) {
            List<double[]> rows = PointFiles.readRows(inputs, arch[0]);
            if (rows.size() != k) {
                throw new BadInputException(inputs, rows.size() + " points but " + k + " patterns");
            }
            x = rows.toArray(new double[0][]);
        } else {
            x = PatternVariety.randomPoints(k, arch[0], seed);
        }
        return new VarietyProblem(arch, bias, x, patterns);
    }
}
