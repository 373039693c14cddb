package org.reluscope.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.reluscope.lp.LpSolver;
import org.reluscope.lp.ortools.OrToolsEngine;
import org.reluscope.lp.ortools.OrToolsSolver;

/** Command-line options of the benchmark harnesses and the location of the shared workloads. */
final class BenchOptions {
    private BenchOptions() {
    }

    /** {@code --name value} pairs. */
    static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            opts.put(args[i], args[++i]);
        }
        return opts;
    }

    /** The given folder, or {@code shared/benchmarks} beside the working directory or one of its ancestors. */
    static Path sharedRoot(String given) {
        if (given != null) {
            return Path.of(given);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("benchmarks");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no shared/benchmarks folder found: pass --root DIR");
    }

    /** The LP solver of the {@code lp} method. */
    static LpSolver lpSolver() {
        return new OrToolsSolver(OrToolsEngine.GLOP);
    }
}
