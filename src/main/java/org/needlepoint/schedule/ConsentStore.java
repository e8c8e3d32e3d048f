package org.needlepoint.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.needlepoint.store.RecordCheck;
import org.needlepoint.store.Sql;
import org.needlepoint.store.StaleRecordException;

/**
 * All SQL of consents: the versioned texts and the signed consents (both tables append-only, V14),
 * and its part of {@code check}.
 */
public final class ConsentStore implements RecordCheck {
    private static final String TEXT_COLUMNS = "t.id, t.kind, t.text_version, t.title, t.body, t.created_at,"
            + " u.full_name AS created_by_name";
    private static final String SIGNED_COLUMNS = "s.id, s.patient_id, s.text_id, t.kind, t.text_version, t.title,"
            + " s.signed_at, s.signed_on, s.witness_id, w.full_name AS witness_name, s.visit_id";

    /** The newest version of every kind's text, in the kinds' order. */
    public List<ConsentText> currentTexts(Connection c) throws SQLException {
        List<ConsentText> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + TEXT_COLUMNS + " FROM consent_text t"
                + " LEFT JOIN app_user u ON u.id = t.created_by"
                + " WHERE t.text_version = (SELECT MAX(x.text_version) FROM consent_text x WHERE x.kind = t.kind)");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(text(rs));
            }
        }
        out.sort((a, b) -> a.kind().compareTo(b.kind()));
        return out;
    }

    /** The newest version of {@code kind}'s text. */
    public Optional<ConsentText> current(Connection c, ConsentKind kind) throws SQLException {
        List<ConsentText> all = versions(c, kind);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every version of {@code kind}'s text, the newest first. */
    public List<ConsentText> versions(Connection c, ConsentKind kind) throws SQLException {
        List<ConsentText> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + TEXT_COLUMNS + " FROM consent_text t"
                + " LEFT JOIN app_user u ON u.id = t.created_by WHERE t.kind = ? ORDER BY t.text_version DESC")) {
            ps.setString(1, kind.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(text(rs));
                }
            }
        }
        return out;
    }

    public Optional<ConsentText> text(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + TEXT_COLUMNS + " FROM consent_text t"
                + " LEFT JOIN app_user u ON u.id = t.created_by WHERE t.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(text(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Writes version {@code version} of {@code kind}'s text. Someone else having written that version
     * first (two admins editing at once) is a {@link StaleRecordException}.
     */
    public long insertText(Connection c, ConsentKind kind, int version, String title, String body, Instant now, long by)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO consent_text (kind, text_version, title, body,"
                + " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, kind.name());
            ps.setInt(2, version);
            ps.setString(3, title);
            ps.setString(4, body);
            Sql.setInstant(ps, 5, now);
            ps.setLong(6, by);
            ps.executeUpdate();
            return Sql.generatedKey(ps);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new StaleRecordException("Someone else saved version " + version + " of the " + kind.label()
                        + " consent text meanwhile: reload it, then make your change again.");
            }
            throw e;
        }
    }

    /** Writes a signed consent; returns its id. */
    public long insertSigned(Connection c, long patientId, long textId, Instant signedAt, LocalDate signedOn,
                             long witnessId, Long visitId, String strokes, byte[] png, byte[] pdf) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO signed_consent (patient_id, text_id, signed_at,"
                + " signed_on, witness_id, visit_id, strokes, signature_png, pdf) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, patientId);
            ps.setLong(2, textId);
            Sql.setInstant(ps, 3, signedAt);
            Sql.setDate(ps, 4, signedOn);
            ps.setLong(5, witnessId);
            Sql.setLong(ps, 6, visitId);
            ps.setString(7, strokes);
            ps.setBytes(8, png);
            ps.setBytes(9, pdf);
            ps.executeUpdate();
            return Sql.generatedKey(ps);
        }
    }

    /** A patient's signed consents, the newest first; valid for {@code months} months from their day. */
    public List<SignedConsent> signedOf(Connection c, long patientId, int months) throws SQLException {
        List<SignedConsent> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SIGNED_COLUMNS + " FROM signed_consent s"
                + " JOIN consent_text t ON t.id = s.text_id JOIN app_user w ON w.id = s.witness_id"
                + " WHERE s.patient_id = ? ORDER BY s.signed_at DESC, s.id DESC")) {
            ps.setLong(1, patientId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(signed(rs, months));
                }
            }
        }
        return out;
    }

    public Optional<SignedConsent> signed(Connection c, long id, int months) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SIGNED_COLUMNS + " FROM signed_consent s"
                + " JOIN consent_text t ON t.id = s.text_id JOIN app_user w ON w.id = s.witness_id WHERE s.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(signed(rs, months)) : Optional.empty();
            }
        }
    }

    /**
     * For each of {@code kinds}, the patient's consent valid on {@code day} that was signed last
     * (signed on or before it, within {@code months} months); kinds without one are left out.
     */
    public Map<ConsentKind, SignedConsent> validOn(Connection c, long patientId, Set<ConsentKind> kinds, LocalDate day,
                                                   int months) throws SQLException {
        Map<ConsentKind, SignedConsent> out = new LinkedHashMap<>();
        if (kinds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SIGNED_COLUMNS + " FROM signed_consent s"
                + " JOIN consent_text t ON t.id = s.text_id JOIN app_user w ON w.id = s.witness_id"
                + " WHERE s.patient_id = ? AND s.signed_on <= ? AND s.signed_on > ?"
                + " ORDER BY s.signed_at DESC, s.id DESC")) {
            ps.setLong(1, patientId);
            Sql.setDate(ps, 2, day);
            // valid on day when day <= signedOn + months - 1 day, i.e. signedOn > day - months
            Sql.setDate(ps, 3, day.minusMonths(months));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SignedConsent s = signed(rs, months);
                    if (kinds.contains(s.kind()) && s.validOn(day)) {
                        out.putIfAbsent(s.kind(), s);
                    }
                }
            }
        }
        return out;
    }

    /** The patient a visit belongs to, if the visit exists. */
    public Optional<Long> visitPatient(Connection c, long visitId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT patient_id FROM visit WHERE id = ?")) {
            ps.setLong(1, visitId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The strokes kept with a signed consent (compact text, {@link Signature#parse}). */
    public Optional<String> strokes(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT strokes FROM signed_consent WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The PDF made when the consent was signed. */
    public Optional<byte[]> pdf(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pdf FROM signed_consent WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    @Override
    public Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("consent texts", Sql.count(c, "SELECT COUNT(*) FROM consent_text"));
        m.put("signed consents", Sql.count(c, "SELECT COUNT(*) FROM signed_consent"));
        return m;
    }

    /** Missing append-only guards, a kind without any text (nothing to sign), and a kind whose versions skip a number. */
    @Override
    public List<String> problems(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        long guards = Sql.count(c, "SELECT COUNT(DISTINCT TRIGGER_NAME) FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_NAME IN"
                + " ('CONSENT_TEXT_NO_UPDATE', 'CONSENT_TEXT_NO_DELETE', 'SIGNED_CONSENT_NO_UPDATE', 'SIGNED_CONSENT_NO_DELETE')");
        if (guards < 4) {
            out.add("consents: the append-only guards of consent texts and signed consents are missing");
        }
        Set<ConsentKind> seen = EnumSet.noneOf(ConsentKind.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, COUNT(*), MAX(text_version) FROM consent_text"
                + " GROUP BY kind"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ConsentKind k = ConsentKind.valueOf(rs.getString(1));
                seen.add(k);
                if (rs.getLong(2) != rs.getLong(3)) {
                    out.add("consent texts: " + k.label() + " has " + rs.getLong(2) + " versions numbered up to "
                            + rs.getLong(3));
                }
            }
        }
        for (ConsentKind k : ConsentKind.values()) {
            if (!seen.contains(k)) {
                out.add("consent texts: no text for " + k.label());
            }
        }
        return out;
    }

    private static ConsentText text(ResultSet rs) throws SQLException {
        return new ConsentText(rs.getLong("id"), ConsentKind.valueOf(rs.getString("kind")), rs.getInt("text_version"),
                rs.getString("title"), rs.getString("body"), Sql.getInstant(rs, "created_at"),
                rs.getString("created_by_name"));
    }

    private static SignedConsent signed(ResultSet rs, int months) throws SQLException {
        LocalDate on = Sql.getDate(rs, "signed_on");
        return new SignedConsent(rs.getLong("id"), rs.getLong("patient_id"), rs.getLong("text_id"),
                ConsentKind.valueOf(rs.getString("kind")), rs.getInt("text_version"), rs.getString("title"),
                Sql.getInstant(rs, "signed_at"), on, rs.getLong("witness_id"), rs.getString("witness_name"),
                Sql.getLong(rs, "visit_id"), on.plusMonths(months).minusDays(1));
    }
}
