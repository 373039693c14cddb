package org.reluscope.lp;

/**
 * Settings every back-end honours.
 *
 * @param timeLimitSeconds wall-time limit of one solve (positive; +∞ for none); a solve that
 *                         hits it ends with {@link LpStatus#LIMIT}
 * @param relativeMipGap   relative gap at which a MILP search may stop (0 = prove optimality,
 *                         the default: an exact reference answer needs it)
 */
public record LpOptions(double timeLimitSeconds, double relativeMipGap) {
    /** No time limit, MILPs solved to optimality. */
    public static final LpOptions DEFAULT = new LpOptions(Double.POSITIVE_INFINITY, 0);

    public LpOptions {
        if (!(timeLimitSeconds > 0)) {
            throw new IllegalArgumentException("time limit must be positive, got " + timeLimitSeconds);
        }
        if (!(relativeMipGap >= 0 && relativeMipGap < 1)) {
            throw new IllegalArgumentException("relative MIP gap must be in [0, 1), got " + relativeMipGap);
        }
    }

    /** These options with another time limit. */
    public LpOptions withTimeLimit(double seconds) {
        return new LpOptions(seconds, relativeMipGap);
    }

    /** Whether a time limit is set. */
    public boolean hasTimeLimit() {
        return timeLimitSeconds != Double.POSITIVE_INFINITY;
    }
}
