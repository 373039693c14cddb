package org.reluscope.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.reluscope.net.AffineLayer;
import org.reluscope.net.InputNormalization;
import org.reluscope.net.Network;
import org.reluscope.net.io.JsonNetworks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reluscope info NET}: the shape of a network. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Shows a network's layers (widths and activation of each), parameter and ReLU counts, "
                + "input and output dimensions, and the input normalisation a .nnet file declares."})
final class InfoCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Mixin
    private NetworkArgument network;

    @Option(names = "--json", description = "Print a JSON object instead of text.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        Network net = network.read();
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(net)) : text(net));
        return 0;
    }

    private String text(Network net) {
        StringBuilder sb = new StringBuilder();
        sb.append("network:       ").append(network.file()).append('\n');
        sb.append("inputs:        ").append(net.inputSize()).append('\n');
        sb.append("outputs:       ").append(net.outputSize()).append('\n');
        sb.append("widths:        ").append(Arrays.stream(net.widths()).mapToObj(Integer::toString)
                .collect(Collectors.joining("-"))).append('\n');
        sb.append("layers:        ").append(net.layerCount()).append('\n');
        for (int l = 0; l < net.layerCount(); l++) {
            AffineLayer layer = net.layer(l);
            sb.append(String.format("  %3d  %d -> %d  %s%n", l + 1, layer.inputSize(), layer.outputSize(),
                    JsonNetworks.activationName(layer.activation())));
        }
        sb.append("parameters:    ").append(net.parameterCount()).append('\n');
        sb.append("relus:         ").append(net.reluCount()).append('\n');
        sb.append("normalisation: ");
        if (net.normalization().isEmpty()) {
            return sb.append("none").toString();
        }
        InputNormalization n = net.normalization().get();
        sb.append("x = (clip(u, min, max) - mean) / range; raw output = y * outputRange + outputMean\n");
        sb.append("  min          ").append(join(n.min())).append('\n');
        sb.append("  max          ").append(join(n.max())).append('\n');
        sb.append("  mean         ").append(join(n.mean())).append('\n');
        sb.append("  range        ").append(join(n.range())).append('\n');
        sb.append("  outputMean   ").append(n.outputMean()).append('\n');
        return sb.append("  outputRange  ").append(n.outputRange()).toString();
    }

    private ObjectNode tree(Network net) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("network", network.file().toString());
        root.put("inputs", net.inputSize());
        root.put("outputs", net.outputSize());
        ArrayNode widths = root.putArray("widths");
        Arrays.stream(net.widths()).forEach(widths::add);
        ArrayNode layers = root.putArray("layers");
        for (AffineLayer layer : net.layers()) {
            layers.addObject().put("inputs", layer.inputSize()).put("outputs", layer.outputSize())
                    .put("activation", JsonNetworks.activationName(layer.activation()));
        }
        root.put("parameters", net.parameterCount());
        root.put("relus", net.reluCount());
        root.set("normalization", net.normalization().map(JsonNetworks::toTree).orElse(null));
        return root;
    }

    private static String join(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(", "));
    }
}
