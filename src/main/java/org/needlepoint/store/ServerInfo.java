package org.needlepoint.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The clinic server's own row ({@code clinic_server}): the version of Needlepoint it runs, written at each start. */
public final class ServerInfo {
    private ServerInfo() {
    }

    /** Written by the server at its start, as the owner. */
    static void record(Connection c, String appVersion, String fingerprint, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO clinic_server (id, app_version, fingerprint, started_at)"
                + " KEY (id) VALUES (1, ?, ?, ?)")) {
            ps.setString(1, appVersion);
            ps.setString(2, fingerprint);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    /** The version the server runs, if it ever served. */
    public static Optional<String> serverVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT app_version FROM clinic_server WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }

    /** Refuses a server running another version of Needlepoint than this PC, naming both. */
    static void requireSameVersion(Connection c, ClinicLink link) throws SQLException {
        String server = serverVersion(c).orElse("an unknown version");
        String mine = AppVersion.current();
        if (!server.equals(mine)) {
            throw new StoreException("This PC runs Needlepoint " + mine + " and the clinic server (" + link.address()
                    + ") runs Needlepoint " + server + ". Install the same version on both, then start again.");
        }
    }
}
