package org.reluscope.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.reluscope.BadInputException;
import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.report.SymmetryReport;
import org.reluscope.symmetry.ShallowAnalysis;
import org.reluscope.symmetry.ShallowNetwork;
import org.reluscope.symmetry.SymmetryOptions;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reluscope canonical NET}: the canonical minimal form of a shallow network. */
@Command(name = "canonical", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Canonical form of a network with one hidden ReLU layer: f(x) = Σ α_h σ(u_h·x + β_h) + G x + g "
                + "with ‖u_h‖ = 1, first non-zero entry of u_h positive, distinct hyperplanes (u_h, β_h), α_h ≠ 0, "
                + "sorted. Two shallow networks compute the same function exactly when their canonical forms agree.",
                "Also reports the number K of hyperplanes, the minimal hidden width of a network computing f "
                        + "(K, K+1 or K+2 for one output), whether the parameters are generic (identifiable up to "
                        + "permutation and positive scaling) and the orbit of the symmetry group."})
final class CanonicalCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Mixin
    private NetworkArgument network;

    @Option(names = "--tol", defaultValue = "1e-9", paramLabel = "T",
            description = "Absolute tolerance on the normalised parameters: units whose (u, β) agree within T merge, "
                    + "output weights and G, g entries within T of 0 count as 0 (default: ${DEFAULT-VALUE}).")
    private double tolerance;

    @Option(names = "--budget", defaultValue = "4194304", paramLabel = "N",
            description = "Most search nodes for the minimal-width and genericity searches; past it the answer says "
                    + "'not proven' / 'undecided' (default: ${DEFAULT-VALUE}).")
    private long budget;

    @Option(names = "--write-minimal", paramLabel = "OUT",
            description = "Also write a network of minimal width computing the same function (.json or .onnx).")
    private Path writeMinimal;

    @Option(names = "--json", description = "Print a JSON object (keys units, G, g, hyperplanes, minimal_width, "
            + "generic, orbit, …) instead of text.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        Network net = network.read();
        if (!ShallowNetwork.isShallow(net)) {
            throw new BadInputException(network.file(), "not a shallow network: expected one ReLU layer then an affine "
                    + "layer, got " + net + " with " + net.layerCount() + " layers");
        }
        SymmetryOptions options = Options.symmetry(tolerance, budget);
        ShallowAnalysis analysis = ShallowAnalysis.of(net, options);
        if (writeMinimal != null) {
            NetworkFiles.write(analysis.minimalNetwork(tolerance), writeMinimal);
        }
        spec.commandLine().getOut().print(json
                ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(SymmetryReport.canonical(analysis, tolerance))
                + "\n" : SymmetryReport.canonicalText(analysis, tolerance));
        return 0;
    }
}
