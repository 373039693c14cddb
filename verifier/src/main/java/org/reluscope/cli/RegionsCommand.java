package org.reluscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.reluscope.BadInputException;
import org.reluscope.bounds.ReluSplits;
import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.input.InputSet;
import org.reluscope.local.RegionBound;
import org.reluscope.local.RegionCountBound;
import org.reluscope.net.Network;
import org.reluscope.region.Region;
import org.reluscope.region.RegionEnumerator;
import org.reluscope.region.RegionOptions;
import org.reluscope.region.RegionSink;
import org.reluscope.region.RegionSummary;
import org.reluscope.report.RegionBoundReport;
import org.reluscope.report.RegionReport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reluscope regions NET (SPEC | --center FILE --linf EPS | --center FILE --l2 R)}: exact activation regions. */
@Command(name = "regions", mixinStandardHelpOptions = true,
        description = {"Enumerates every activation region of the network that meets the input set (a box, an L2 "
                + "ball, or a ball inside --clip), each with its pattern, polytope A x ≤ b and affine map "
                + "y = J x + c. A region counts when a point at least the interior tolerance inside it was "
                + "verified; thinner pieces are counted apart. Prints one line per region (unless --count-only) "
                + "and a summary: regions, distinct affine maps, ranks of J, complete, seconds."})
final class RegionsCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Mixin
    private NetworkProblem problem;

    @Option(names = "--count-only", description = "Print only the summary, not a line per region.")
    private boolean countOnly;

    @Option(names = "--jsonl", paramLabel = "OUT", description = {"Write one JSON line per region to OUT "
            + "(- for standard output, the summary then goes to standard error): "
            + "{\"pattern\":[[0,1,…],…],\"A\":[[…]],\"b\":[…],\"J\":[[…]],\"c\":[…]}, the polytope being A x ≤ b "
            + "(for a ball: ∩ the ball); with several input boxes also \"set\"."})
    private String jsonl;

    @Option(names = "--json", description = {"Print only the summary, as JSON: regions, distinct_maps, ranks, complete, "
            + "seconds, thin_pieces, per_depth, pieces, lps; an array for several input boxes."})
    private boolean json;

    @Option(names = "--upper-bound", description = {"Also print the sound upper bound on the number of regions "
            + "(neurons classified stable by crown bounds drop out of a Serra-style binomial sum, see "
            + "RegionCountBound) and the ratio regions / bound; JSON keys upper_bound, ratio, unstable."})
    private boolean upperBound;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    private Integer threads;

    @Option(names = "--sorted", description = "Deliver regions in pattern order (same output for any thread count; "
            + "keeps the regions in memory until the end).")
    private boolean sorted;

    @Option(names = "--max-regions", paramLabel = "N", description = "Stop after N regions (complete: false).")
    private Long maxRegions;

    @Option(names = "--timeout", paramLabel = "S", description = "Stop after S seconds (complete: false).")
    private Double timeout;

    @Override
    public Integer call() throws IOException {
        RegionOptions options = options();
        Network net = problem.readNetwork();
        InputSetOptions.ProblemSpec given = problem.resolve(net);
        List<InputSet> sets = given.inputSets();
        boolean toStdout = "-".equals(jsonl);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter summaryOut = toStdout ? err : out;
        ArrayNode summaries = MAPPER.createArrayNode();
        try (Writer file = jsonl == null || toStdout ? null : Files.newBufferedWriter(Path.of(jsonl), StandardCharsets.UTF_8)) {
            Writer lines = toStdout ? out : file;
            for (int k = 0; k < sets.size(); k++) {
                String source = sets.size() > 1 ? given.source() + ", input box " + (k + 1) + " of " + sets.size()
                        : given.source();
                RegionSummary summary = enumerate(net, sets.get(k), options, sink(lines, out, sets.size() > 1 ? k : -1), err);
                RegionBound bound = upperBound ? RegionCountBound.of(net, sets.get(k), new SymbolicPropagation()) : null;
                if (json) {
                    ObjectNode node = RegionReport.json(summary, source);
                    if (bound != null) {
                        RegionBoundReport.addTo(node, bound, summary.regions());
                    }
                    summaries.add(node);
                } else {
                    summaryOut.print(RegionReport.text(summary, source));
                    summaryOut.print(bound == null ? "" : RegionBoundReport.text(bound, summary.regions()));
                }
            }
        }
        if (json) {
            summaryOut.println(MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(summaries.size() == 1 ? summaries.get(0) : summaries));
        }
        summaryOut.flush();
        return 0;
    }

    private RegionOptions options() {
        RegionOptions o = RegionOptions.defaults().withSorted(sorted);
        if (threads != null) {
            if (threads < 1) {
                throw new BadInputException("--threads", "expected a positive number of threads, got " + threads);
            }
            o = o.withThreads(threads);
        }
        if (maxRegions != null) {
            if (maxRegions < 1) {
                throw new BadInputException("--max-regions", "expected a positive count, got " + maxRegions);
            }
            o = o.withMaxRegions(maxRegions);
        }
        if (timeout != null) {
            if (!(timeout > 0) || timeout.isInfinite()) {
                throw new BadInputException("--timeout", "expected a positive number of seconds, got " + timeout);
            }
            o = o.withTimeout(timeout);
        }
        return o;
    }

    /** Where each region goes: a JSON line, a text line, or nowhere (--count-only or --json without --jsonl). */
    private RegionSink sink(Writer lines, PrintWriter out, int set) {
        if (lines != null) {
            return region -> write(lines, RegionReport.jsonLine(region, set));
        }
        if (countOnly || json) {
            return region -> { };
        }
        return region -> write(out, RegionReport.textLine(region));
    }

    private static void write(Writer w, String line) {
        synchronized (w) {
            try {
                w.write(line);
                w.write(System.lineSeparator());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The enumeration with a progress line on stderr for runs over a second. */
    private static RegionSummary enumerate(Network net, InputSet set, RegionOptions options, RegionSink sink,
                                           PrintWriter err) {
        boolean[] shown = {false};
        RegionSummary summary = new RegionEnumerator(options).enumerate(net, set, ReluSplits.NONE, sink, p -> {
            synchronized (shown) {
                err.print("\r" + RegionReport.progressLine(p) + "   ");
                err.flush();
                shown[0] = true;
            }
        });
        synchronized (shown) {
            if (shown[0]) {
                err.println();
            }
        }
        return summary;
    }
}
