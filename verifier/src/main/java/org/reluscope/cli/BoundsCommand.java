package org.reluscope.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.OutputBounder;
import org.reluscope.input.InputSet;
import org.reluscope.net.Network;
import org.reluscope.region.ExactBounds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reluscope bounds NET (SPEC | --center FILE --linf EPS | --center FILE --l2 R)}: sound output bounds. */
@Command(name = "bounds", mixinStandardHelpOptions = true,
        description = {"Prints sound lower and upper bounds on every output of the network over the input set, "
                + "one row per output: index, lower, upper. For a VNN-LIB file with several input boxes, one "
                + "result per box. The bounds hold for the exact real-valued network: floating-point rounding "
                + "is accounted for, and numbers are printed exactly (shortest decimal of the double)."})
final class BoundsCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Mixin
    private NetworkProblem problem;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "crown",
            description = {"ibp: interval propagation (fastest, loosest); crown: symbolic back-substitution "
                    + "(default); lp: the triangle LP relaxation of every unstable ReLU, solved by GLOP "
                    + "(tight, seconds per network); exact: the true range, by enumerating the activation regions "
                    + "and solving one LP per region (exponential in the worst case; within 1e-9 relative, on "
                    + "the safe side). Always lp ⊆ crown ⊆ ibp and exact ⊆ crown."})
    private String method;

    @Option(names = "--json", description = {"Print JSON: {\"method\", \"outputs\": [{\"index\", \"lower\", "
            + "\"upper\"}, …], \"unstable\": [unstable ReLUs per layer], \"seconds\"}; for several input "
            + "boxes an array of these, one per box."})
    private boolean json;

    @Override
    public Integer call() throws Exception {
        Network net = problem.readNetwork();
        List<InputSet> sets = problem.resolve(net).inputSets();
        OutputBounder bounder = Options.bounder(spec, "--method", method);
        PrintWriter err = spec.commandLine().getErr();
        ArrayNode results = MAPPER.createArrayNode();
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < sets.size(); k++) {
            if (sets.size() > 1) {
                err.printf(Locale.ROOT, "bounds: input box %d of %d%n", k + 1, sets.size());
                err.flush();
            }
            long t0 = System.nanoTime();
            Bounds b = bounder.compute(net, sets.get(k));
            double seconds = (System.nanoTime() - t0) / 1e9;
            results.add(tree(b, seconds));
            text.append(text(b, seconds, k, sets.size()));
        }
        JsonNode all = results.size() == 1 ? results.get(0) : results;
        spec.commandLine().getOut().print(json
                ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(all) + System.lineSeparator() : text);
        return 0;
    }

    private static ObjectNode tree(Bounds b, double seconds) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("method", b.method());
        if (b.method().startsWith(ExactBounds.NAME)) {
            root.put("complete", b.method().equals(ExactBounds.NAME));
        }
        ArrayNode outputs = root.putArray("outputs");
        for (int j = 0; j < b.outputSize(); j++) {
            outputs.addObject().put("index", j).put("lower", b.outputLower(j)).put("upper", b.outputUpper(j));
        }
        ArrayNode unstable = root.putArray("unstable");
        Arrays.stream(b.unstable()).forEach(unstable::add);
        root.put("seconds", seconds);
        return root;
    }

    private static String text(Bounds b, double seconds, int k, int count) {
        StringBuilder sb = new StringBuilder();
        if (count > 1) {
            sb.append(String.format(Locale.ROOT, "input box %d of %d%n", k + 1, count));
        }
        sb.append(String.format(Locale.ROOT, "method %s, %.3f s, unstable ReLUs per layer %s%n", b.method(), seconds,
                Arrays.toString(b.unstable())));
        sb.append(String.format(Locale.ROOT, "%6s  %-24s  %s%n", "output", "lower", "upper"));
        for (int j = 0; j < b.outputSize(); j++) {
            sb.append(String.format(Locale.ROOT, "%6d  %-24s  %s%n", j, b.outputLower(j), b.outputUpper(j)));
        }
        return sb.toString();
    }
}
