package org.reluscope.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.reluscope.BadInputException;
import org.reluscope.batch.Answer;
import org.reluscope.batch.BatchSummary;
import org.reluscope.batch.Instance;
import org.reluscope.batch.InstanceResult;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A batch as JSON: {@code {"summary": {...}, "instances": [...]}}. The summary has the counts
 * of {@link BatchSummary} and {@code exit_code}; each instance has {@code index, network,
 * property, timeout, time_limit, answer, expected} (null when none){@code , wrong, seconds,
 * load_seconds, detail} and {@code witness} ({@code {"input": [...], "output": [...]}} for sat,
 * else null). Doubles are written in their shortest round-trip form, so {@link #read} gives
 * the results back.
 */
public final class BatchJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private BatchJson() {
    }

    /** The JSON document of a batch. */
    public static ObjectNode tree(List<InstanceResult> results) {
        ObjectNode root = JSON.objectNode();
        root.set("summary", summary(BatchSummary.of(results)));
        ArrayNode instances = root.putArray("instances");
        results.forEach(r -> instances.add(instance(r)));
        return root;
    }

    /** Writes {@link #tree} to {@code file} atomically, pretty-printed. */
    public static void write(Path file, List<InstanceResult> results) {
        try {
            AtomicFiles.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(results)) + "\n");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The per-instance results of a file written by {@link #write}.
     *
     * @throws BadInputException when the file is not such a document
     */
    public static List<InstanceResult> read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "no such file");
        } catch (JsonProcessingException e) {
            throw new BadInputException(file, "line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode instances = root.path("instances");
        if (!instances.isArray()) {
            throw new BadInputException(file, "expected an object with an \"instances\" array");
        }
        List<InstanceResult> results = new ArrayList<>();
        for (JsonNode n : instances) {
            try {
                results.add(result(n));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new BadInputException(file, "instance " + results.size() + ": " + e.getMessage());
            }
        }
        return results;
    }

    /** The summary object. */
    public static ObjectNode summary(BatchSummary s) {
        ObjectNode o = JSON.objectNode();
        o.put("total", s.total());
        o.put("solved", s.solved());
        o.put("sat", s.sat());
        o.put("unsat", s.unsat());
        o.put("unknown", s.unknown());
        o.put("timeout", s.timeout());
        o.put("errors", s.errors());
        o.put("wrong", s.wrong());
        o.put("matched", s.matched());
        o.put("unchecked", s.unchecked());
        o.put("late", s.late());
        o.put("seconds", s.seconds());
        o.put("exit_code", s.exitCode());
        return o;
    }

    private static ObjectNode instance(InstanceResult r) {
        ObjectNode o = JSON.objectNode();
        o.put("index", r.index());
        o.put("network", r.instance().network());
        o.put("property", r.instance().property());
        o.put("timeout", r.instance().timeoutSeconds());
        o.put("time_limit", r.timeLimit());
        o.put("answer", r.answer().word());
        o.put("expected", r.expectation().map(Answer::word).orElse(null));
        o.put("wrong", r.wrong());
        o.put("seconds", r.seconds());
        o.put("load_seconds", r.loadSeconds());
        o.put("detail", r.detail());
        if (r.answer() == Answer.SAT) {
            ObjectNode w = o.putObject("witness");
            w.set("input", array(r.witnessInput()));
            w.set("output", array(r.witnessOutput()));
        } else {
            o.putNull("witness");
        }
        return o;
    }

    private static InstanceResult result(JsonNode n) {
        JsonNode w = n.path("witness");
        return new InstanceResult(required(n, "index").asInt(),
                new Instance(required(n, "network").asText(), required(n, "property").asText(),
                        required(n, "timeout").asDouble()),
                required(n, "time_limit").asDouble(), Answer.fromWord(required(n, "answer").asText()),
                n.path("expected").isTextual() ? Answer.fromWord(n.get("expected").asText()) : null,
                required(n, "seconds").asDouble(), required(n, "load_seconds").asDouble(), n.path("detail").asText(""),
                doubles(w.path("input")), doubles(w.path("output")));
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return v;
    }

    private static ArrayNode array(double[] values) {
        ArrayNode a = JSON.arrayNode();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    private static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }
}
