package org.needlepoint.clinic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.needlepoint.store.RecordCheck;
import org.needlepoint.store.Sql;
import org.needlepoint.store.Versions;

/** SQL for the clinic profile and the settings table. */
public final class ClinicStore implements RecordCheck {

    public Optional<Clinic> find(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name, address, phone, version FROM clinic WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new Clinic(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                    : Optional.empty();
        }
    }

    public void insert(Connection c, Clinic clinic, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO clinic (id, name, address, phone, created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?)")) {
            ps.setString(1, clinic.name());
            ps.setString(2, clinic.address());
            ps.setString(3, clinic.phone());
            Sql.setInstant(ps, 4, now);
            Sql.setInstant(ps, 5, now);
            ps.executeUpdate();
        }
    }

    public void update(Connection c, Clinic clinic, Instant now, long by, ZoneId zone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE clinic SET name = ?, address = ?, phone = ?,"
                + " version = version + 1, updated_at = ?, updated_by = ? WHERE id = 1 AND version = ?")) {
            ps.setString(1, clinic.name());
            ps.setString(2, clinic.address());
            ps.setString(3, clinic.phone());
            Sql.setInstant(ps, 4, now);
            ps.setLong(5, by);
            ps.setInt(6, clinic.version());
            if (ps.executeUpdate() == 0) {
                throw Versions.stale(c, "clinic", 1, "The clinic profile", zone);
            }
        }
    }

    public Optional<String> setting(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT val FROM setting WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void putSetting(Connection c, String name, String value, Instant now, long by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO setting t USING (VALUES (CAST(? AS VARCHAR))) s(n) ON t.name = s.n"
                + " WHEN MATCHED THEN UPDATE SET val = ?, version = t.version + 1, updated_at = ?, updated_by = ?"
                + " WHEN NOT MATCHED THEN INSERT (name, val, updated_at, updated_by) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, value);
            Sql.setInstant(ps, 3, now);
            ps.setLong(4, by);
            ps.setString(5, name);
            ps.setString(6, value);
            Sql.setInstant(ps, 7, now);
            ps.setLong(8, by);
            ps.executeUpdate();
        }
    }

    @Override
    public Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("clinics", Sql.count(c, "SELECT COUNT(*) FROM clinic"));
        return m;
    }

    @Override
    public List<String> problems(Connection c) {
        return List.of();
    }
}
