package org.reluscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.reluscope.BadInputException;
import org.reluscope.batch.Instance;
import org.reluscope.batch.InstanceList;

import picocli.CommandLine.Option;

/**
 * How an instance list is read and timed, shared by {@code reluscope batch} and the Spark job:
 * the folder its paths are relative to and the factor on every listed time limit.
 */
public final class InstanceListOptions {
    @Option(names = "--root", paramLabel = "DIR", description = "The folder the list's paths are relative to.")
    private Path root;

    @Option(names = "--timeout-scale", paramLabel = "X", defaultValue = "1",
            description = "Multiplies every listed time limit (default ${DEFAULT-VALUE}).")
    private double timeoutScale;

    /**
     * The instances of {@code list}.
     *
     * @throws BadInputException when --root is not a folder or the list is malformed
     */
    public List<Instance> read(Path list) {
        if (root != null && !Files.isDirectory(root)) {
            throw new BadInputException("--root", root + " is not a folder");
        }
        return InstanceList.read(list, Optional.ofNullable(root));
    }

    /** The factor on every listed time limit, checked finite and positive. */
    public double timeoutScale() {
        if (!(timeoutScale > 0) || Double.isInfinite(timeoutScale)) {
            throw new BadInputException("--timeout-scale", "expected a finite number > 0, got " + timeoutScale);
        }
        return timeoutScale;
    }
}
