package org.reluscope.cluster;

import java.io.Serializable;

/**
 * What an executor sends back for one instance.
 *
 * @param answer  {@code unsat}, {@code sat}, {@code unknown}, {@code timeout}, or {@code error}
 *                when the instance failed on both attempts
 * @param seconds wall-clock time of the verification on the executor
 * @param detail  how the answer was reached (proof method, witness summary) or, for
 *                {@code error}, what went wrong
 */
public record Solution(String answer, double seconds, String detail) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The answer word of an instance that failed twice. */
    public static final String ERROR = "error";

    static Solution error(String message) {
        return new Solution(ERROR, 0, message);
    }

    public boolean isError() {
        return ERROR.equals(answer);
    }
}
