package org.reluscope.cli;

import java.nio.file.Path;

import org.reluscope.net.Network;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The arguments of the commands that analyse a network on an input set: {@code NET}, then a
 * VNN-LIB {@code SPEC} or the input-set options (a picocli mixin shared by bounds, regions,
 * verify, constraints and plot, so that they read and describe their inputs identically).
 */
final class NetworkProblem {
    @Mixin
    private NetworkArgument network;

    @Parameters(index = "1", arity = "0..1", paramLabel = InputSetOptions.SPEC_LABEL,
            description = InputSetOptions.SPEC_DESCRIPTION)
    private Path property;

    @Mixin
    private InputSetOptions inputs;

    /** The network, or a {@link org.reluscope.BadInputException} naming the file. */
    Network readNetwork() {
        return network.read();
    }

    /** The network's file, for captions and reports. */
    Path networkFile() {
        return network.file();
    }

    /** The input sets (and property, if any) for {@code net}, from SPEC or the options. */
    InputSetOptions.ProblemSpec resolve(Network net) {
        return inputs.resolve(net, property);
    }
}
