package org.reluscope.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the shared reference workloads ({@code ../shared/benchmarks} next to the checkout),
 * which tests read in place and never copy. Looks at the system property
 * {@code reluscope.benchmarks}, the environment variable {@code RELUSCOPE_BENCHMARKS}, then
 * {@code shared/benchmarks} beside every ancestor of the working directory.
 */
public final class SharedBenchmarks {
    private static final Optional<Path> ROOT = locate();

    private SharedBenchmarks() {
    }

    /** The benchmarks folder, if present on this machine. */
    public static Optional<Path> root() {
        return ROOT;
    }

    /**
     * {@code root/relative}, or skips the calling test (JUnit assumption) with a message when
     * the shared benchmarks are not on this machine.
     */
    public static Path require(String relative) {
        assumeTrue(ROOT.isPresent(), "../shared/benchmarks is not present on this machine: test skipped");
        Path p = ROOT.get().resolve(relative);
        assumeTrue(Files.exists(p), p + " is not present: test skipped");
        return p;
    }

    private static Optional<Path> locate() {
        String configured = System.getProperty("reluscope.benchmarks", System.getenv("RELUSCOPE_BENCHMARKS"));
        if (configured != null) {
            Path p = Path.of(configured);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("benchmarks");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
