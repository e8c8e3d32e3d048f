package org.needlepoint.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Optimistic locking's other half: every mutable table has a version column, and an update that
 * matched no row at the version the person read is refused with the message built here.
 */
public final class Versions {
    private Versions() {
    }

    /**
     * Builds the refusal for a stale update: names who saved the record last and when.
     * {@code table} must have updated_by and updated_at columns.
     */
    public static StaleRecordException stale(Connection c, String table, long id, String what, ZoneId zone)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT t.updated_at, u.full_name FROM " + table
                + " t LEFT JOIN app_user u ON u.id = t.updated_by WHERE t.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new StaleRecordException(what + " no longer exists.");
                }
                String who = rs.getString(2) == null ? "another user" : rs.getString(2);
                Instant at = Sql.getInstant(rs, "updated_at");
                String when = at == null ? "" : " at " + DateTimeFormatter.ofPattern("HH:mm 'on' d MMM yyyy", Locale.ENGLISH)
                        .format(at.atZone(zone));
                return new StaleRecordException(what + " was changed by " + who + when
                        + " after you opened it. Your changes were not saved: reload to see theirs, then make yours again.");
            }
        }
    }
}
