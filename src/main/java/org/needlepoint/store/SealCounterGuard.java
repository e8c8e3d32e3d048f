package org.needlepoint.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * Installed on {@code commit_seal} (V8): the counter of committed transactions only moves forward.
 * An UPDATE that does not raise it, and any DELETE, fail; so does a second row (its CHECK allows
 * only id 1).
 */
public class SealCounterGuard implements Trigger {
    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow == null) {
            throw new SQLException("The commit counter cannot be deleted", "45000");
        }
        if (oldRow != null && ((Number) newRow[1]).longValue() <= ((Number) oldRow[1]).longValue()) {
            throw new SQLException("The commit counter only moves forward (" + oldRow[1] + " to " + newRow[1] + ")", "45000");
        }
    }
}
