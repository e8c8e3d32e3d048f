package org.needlepoint.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The clinic server's accounts: the CLINIC_PC role and its rights, the joined PCs' database users,
 * join codes. Creating and dropping users and granting run as the owner, in the server's process
 * only; listing PCs, making codes and marking a PC revoked run on any PC.
 */
public final class PcStore {
    /** The role every joined PC's database user has: rights on the records, nothing on the schema. */
    static final String ROLE = "CLINIC_PC";
    private static final String APPEND_ONLY = "org.needlepoint.store.AppendOnlyTrigger";

    /**
     * Creates the role when missing and gives it exactly these rights on every table (again at each
     * start, so tables added by a migration are covered): the append-only tables (audit log, stock
     * ledger, receipts...) SELECT and INSERT; the commit counter SELECT and UPDATE; join codes SELECT
     * and INSERT (an admin makes them; only their hashes are kept); the schema history and the server's row
     * SELECT; every other table SELECT, INSERT, UPDATE and DELETE. No PC can alter or drop a table or
     * a trigger: that needs the owner.
     */
    void grantRights(Connection c) throws SQLException {
        Set<String> appendOnly = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT EVENT_OBJECT_TABLE FROM INFORMATION_SCHEMA.TRIGGERS"
                + " WHERE TRIGGER_SCHEMA = 'PUBLIC' AND JAVA_CLASS = ?")) {
            ps.setString(1, APPEND_ONLY);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    appendOnly.add(rs.getString(1));
                }
            }
        }
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM"
                + " INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE ROLE IF NOT EXISTS " + ROLE);
            for (String t : tables) {
                String q = "\"PUBLIC\".\"" + t.replace("\"", "\"\"") + "\"";
                st.execute("REVOKE ALL ON " + q + " FROM " + ROLE);
                String rights = rightsOn(t, appendOnly.contains(t));
                if (rights != null) {
                    st.execute("GRANT " + rights + " ON " + q + " TO " + ROLE);
                }
            }
        }
        // the joined PCs have the role (again after a restore, which brings their accounts but not their roles)
        List<String> users = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT u.USER_NAME FROM"
                + " INFORMATION_SCHEMA.USERS u JOIN joined_pc p ON UPPER(p.db_user) = u.USER_NAME WHERE p.revoked_at IS NULL")) {
            while (rs.next()) {
                users.add(rs.getString(1));
            }
        }
        try (Statement st = c.createStatement()) {
            for (String u : users) {
                st.execute("GRANT " + ROLE + " TO \"" + u.replace("\"", "\"\"") + "\"");
            }
        }
    }

    /** The rights a joined PC has on table {@code t} (H2's upper-case name), or null for none. */
    static String rightsOn(String t, boolean appendOnly) {
        String lower = t.toLowerCase(Locale.ROOT);
        if (appendOnly) {
            return "SELECT, INSERT";
        }
        return switch (lower) {
            case "commit_seal" -> "SELECT, UPDATE";
            case "join_code" -> "SELECT, INSERT"; // hashes only
            case "flyway_schema_history", "clinic_server" -> "SELECT";
            default -> "SELECT, INSERT, UPDATE, DELETE";
        };
    }

    /** Creates a PC's database user with the role; the password never leaves the server except to that PC. */
    void createUser(Connection c, String user, String password) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE USER " + user + " PASSWORD '" + password.replace("'", "''") + "'");
            st.execute("GRANT " + ROLE + " TO " + user);
        }
    }

    /** Ends the user's open sessions and drops it: the PC is locked out at once. */
    void dropUser(Connection c, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ABORT_SESSION(SESSION_ID) FROM INFORMATION_SCHEMA.SESSIONS"
                + " WHERE USER_NAME = ?")) {
            ps.setString(1, user.toUpperCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getBoolean(1);
                }
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("DROP USER IF EXISTS " + user);
        }
    }

    /** The database users of PCs marked revoked that still exist (the server drops them). */
    List<String> revokedUsersStillThere(Connection c) throws SQLException {
        List<String> users = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT p.db_user FROM joined_pc p"
                + " JOIN INFORMATION_SCHEMA.USERS u ON u.USER_NAME = UPPER(p.db_user) WHERE p.revoked_at IS NOT NULL")) {
            while (rs.next()) {
                users.add(rs.getString(1));
            }
        }
        return users;
    }

    /** The next PC user's name: PC_1, PC_2, ... (never reused). */
    String nextUser(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT COALESCE(MAX(id), 0) + 1 FROM joined_pc")) {
            rs.next();
            long n = rs.getLong(1);
            // a user left by a join cut short keeps its name taken
            while (userExists(c, "PC_" + n)) {
                n++;
            }
            return "PC_" + n;
        }
    }

    private static boolean userExists(Connection c, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = ?")) {
            ps.setString(1, user.toUpperCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** True when {@code user} is a PC's account that exists and is not revoked. */
    boolean isActive(Connection c, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM joined_pc p JOIN INFORMATION_SCHEMA.USERS u"
                + " ON u.USER_NAME = UPPER(p.db_user) WHERE p.db_user = ? AND p.revoked_at IS NULL")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    long insertPc(Connection c, String name, String user, String version, Instant at, Long codeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO joined_pc (name, db_user, app_version, joined_at,"
                + " join_code_id, last_seen) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.setString(2, user);
            ps.setString(3, version);
            ps.setTimestamp(4, Timestamp.from(at));
            if (codeId == null) {
                ps.setNull(5, java.sql.Types.BIGINT);
            } else {
                ps.setLong(5, codeId);
            }
            ps.setTimestamp(6, Timestamp.from(at));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void insertCode(Connection c, String hash, Instant madeAt, Instant expiresAt, Long madeBy) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO join_code (code_hash, made_at, expires_at, made_by)"
                + " VALUES (?, ?, ?, ?)")) {
            ps.setString(1, hash);
            ps.setTimestamp(2, Timestamp.from(madeAt));
            ps.setTimestamp(3, Timestamp.from(expiresAt));
            if (madeBy == null) {
                ps.setNull(4, java.sql.Types.BIGINT);
            } else {
                ps.setLong(4, madeBy);
            }
            ps.executeUpdate();
        }
    }

    /** The code with this hash; with {@code lock}, locked for the rest of the transaction (two PCs cannot use it at once). */
    Optional<JoinCodeRow> findCode(Connection c, String hash, boolean lock) throws SQLException {
        if (lock) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM join_code WHERE code_hash = ? FOR UPDATE")) {
                ps.setString(1, hash);
                ps.executeQuery().close();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT j.id, j.expires_at, j.used_at, p.name FROM join_code j"
                + " LEFT JOIN joined_pc p ON p.id = j.used_by_pc WHERE j.code_hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp used = rs.getTimestamp(3);
                return Optional.of(new JoinCodeRow(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        used == null ? null : used.toInstant(), rs.getString(4)));
            }
        }
    }

    void markCodeUsed(Connection c, long codeId, long pcId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE join_code SET used_at = ?, used_by_pc = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setLong(2, pcId);
            ps.setLong(3, codeId);
            ps.executeUpdate();
        }
    }

    /** Every joined PC, newest first, with whether it is connected now (the server sees its sessions). */
    public List<JoinedPc> list(Connection c) throws SQLException {
        List<JoinedPc> pcs = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, name, db_user, app_version,"
                + " joined_at, last_seen, revoked_at, revoke_reason FROM joined_pc ORDER BY id DESC")) {
            while (rs.next()) {
                pcs.add(new JoinedPc(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
                        rs.getString(8), false));
            }
        }
        return pcs;
    }

    /** Marks a PC revoked (any admin, on any PC); the server then drops its user. False when already revoked. */
    boolean markRevoked(Connection c, long pcId, long by, String reason, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE joined_pc SET revoked_at = ?, revoked_by = ?,"
                + " revoke_reason = ?, version = version + 1 WHERE id = ? AND revoked_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setLong(2, by);
            ps.setString(3, reason);
            ps.setLong(4, pcId);
            return ps.executeUpdate() == 1;
        }
    }

    /** The server notes which PCs are connected now. */
    void touchConnected(Connection c, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE joined_pc SET last_seen = ? WHERE revoked_at IS NULL"
                + " AND UPPER(db_user) IN (SELECT USER_NAME FROM INFORMATION_SCHEMA.SESSIONS)")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
