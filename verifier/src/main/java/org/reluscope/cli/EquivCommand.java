package org.reluscope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.reluscope.BadInputException;
import org.reluscope.input.InputSet;
import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.report.SymmetryReport;
import org.reluscope.symmetry.DifferenceAscent;
import org.reluscope.symmetry.DomainEquivalenceOptions;
import org.reluscope.symmetry.Equivalence;
import org.reluscope.symmetry.EquivalenceVerdict;
import org.reluscope.symmetry.ShallowNetwork;
import org.reluscope.verify.VerifierOptions;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code reluscope equiv NET1 NET2}: do two networks compute the same function? */
@Command(name = "equiv", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Decides whether two networks compute the same function. The first line of the output is "
                + "'equivalent' (with the proof method), 'different' (with a witness input whose outputs, evaluated "
                + "in double precision, differ by more than the tolerance) or 'unknown'.",
                "Without a domain both networks must be shallow (one hidden ReLU layer): they are compared on all "
                        + "of R^n through their canonical forms. With a domain (--domain SPEC, or --center with "
                        + "--linf/--l2) any networks are compared there: a witness is searched by gradient ascent on "
                        + "|f1 - f2|; equivalence is proven by crown bounds on f1 - f2, by differential bounds along "
                        + "the units the two networks share (a network and its simplification), or by branch and "
                        + "bound."})
final class EquivCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NET1", description = "The first network: .onnx, .nnet or .json.")
    private Path first;

    @Parameters(index = "1", paramLabel = "NET2", description = "The second network, with the same input and "
            + "output sizes.")
    private Path second;

    @Mixin
    private DomainOptions domain;

    @Option(names = "--tol", defaultValue = "1e-9", paramLabel = "T",
            description = "Outputs within T count as equal; canonical forms are compared within T "
                    + "(default: ${DEFAULT-VALUE}).")
    private double tolerance;

    @Option(names = "--samples", defaultValue = "2000", paramLabel = "N",
            description = "Random inputs tried before the gradient ascent, on a domain (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the random inputs (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "Budget of the branch and bound per domain set, after which the answer is 'unknown' "
                    + "(default: ${DEFAULT-VALUE}).")
    private double timeout;

    @Option(names = "--json", description = "Print a JSON object (answer, method or witness and outputs).")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        Network f1 = NetworkFiles.read(first);
        Network f2 = NetworkFiles.read(second);
        if (f1.inputSize() != f2.inputSize() || f1.outputSize() != f2.outputSize()) {
            throw new BadInputException(second, "has " + f2.inputSize() + " inputs and " + f2.outputSize()
                    + " outputs but " + first + " has " + f1.inputSize() + " and " + f1.outputSize());
        }
        EquivalenceVerdict verdict = domain.given() ? onDomain(f1, f2) : onRn(f1, f2);
        spec.commandLine().getOut().print(json
                ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(SymmetryReport.equivalence(verdict)) + "\n"
                : SymmetryReport.equivalenceText(verdict));
        return 0;
    }

    private EquivalenceVerdict onRn(Network f1, Network f2) {
        for (Path file : List.of(first, second)) {
            Network net = file == first ? f1 : f2;
            if (!ShallowNetwork.isShallow(net)) {
                throw new BadInputException(file, "is not shallow (" + net + "): networks with more than one hidden "
                        + "layer are compared on a bounded domain, give --domain SPEC or --center with --linf/--l2");
            }
        }
        return Equivalence.onRn(f1, f2, Options.symmetry(tolerance, 1L << 22));
    }

    /** Every set of the domain: different as soon as one set shows it, equivalent only if all do. */
    private EquivalenceVerdict onDomain(Network f1, Network f2) {
        if (samples < 1) {
            throw new BadInputException("--samples", "expected at least 1, got " + samples);
        }
        DifferenceAscent ascent = new DifferenceAscent(samples, DifferenceAscent.DEFAULT.restarts(),
                DifferenceAscent.DEFAULT.steps(), seed);
        DomainEquivalenceOptions options = DomainEquivalenceOptions.of(Options.tolerance(tolerance),
                Options.timeout(timeout), VerifierOptions.DEFAULT.threads()).withAscent(ascent);
        List<EquivalenceVerdict> verdicts = new ArrayList<>();
        for (InputSet set : domain.sets(f1).orElseThrow()) {
            EquivalenceVerdict v = Equivalence.onDomain(f1, f2, set, options);
            if (v instanceof EquivalenceVerdict.Different) {
                return v;
            }
            verdicts.add(v);
        }
        double bound = 0;
        for (EquivalenceVerdict v : verdicts) {
            if (!(v instanceof EquivalenceVerdict.Equivalent e)) {
                return v;
            }
            bound = Math.max(bound, e.differenceBound());
        }
        return new EquivalenceVerdict.Equivalent(((EquivalenceVerdict.Equivalent) verdicts.get(0)).method(), bound);
    }
}
