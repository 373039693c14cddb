package org.reluscope;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A user-supplied file or value that reluscope cannot use: a malformed network, an
 * unsupported ONNX operator, a NaN weight, mismatched dimensions, an empty input set.
 *
 * <p>The command line turns it into the single line {@code error: <source>: <message>} and
 * exit code 2, so the message must say what is wrong and where (line, column, layer, node)
 * without a stack trace to help.
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;

    /**
     * @param source  the file or option the problem is in, as the user wrote it
     * @param message what is wrong, with its position
     */
    public BadInputException(String source, String message) {
        super(message);
        this.source = Objects.requireNonNull(source);
    }

    public BadInputException(Path file, String message) {
        this(file.toString(), message);
    }

    public BadInputException(String source, String message, Throwable cause) {
        super(message, cause);
        this.source = Objects.requireNonNull(source);
    }

    /** The file or option the problem is in. */
    public String source() {
        return source;
    }

    /** The same problem, attributed to {@code newSource} (e.g. a reader that only knew "stream"). */
    public BadInputException withSource(String newSource) {
        return new BadInputException(newSource, getMessage(), getCause());
    }

    /** {@code <source>: <message>}, the form the command line prints after {@code error: }. */
    public String describe() {
        return source + ": " + getMessage();
    }
}
