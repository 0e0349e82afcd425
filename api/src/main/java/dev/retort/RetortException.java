package dev.retort;

import java.util.Objects;

/**
 * The root of every error Retort reports. The message is one line that says what is wrong and
 * what to do; {@link #code()} is stable and decides the command line's exit code.
 */
public class RetortException extends RuntimeException {

    private final ErrorCode code;

    public RetortException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public RetortException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
