package org.reluscope.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.reluscope.bounds.OutputBounder;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.ortools.OrToolsEngine;
import org.reluscope.lp.ortools.OrToolsSolver;
import org.reluscope.region.BoundMethod;

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

    /** {@code --root DIR}, or {@code shared/benchmarks} beside the working directory or one of its ancestors. */
    static Path sharedRoot(Map<String, String> opts) {
        String given = opts.get("--root");
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

    /** {@code --out FILE}, or {@code fallback}. */
    static Path out(Map<String, String> opts, String fallback) {
        return Path.of(opts.getOrDefault("--out", fallback));
    }

    /** The comma-separated values of {@code name}; empty when the option is absent. */
    static List<String> list(Map<String, String> opts, String name) {
        return opts.containsKey(name) ? List.of(opts.get(name).split(",")) : List.of();
    }

    /** The bounder named by {@code --bounds} (default crown), with {@link #lpSolver} for lp and exact. */
    static OutputBounder bounder(Map<String, String> opts) {
        return BoundMethod.ofName(opts.getOrDefault("--bounds", "crown")).bounder(lpSolver());
    }

    /** The LP solver of the {@code lp} method. */
    static LpSolver lpSolver() {
        return new OrToolsSolver(OrToolsEngine.GLOP);
    }
}
