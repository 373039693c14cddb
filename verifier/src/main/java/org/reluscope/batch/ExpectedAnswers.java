package org.reluscope.batch;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reluscope.BadInputException;
import org.reluscope.input.PointFiles;

/**
 * The settled answers a batch is checked against, read from a CSV file with a header naming
 * the columns {@code network}, {@code property} and {@code expected} (as the shared
 * benchmarks' {@code expected.csv}). Other columns are ignored.
 *
 * <p>An instance is matched by the file names of its network and property (without folders
 * and without {@code .gz}). Only {@code sat} and {@code unsat} are expectations; a row whose
 * answer is empty, {@code unknown}, {@code timeout} or {@code error} expects nothing.
 */
public final class ExpectedAnswers {
    /** Expects nothing: every instance is unchecked. */
    public static final ExpectedAnswers NONE = new ExpectedAnswers(Map.of());

    private final Map<String, Answer> answers;

    private ExpectedAnswers(Map<String, Answer> answers) {
        this.answers = Map.copyOf(answers);
    }

    /**
     * The answers in {@code csv}.
     *
     * @throws BadInputException naming the file and line of a missing column, an unknown answer
     *                           word, or an instance listed twice with different answers
     */
    public static ExpectedAnswers read(Path csv) {
        List<String> lines = PointFiles.readLines(csv);
        if (lines.isEmpty()) {
            throw new BadInputException(csv, "the file is empty (expected a header network,property,expected)");
        }
        List<String> header = CsvRecords.split(csv, 1, lines.get(0));
        int network = header.indexOf("network");
        int property = header.indexOf("property");
        int answer = header.indexOf("expected");
        if (network < 0 || property < 0 || answer < 0) {
            throw new BadInputException(csv, "line 1: the header must name the columns network, property and "
                    + "expected, found " + String.join(",", header));
        }
        Map<String, Answer> answers = new HashMap<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            List<String> row = CsvRecords.split(csv, n + 1, lines.get(n));
            int needed = Math.max(network, Math.max(property, answer)) + 1;
            if (row.size() < needed) {
                throw new BadInputException(csv, "line " + (n + 1) + ": expected at least " + needed + " fields, found "
                        + row.size());
            }
            Answer a = answer(csv, n + 1, row.get(answer));
            if (!a.isDecisive()) {
                continue;
            }
            String key = key(Instance.baseName(row.get(network)), Instance.baseName(row.get(property)));
            Answer before = answers.put(key, a);
            if (before != null && before != a) {
                throw new BadInputException(csv, "line " + (n + 1) + ": " + row.get(network) + " " + row.get(property)
                        + " is listed before as " + before.word() + " and now as " + a.word());
            }
        }
        return new ExpectedAnswers(answers);
    }

    private static Answer answer(Path csv, int line, String word) {
        if (word.isEmpty()) {
            return Answer.UNKNOWN;
        }
        try {
            return Answer.fromWord(word);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(csv, "line " + line + ": " + e.getMessage());
        }
    }

    /** The settled answer of the instance (sat or unsat), if this table has one. */
    public Optional<Answer> of(Instance instance) {
        return Optional.ofNullable(answers.get(key(instance.networkName(), instance.propertyName())));
    }

    /** How many instances have an expected answer. */
    public int size() {
        return answers.size();
    }

    private static String key(String network, String property) {
        return network + '\n' + property;
    }
}
