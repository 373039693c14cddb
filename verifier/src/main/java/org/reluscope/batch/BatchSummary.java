package org.reluscope.batch;

/**
 * The counts of a batch (or of its first instances, for the running tally of the progress
 * lines). Built by {@link #plus} one result at a time.
 *
 * @param total   instances run
 * @param sat     answered sat
 * @param unsat   answered unsat
 * @param unknown answered unknown
 * @param timeout answered timeout
 * @param errors  that could not be run, or whose witness failed the re-check
 * @param wrong   whose answer contradicts the expected one
 * @param matched whose decisive answer equals the expected one
 * @param unchecked with no expected answer to check against (all of them without {@code --expected}; a
 *                  large count with it means the expected file names other instances)
 * @param late    answered sat or unsat only after the time limit
 * @param seconds the sum of verification and load times
 */
public record BatchSummary(int total, int sat, int unsat, int unknown, int timeout, int errors, int wrong, int matched,
                           int unchecked, int late, double seconds) {
    /** Exit code of a batch without wrong answers or errors. */
    public static final int EXIT_OK = 0;
    /** Exit code of a batch with a wrong answer or an error (2 is kept for bad input, as in every command). */
    public static final int EXIT_FAILED = 1;

    public static final BatchSummary EMPTY = new BatchSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The summary of {@code results}. */
    public static BatchSummary of(Iterable<InstanceResult> results) {
        BatchSummary s = EMPTY;
        for (InstanceResult r : results) {
            s = s.plus(r);
        }
        return s;
    }

    /** This summary with one more result. */
    public BatchSummary plus(InstanceResult r) {
        Answer a = r.answer();
        boolean match = r.expected() != null && a.isDecisive() && a == r.expected();
        return new BatchSummary(total + 1, sat + is(a == Answer.SAT), unsat + is(a == Answer.UNSAT),
                unknown + is(a == Answer.UNKNOWN), timeout + is(a == Answer.TIMEOUT), errors + is(a == Answer.ERROR),
                wrong + is(r.wrong()), matched + is(match), unchecked + is(r.expected() == null),
                late + is(r.late()),
                seconds + r.seconds() + r.loadSeconds());
    }

    /** sat + unsat. */
    public int solved() {
        return sat + unsat;
    }

    /** {@link #EXIT_FAILED} when some answer is wrong or some instance ended in an error, else {@link #EXIT_OK}. */
    public int exitCode() {
        return wrong > 0 || errors > 0 ? EXIT_FAILED : EXIT_OK;
    }

    private static int is(boolean b) {
        return b ? 1 : 0;
    }
}
