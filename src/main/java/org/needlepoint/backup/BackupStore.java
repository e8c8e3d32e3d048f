package org.needlepoint.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.needlepoint.store.RecordCheck;
import org.needlepoint.store.Sql;
import org.needlepoint.store.Versions;

/** SQL for the backup settings (one row) and the log of backup runs (append-only). */
public final class BackupStore implements RecordCheck {

    /** What belongs to this PC's backups rather than to the records: kept across a restore. */
    public record History(BackupSettings settings, List<BackupRun> runs) {
        public History {
            runs = List.copyOf(runs);
        }
    }

    public BackupSettings settings(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT folder, on_start, on_exit, keep_daily, keep_weekly, version FROM backup_config WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return new BackupSettings(null, true, true, BackupSettings.DEFAULT_DAILY, BackupSettings.DEFAULT_WEEKLY, 0);
            }
            return new BackupSettings(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getInt(4), rs.getInt(5),
                    rs.getInt(6));
        }
    }

    /** Saves {@code s} over the version it was read at; someone else's save in between is a clear conflict. */
    public void update(Connection c, BackupSettings s, Instant now, Long by, ZoneId zone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE backup_config SET folder = ?, on_start = ?, on_exit = ?,"
                + " keep_daily = ?, keep_weekly = ?, version = version + 1, updated_at = ?, updated_by = ?"
                + " WHERE id = 1 AND version = ?")) {
            ps.setString(1, s.folder());
            ps.setBoolean(2, s.onStart());
            ps.setBoolean(3, s.onExit());
            ps.setInt(4, s.keepDaily());
            ps.setInt(5, s.keepWeekly());
            Sql.setInstant(ps, 6, now);
            Sql.setLong(ps, 7, by);
            ps.setInt(8, s.version());
            if (ps.executeUpdate() == 0) {
                throw Versions.stale(c, "backup_config", 1, "The backup settings", zone);
            }
        }
    }

    public void record(Connection c, BackupRun r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO backup_run (started_at, finished_at, trigger_kind, ok,"
                + " file_path, size_bytes, message) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            Sql.setInstant(ps, 1, r.startedAt());
            Sql.setInstant(ps, 2, r.finishedAt());
            ps.setString(3, r.trigger().name());
            ps.setBoolean(4, r.ok());
            ps.setString(5, r.file());
            Sql.setLong(ps, 6, r.size());
            ps.setString(7, r.message() == null ? null : r.message().length() > 2000 ? r.message().substring(0, 2000)
                    : r.message());
            ps.executeUpdate();
        }
    }

    public Optional<BackupRun> last(Connection c, boolean ok) throws SQLException {
        List<BackupRun> runs = runs(c, "WHERE ok = ? ORDER BY finished_at DESC, id DESC LIMIT 1", ps -> ps.setBoolean(1, ok));
        return runs.stream().findFirst();
    }

    /** The newest run, whatever its outcome. */
    public Optional<BackupRun> last(Connection c) throws SQLException {
        return runs(c, "ORDER BY finished_at DESC, id DESC LIMIT 1", ps -> { }).stream().findFirst();
    }

    /** Runs that finished at or after {@code t}, oldest first. */
    public List<BackupRun> since(Connection c, Instant t) throws SQLException {
        return runs(c, "WHERE finished_at >= ? ORDER BY finished_at, id", ps -> Sql.setInstant(ps, 1, t));
    }

    public History history(Connection c, Instant since) throws SQLException {
        return new History(settings(c), since(c, since));
    }

    /**
     * After a restore: the settings as they were before it, and the runs the backup cannot know of
     * (those that finished at or after it was made).
     */
    public void carryOver(Connection c, History h, Instant backupMadeAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE backup_config SET folder = ?, on_start = ?, on_exit = ?,"
                + " keep_daily = ?, keep_weekly = ?, version = version + 1 WHERE id = 1")) {
            BackupSettings s = h.settings();
            ps.setString(1, s.folder());
            ps.setBoolean(2, s.onStart());
            ps.setBoolean(3, s.onExit());
            ps.setInt(4, s.keepDaily());
            ps.setInt(5, s.keepWeekly());
            ps.executeUpdate();
        }
        for (BackupRun r : h.runs()) {
            if (!r.finishedAt().isBefore(backupMadeAt)) {
                record(c, r);
            }
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static List<BackupRun> runs(Connection c, String where, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT started_at, finished_at, trigger_kind, ok, file_path,"
                + " size_bytes, message FROM backup_run " + where)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<BackupRun> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new BackupRun(Sql.getInstant(rs, "started_at"), Sql.getInstant(rs, "finished_at"),
                            BackupRun.Trigger.valueOf(rs.getString("trigger_kind")), rs.getBoolean("ok"),
                            rs.getString("file_path"), Sql.getLong(rs, "size_bytes"), rs.getString("message")));
                }
                return out;
            }
        }
    }

    // ----------------------------------------------------------------------------------- check

    /** A "Back up now" asked for on a joined PC, for the server to run. */
    public record Request(long id, long requestedBy, String username, java.time.Instant doneAt, Boolean ok, String result,
                          String file, Long size) {
    }

    public long insertRequest(Connection c, java.time.Instant at, long by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO backup_request (requested_at, requested_by) VALUES (?, ?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            ps.setTimestamp(1, java.sql.Timestamp.from(at));
            ps.setLong(2, by);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public List<Request> pendingRequests(Connection c) throws SQLException {
        return requests(c, "r.done_at IS NULL", null);
    }

    public Optional<Request> request(Connection c, long id) throws SQLException {
        return requests(c, "r.id = ?", id).stream().findFirst();
    }

    private static List<Request> requests(Connection c, String where, Long id) throws SQLException {
        List<Request> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.requested_by, u.username, r.done_at, r.ok, r.result,"
                + " r.file, r.file_size FROM backup_request r JOIN app_user u ON u.id = r.requested_by WHERE " + where
                + " ORDER BY r.id")) {
            if (id != null) {
                ps.setLong(1, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.sql.Timestamp done = rs.getTimestamp(4);
                    long size = rs.getLong(8);
                    out.add(new Request(rs.getLong(1), rs.getLong(2), rs.getString(3), done == null ? null : done.toInstant(),
                            (Boolean) rs.getObject(5), rs.getString(6), rs.getString(7), rs.wasNull() ? null : size));
                }
            }
        }
        return out;
    }

    public void answerRequest(Connection c, long id, java.time.Instant at, boolean ok, String result, String file, Long size)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE backup_request SET done_at = ?, ok = ?, result = ?, file = ?,"
                + " file_size = ? WHERE id = ? AND done_at IS NULL")) {
            ps.setTimestamp(1, java.sql.Timestamp.from(at));
            ps.setBoolean(2, ok);
            ps.setString(3, result == null ? null : result.length() > 1000 ? result.substring(0, 1000) : result);
            ps.setString(4, file);
            if (size == null) {
                ps.setNull(5, java.sql.Types.BIGINT);
            } else {
                ps.setLong(5, size);
            }
            ps.setLong(6, id);
            ps.executeUpdate();
        }
    }

    /** The backup log is not counted (a restore keeps this PC's own); only its guards are checked. */
    @Override
    public Map<String, Long> counts(Connection c) {
        return Map.of();
    }

    @Override
    public List<String> problems(Connection c) throws SQLException {
        long guards = Sql.count(c, "SELECT COUNT(DISTINCT TRIGGER_NAME) FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_NAME IN"
                + " ('BACKUP_RUN_NO_UPDATE', 'BACKUP_RUN_NO_DELETE')");
        return guards < 2 ? List.of("backups: the append-only guards of the backup log are missing") : List.of();
    }
}
