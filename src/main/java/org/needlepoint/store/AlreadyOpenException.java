package org.needlepoint.store;

/** The data folder is in use by another copy of Needlepoint. */
public class AlreadyOpenException extends StoreException {
    public AlreadyOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
