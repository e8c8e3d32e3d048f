package org.needlepoint.backup;

import org.needlepoint.store.StoreException;

/** A backup could not be written, or a backup file cannot be restored; the message says why, for a person. */
public class BackupException extends StoreException {
    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
