package org.reluscope.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.net.io.NetworkFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code reluscope random-network}: a seeded random ReLU network, written to a file. */
@Command(name = "random-network", mixinStandardHelpOptions = true,
        description = {"Writes a seeded random ReLU network: Gaussian weights with variance 2/fan-in (He), "
                + "Gaussian biases, ReLU after every layer but the last. The same seed gives the same network."})
final class RandomNetworkCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--widths", split = ",", required = true, paramLabel = "N",
            description = "Layer widths from the input to the output, e.g. 5,20,20,3.")
    private int[] widths;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--bias-scale", paramLabel = "B", defaultValue = "0.1",
            description = "Standard deviation of the biases; 0 gives a bias-free network (default: ${DEFAULT-VALUE}).")
    private double biasScale;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true,
            description = "Output file: .json, or .onnx (float64 MatMul/Add/Relu graph).")
    private Path output;

    @Override
    public Integer call() {
        if (widths.length < 2 || Arrays.stream(widths).anyMatch(w -> w < 1)) {
            throw new ParameterException(spec.commandLine(),
                    "--widths needs at least two positive sizes, got " + Arrays.toString(widths));
        }
        if (!(biasScale >= 0) || Double.isInfinite(biasScale)) {
            throw new ParameterException(spec.commandLine(), "--bias-scale must be finite and >= 0, got " + biasScale);
        }
        Network net = RandomNetworks.relu(seed, biasScale, widths);
        NetworkFiles.write(net, output);
        spec.commandLine().getOut().println("wrote " + output + ": " + net + ", " + net.parameterCount()
                + " parameters");
        return 0;
    }
}
