package org.reluscope.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.reluscope.input.InputSet;
import org.reluscope.lp.LpSolvers;
import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.report.SymmetryReport;
import org.reluscope.symmetry.Simplification;
import org.reluscope.symmetry.Simplifier;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code reluscope simplify NET --domain … -o OUT}: the network without the units the domain does not need. */
@Command(name = "simplify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a smaller network that computes the same function on the domain: sound bounds over "
                + "the domain prove which ReLU units are always inactive (removed), which layers are always active "
                + "(composed with the next affine map), and units with zero outgoing or input weights or duplicating "
                + "another unit are folded away. Outside the domain the result may differ."})
final class SimplifyCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Mixin
    private NetworkArgument network;

    @Mixin
    private DomainOptions domain;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "Where to write the simplified network (.json or .onnx).")
    private Path output;

    @Option(names = "--report", description = "Print the units before and after, per layer.")
    private boolean report;

    @Option(names = "--json", description = "Print the report as a JSON object.")
    private boolean json;

    @Option(names = "--duplicate-tol", defaultValue = "1e-12", paramLabel = "T",
            description = "Relative tolerance under which two units' (w, b) count as positive multiples "
                    + "(default: ${DEFAULT-VALUE}).")
    private double duplicateTolerance;

    @Option(names = "--bounds", defaultValue = "crown", paramLabel = "METHOD",
            description = {"The bounds that prove the units' phases: ibp, crown (default) or lp (the triangle LP "
                    + "relaxation, solved by " + LpSolvers.DEFAULT_LP + ": tighter, so more units go, at the cost "
                    + "of LPs). Always lp ⊆ crown ⊆ ibp."})
    private String bounds;

    @Override
    public Integer call() throws Exception {
        Network net = network.read();
        if (!domain.given()) {
            throw new ParameterException(spec.commandLine(), "missing domain: give --domain SPEC or --center with "
                    + "--linf or --l2");
        }
        InputSet set = domain.hull(net);
        Simplification s = Simplifier.simplify(net, set, Options.bounder(spec, "--bounds", bounds),
                Options.tolerance(duplicateTolerance));
        NetworkFiles.write(s.network(), output);
        if (json) {
            spec.commandLine().getOut().println(MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(SymmetryReport.simplification(s)));
        } else if (report) {
            spec.commandLine().getOut().print(SymmetryReport.simplificationText(s));
        } else {
            spec.commandLine().getOut().println("units: " + s.unitsBefore() + " → " + s.unitsAfter());
        }
        return 0;
    }
}
