package org.needlepoint.common;

/**
 * A failure whose message is written for the person at the screen (a refused input, a missing
 * permission, a record changed by someone else, a full disk): screens show its message as it is.
 * Any other exception is a bug, logged with its trace and shown as "Something went wrong".
 */
public class ReadableException extends RuntimeException {
    public ReadableException(String message) {
        super(message);
    }

    public ReadableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** For failures met often and expected (a mistyped barcode): no stack trace is recorded. */
    protected ReadableException(String message, Throwable cause, boolean enableSuppression, boolean writableStackTrace) {
        super(message, cause, enableSuppression, writableStackTrace);
    }
}
