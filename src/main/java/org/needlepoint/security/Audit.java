package org.needlepoint.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.needlepoint.store.Database;

/**
 * Writes audit rows for the services, inside the caller's transaction so an action and its audit
 * row are saved together: at the transaction's end, while it holds the commit counter
 * ({@link Database#atCommit}), so the entries are numbered without gaps. Also serves the admin
 * screen's filtered reading.
 */
public final class Audit {
    public static final String SIGN_IN = "SIGN_IN";
    public static final String SIGN_OUT = "SIGN_OUT";
    public static final String SIGN_IN_FAILED = "SIGN_IN_FAILED";
    public static final String LOCKED_OUT = "LOCKED_OUT";
    public static final String UNLOCK = "UNLOCK";
    public static final String CREATE = "CREATE";
    public static final String UPDATE = "UPDATE";
    public static final String VIEW = "VIEW";
    public static final String PASSWORD_RESET = "PASSWORD_RESET";
    public static final String SIGN = "SIGN";
    public static final String ADDENDUM = "ADDENDUM";
    /** Patient data left the app: a printed or saved report (visit summary, aftercare sheet). */
    public static final String EXPORT = "EXPORT";

    private final Database db;
    private final AuditStore store;
    private final Session session;
    private final Clock clock;

    public Audit(Database db, AuditStore store, Session session, Clock clock) {
        this.db = db;
        this.store = store;
        this.session = session;
        this.clock = clock;
    }

    /** Records an action by the signed-in user within the transaction on {@code c}. */
    public void log(Connection c, String action, String recordType, Long recordId, Long patientId, String summary)
            throws SQLException {
        log(c, session.user().orElse(null), action, recordType, recordId, patientId, summary);
    }

    /**
     * Records an action by {@code u} within the transaction on {@code c}: the clinic server's, running a save for a
     * joined PC's signed-in user.
     */
    public void log(Connection c, User u, String action, String recordType, Long recordId, Long patientId,
                    String summary) throws SQLException {
        java.time.Instant at = clock.instant();
        db.atCommit(c, conn -> store.append(conn, at, u == null ? null : u.id(), u == null ? null : u.username(),
                action, recordType, recordId, patientId, summary));
    }

    /** Records an action on behalf of a named (possibly unknown) account, e.g. a failed sign-in. */
    public void logAs(Connection c, Long userId, String username, String action, String recordType, Long recordId,
                      String summary) throws SQLException {
        java.time.Instant at = clock.instant();
        db.atCommit(c, conn -> store.append(conn, at, userId, username, action, recordType, recordId, null, summary));
    }

    /** The filtered log, newest first. ADMIN only. */
    public List<AuditEntry> find(AuditFilter filter) {
        session.require("read the audit log", Role.ADMIN);
        return db.read(c -> store.find(c, filter, clock.getZone()));
    }
}
