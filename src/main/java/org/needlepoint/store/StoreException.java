package org.needlepoint.store;

import org.needlepoint.common.ReadableException;

/** A storage problem, with a message fit to show a person. */
public class StoreException extends ReadableException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
