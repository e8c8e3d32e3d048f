package org.needlepoint.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.needlepoint.store.RecordCheck;
import org.needlepoint.store.Sql;
import org.needlepoint.store.Versions;

/** SQL for staff accounts. */
public final class UserStore implements RecordCheck {
    private static final String COLUMNS = "id, username, full_name, role, title, licence_number, active,"
            + " failed_attempts, locked_until, version";

    public static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    public long insert(Connection c, UserDraft d, String passwordHash, Instant now, Long by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO app_user (username, username_key, full_name, role, title, licence_number, password_hash,"
                        + " created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, d.username().strip());
            ps.setString(2, key(d.username()));
            ps.setString(3, d.fullName().strip());
            ps.setString(4, d.role().name());
            ps.setString(5, d.title());
            ps.setString(6, d.licenceNumber());
            ps.setString(7, passwordHash);
            Sql.setInstant(ps, 8, now);
            Sql.setInstant(ps, 9, now);
            Sql.setLong(ps, 10, by);
            ps.executeUpdate();
            return Sql.generatedKey(ps);
        }
    }

    public boolean usernameTaken(Connection c, String username, Long exceptId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM app_user WHERE username_key = ?")) {
            ps.setString(1, key(username));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && (exceptId == null || rs.getLong(1) != exceptId);
            }
        }
    }

    /** Updates profile fields and the active flag, refusing if {@code version} is stale. */
    public void update(Connection c, long id, int version, UserDraft d, boolean active, Instant now, Long by, ZoneId zone)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE app_user SET username = ?, username_key = ?, full_name = ?, role = ?, title = ?, licence_number = ?,"
                        + " active = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?")) {
            ps.setString(1, d.username().strip());
            ps.setString(2, key(d.username()));
            ps.setString(3, d.fullName().strip());
            ps.setString(4, d.role().name());
            ps.setString(5, d.title());
            ps.setString(6, d.licenceNumber());
            ps.setBoolean(7, active);
            Sql.setInstant(ps, 8, now);
            Sql.setLong(ps, 9, by);
            ps.setLong(10, id);
            ps.setInt(11, version);
            if (ps.executeUpdate() == 0) {
                throw Versions.stale(c, "app_user", id, "This account", zone);
            }
        }
    }

    /** Sets a new password hash and clears any lockout. */
    public void setPassword(Connection c, long id, String hash, Instant now, Long by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE app_user SET password_hash = ?, failed_attempts = 0, locked_until = NULL,"
                        + " version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?")) {
            ps.setString(1, hash);
            Sql.setInstant(ps, 2, now);
            Sql.setLong(ps, 3, by);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    /** Sign-in bookkeeping; deliberately does not bump the version, so it never conflicts with an admin's edit. */
    public void setFailures(Connection c, long id, int failedAttempts, Instant lockedUntil) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE app_user SET failed_attempts = ?, locked_until = ? WHERE id = ?")) {
            ps.setInt(1, failedAttempts);
            Sql.setInstant(ps, 2, lockedUntil);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /** The user's signing PIN hash, or null when they have none. */
    public String signingPinHash(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT signing_pin_hash FROM app_user WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Sets (or with null removes) the signing PIN and clears its failure count; like sign-in
     * bookkeeping it does not bump the version, so it never conflicts with an admin's edit.
     */
    public void setSigningPin(Connection c, long id, String hash, Instant now, long by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET signing_pin_hash = ?, pin_failures = 0,"
                + " updated_at = ?, updated_by = ? WHERE id = ?")) {
            ps.setString(1, hash);
            Sql.setInstant(ps, 2, now);
            ps.setLong(3, by);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    /** Wrong signing PINs in a row. */
    public int pinFailures(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pin_failures FROM app_user WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    public void setPinFailures(Connection c, long id, int failures) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET pin_failures = ? WHERE id = ?")) {
            ps.setInt(1, failures);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** The look the user chose. */
    public Theme theme(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT theme FROM app_user WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Theme.valueOf(rs.getString(1)) : Theme.LIGHT;
            }
        }
    }

    /** A personal choice: does not bump the version (never conflicts with an admin's edit of the account). */
    public void setTheme(Connection c, long id, Theme theme) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET theme = ? WHERE id = ?")) {
            ps.setString(1, theme.name());
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** Whether the clinic's setting {@value AuthService#PASSWORD_REQUIRED} is on (signing takes the password). */
    public boolean passwordRequiredToSign(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT val FROM setting WHERE name = ?")) {
            ps.setString(1, AuthService.PASSWORD_REQUIRED);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && Boolean.parseBoolean(rs.getString(1));
            }
        }
    }

    public Optional<User> findByUsername(Connection c, String username) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM app_user WHERE username_key = ?", key(username));
    }

    public Optional<User> findById(Connection c, long id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM app_user WHERE id = ?", id);
    }

    public String passwordHash(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM app_user WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    public List<User> list(Connection c) throws SQLException {
        List<User> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM app_user ORDER BY active DESC, full_name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    public long countActiveAdmins(Connection c) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN' AND active");
    }

    public long countUsers(Connection c) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM app_user");
    }

    private Optional<User> one(Connection c, String sql, Object arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static User map(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"),
                Role.valueOf(rs.getString("role")), rs.getString("title"), rs.getString("licence_number"),
                rs.getBoolean("active"), rs.getInt("failed_attempts"), Sql.getInstant(rs, "locked_until"),
                rs.getInt("version"));
    }

    @Override
    public Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("users", countUsers(c));
        return m;
    }

    @Override
    public List<String> problems(Connection c) throws SQLException {
        List<String> p = new ArrayList<>();
        if (countUsers(c) > 0 && countActiveAdmins(c) == 0) {
            p.add("users: no active administrator");
        }
        return p;
    }
}
