package org.reluscope.cli;

import java.nio.file.Path;

import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;

import picocli.CommandLine.Parameters;

/** The {@code NET} argument of the commands that read a network (a picocli mixin). */
final class NetworkArgument {
    @Parameters(index = "0", paramLabel = "NET",
            description = "The network: .onnx, .nnet or .json (another extension: detected from the content).")
    private Path file;

    Path file() {
        return file;
    }

    /** The network, or a {@link org.reluscope.BadInputException} naming the file. */
    Network read() {
        return NetworkFiles.read(file);
    }
}
