package org.reluscope.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.reluscope.BadInputException;
import org.reluscope.batch.Answer;
import org.reluscope.batch.CsvRecords;
import org.reluscope.batch.Instance;
import org.reluscope.batch.InstanceResult;
import org.reluscope.input.PointFiles;

/**
 * A batch's per-instance results as CSV, one row per instance under the header {@link #HEADER}:
 * the instance (index, network, property, listed timeout, the time limit it ran under), the
 * answer, the expected answer (empty when none), {@code wrong} (true when they contradict),
 * verification and load seconds, the detail text, and a sat witness as space-separated input
 * and output values. Numbers are written in Java's shortest round-trip form, so {@link #read}
 * gives the results back.
 */
public final class BatchCsv {
    /** The header line. */
    public static final String HEADER = "index,network,property,timeout,time_limit,answer,expected,wrong,seconds,"
            + "load_seconds,detail,witness_input,witness_output";

    private static final int COLUMNS = HEADER.split(",").length;

    private BatchCsv() {
    }

    /** The CSV text of {@code results}. */
    public static String toText(List<InstanceResult> results) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (InstanceResult r : results) {
            Instance i = r.instance();
            out.append(String.join(",", Integer.toString(r.index()), CsvRecords.quote(i.network()),
                    CsvRecords.quote(i.property()), Double.toString(i.timeoutSeconds()), Double.toString(r.timeLimit()),
                    r.answer().word(), r.expectation().map(Answer::word).orElse(""), Boolean.toString(r.wrong()),
                    Double.toString(r.seconds()), Double.toString(r.loadSeconds()), CsvRecords.quote(r.detail()),
                    values(r.witnessInput()), values(r.witnessOutput()))).append('\n');
        }
        return out.toString();
    }

    /** Writes {@link #toText} to {@code file} atomically. */
    public static void write(Path file, List<InstanceResult> results) {
        AtomicFiles.write(file, toText(results));
    }

    /**
     * The results in a file written by {@link #write}.
     *
     * @throws BadInputException naming the file and line of a malformed row
     */
    public static List<InstanceResult> read(Path file) {
        List<String> lines = PointFiles.readLines(file);
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
            throw new BadInputException(file, "line 1: expected the header " + HEADER);
        }
        List<InstanceResult> results = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            List<String> f = CsvRecords.split(file, n + 1, lines.get(n));
            if (f.size() != COLUMNS) {
                throw new BadInputException(file, "line " + (n + 1) + ": expected " + COLUMNS + " fields, found "
                        + f.size());
            }
            try {
                results.add(new InstanceResult(Integer.parseInt(f.get(0)),
                        new Instance(f.get(1), f.get(2), Double.parseDouble(f.get(3))), Double.parseDouble(f.get(4)),
                        Answer.fromWord(f.get(5)), f.get(6).isEmpty() ? null : Answer.fromWord(f.get(6)),
                        Double.parseDouble(f.get(8)), Double.parseDouble(f.get(9)), f.get(10), parseValues(f.get(11)),
                        parseValues(f.get(12))));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(file, "line " + (n + 1) + ": " + e.getMessage());
            }
        }
        return results;
    }

    private static String values(double[] v) {
        return Arrays.stream(v).mapToObj(Double::toString).collect(Collectors.joining(" "));
    }

    private static double[] parseValues(String text) {
        return text.isBlank() ? new double[0]
                : Arrays.stream(text.strip().split(" +")).mapToDouble(Double::parseDouble).toArray();
    }
}
