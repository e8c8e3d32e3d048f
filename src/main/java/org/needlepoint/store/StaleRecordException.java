package org.needlepoint.store;

/** An update was refused because someone else saved the record since it was read. */
public class StaleRecordException extends StoreException {
    public StaleRecordException(String message) {
        super(message);
    }
}
