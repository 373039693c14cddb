package org.reluscope.report;

import java.util.Locale;

import org.reluscope.batch.Answer;
import org.reluscope.batch.BatchSummary;
import org.reluscope.batch.InstanceResult;

/** The human-readable lines of a batch run: one progress line per instance and the summary table. */
public final class BatchText {
    private BatchText() {
    }

    /**
     * {@code [  3/186] net.onnx prop_1.vnnlib: unsat 1.234 s | sat 0 unsat 3 …}: the instance,
     * its answer (with {@code WRONG} and the expected answer, or the error message), its time,
     * and the tally so far.
     */
    public static String progress(InstanceResult r, int total, BatchSummary tally) {
        String width = Integer.toString(Integer.toString(total).length());
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%" + width + "d/%d] %s: %s", r.index() + 1,
                total, r.instance().name(), r.answer().word()));
        if (r.wrong()) {
            line.append(" WRONG (expected ").append(r.expected().word()).append(')');
        }
        if (r.answer() == Answer.ERROR) {
            line.append(" (").append(r.detail()).append(')');
        }
        line.append(String.format(Locale.ROOT, " %.3f s | sat %d unsat %d unknown %d timeout %d error %d wrong %d",
                r.seconds(), tally.sat(), tally.unsat(), tally.unknown(), tally.timeout(), tally.errors(),
                tally.wrong()));
        return line.toString();
    }

    /** The summary table: a header line and a line of counts, then a verdict line. */
    public static String summary(BatchSummary s) {
        String format = "%9s %7s %6s %6s %8s %8s %6s %7s %5s %10s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, format, "instances", "solved", "sat", "unsat", "unknown", "timeout",
                "wrong", "errors", "late", "seconds"));
        out.append(String.format(Locale.ROOT, format, s.total(), s.solved(), s.sat(), s.unsat(), s.unknown(),
                s.timeout(), s.wrong(), s.errors(), s.late(), String.format(Locale.ROOT, "%.3f", s.seconds())));
        out.append(s.exitCode() == BatchSummary.EXIT_OK
                ? String.format(Locale.ROOT, "OK: no wrong answers, no errors (%d answers matched the expected ones, "
                        + "%d instances had none to check against)%n", s.matched(), s.unchecked())
                : String.format(Locale.ROOT, "FAILED: %d wrong answers, %d errors%n", s.wrong(), s.errors()));
        return out.toString();
    }
}
