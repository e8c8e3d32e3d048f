package org.needlepoint.store;

import org.needlepoint.common.ReadableException;

/** A read stopped through its {@link Cancellation} because its result was no longer wanted; nothing to show. */
public final class QueryCancelledException extends ReadableException {
    public QueryCancelledException() {
        super("The search was stopped: a newer one took its place.", null, false, false);
    }
}
