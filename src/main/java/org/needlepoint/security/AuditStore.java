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
import java.util.Map;
import org.needlepoint.store.RecordCheck;
import org.needlepoint.store.Sql;

/** SQL for the audit log. It only ever INSERTs and SELECTs; the table's triggers refuse anything else. */
public final class AuditStore implements RecordCheck {

    /**
     * Appends an entry numbered one after the last ({@code seq}, unique). Only one transaction may do
     * this at a time: {@link Audit} calls it at the end of its transaction, while that holds the
     * commit counter; two at once would fail on the unique number rather than share it.
     */
    public long append(Connection c, Instant at, Long userId, String username, String action, String recordType,
                       Long recordId, Long patientId, String summary) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_log (seq, at, user_id, username, action, record_type, record_id, patient_id, summary)"
                        + " VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_log), ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            Sql.setInstant(ps, 1, at);
            Sql.setLong(ps, 2, userId);
            ps.setString(3, username);
            ps.setString(4, action);
            ps.setString(5, recordType);
            Sql.setLong(ps, 6, recordId);
            Sql.setLong(ps, 7, patientId);
            ps.setString(8, summary == null || summary.length() <= 2000 ? summary : summary.substring(0, 2000));
            ps.executeUpdate();
            return Sql.generatedKey(ps);
        }
    }

    public List<AuditEntry> find(Connection c, AuditFilter f, ZoneId zone) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT a.*, p.chart_number FROM audit_log a"
                + " LEFT JOIN patient p ON p.id = a.patient_id WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (f.userId() != null) {
            sql.append(" AND a.user_id = ?");
            args.add(f.userId());
        }
        if (f.patientId() != null) {
            sql.append(" AND a.patient_id = ?");
            args.add(f.patientId());
        }
        if (f.chartNumber() != null) {
            sql.append(" AND p.chart_number = ?");
            args.add(f.chartNumber());
        }
        if (f.from() != null) {
            sql.append(" AND a.at >= ?");
            args.add(java.sql.Timestamp.from(f.from().atStartOfDay(zone).toInstant()));
        }
        if (f.to() != null) {
            sql.append(" AND a.at < ?");
            args.add(java.sql.Timestamp.from(f.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        sql.append(" ORDER BY a.at DESC, a.id DESC LIMIT ?");
        args.add(f.limit());
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong("id"), Sql.getInstant(rs, "at"), Sql.getLong(rs, "user_id"),
                            rs.getString("username"), rs.getString("action"), rs.getString("record_type"),
                            Sql.getLong(rs, "record_id"), Sql.getLong(rs, "patient_id"), Sql.getLong(rs, "chart_number"),
                            rs.getString("summary")));
                }
            }
            return out;
        }
    }

    @Override
    public Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("audit entries", Sql.count(c, "SELECT COUNT(*) FROM audit_log"));
        return m;
    }

    @Override
    public List<String> problems(Connection c) throws SQLException {
        List<String> p = new ArrayList<>();
        long triggers = Sql.count(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TRIGGERS WHERE EVENT_OBJECT_TABLE = 'AUDIT_LOG'");
        if (triggers < 2) {
            p.add("audit log: the append-only guards are missing");
        }
        // entries are numbered 1, 2, 3, ... without gaps (see append): a gap is an entry lost
        long rows;
        long last;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM audit_log")) {
            rs.next();
            rows = rs.getLong(1);
            last = rs.getLong(2);
        }
        if (rows != last) {
            List<String> after = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT a.seq FROM audit_log a"
                    + " WHERE a.seq < " + last + " AND NOT EXISTS (SELECT 1 FROM audit_log b WHERE b.seq = a.seq + 1)"
                    + " ORDER BY a.seq LIMIT 3")) {
                while (rs.next()) {
                    after.add("#" + rs.getLong(1));
                }
            }
            boolean fromStart = Sql.count(c, "SELECT COUNT(*) FROM audit_log WHERE seq = 1") == 0;
            p.add("audit log: " + (last - rows) + " entr" + (last - rows == 1 ? "y is" : "ies are") + " missing from its numbered"
                    + " sequence of " + last + (fromStart ? " (from the start)" : "") + (after.isEmpty() ? "" : " (after "
                    + String.join(", ", after) + ")"));
        }
        long unknownUser = Sql.count(c, "SELECT COUNT(*) FROM audit_log a WHERE a.user_id IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = a.user_id)");
        if (unknownUser > 0) {
            p.add("audit log: " + unknownUser + " entr(ies) name a user who does not exist");
        }
        long unknownPatient = Sql.count(c, "SELECT COUNT(*) FROM audit_log a WHERE a.patient_id IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM patient p WHERE p.id = a.patient_id)");
        if (unknownPatient > 0) {
            p.add("audit log: " + unknownPatient + " entr(ies) name a patient who does not exist");
        }
        return p;
    }
}
