package org.needlepoint.chart;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.needlepoint.chart.VisitSummary.ProductAmount;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.inventory.Unit;
import org.needlepoint.store.RecordCheck;
import org.needlepoint.store.Sql;
import org.needlepoint.store.Versions;

/**
 * All SQL for charts: visits, screening answers, injection points, addenda and patterns (products,
 * lots and vials are {@link org.needlepoint.inventory.InventoryStore}'s). Signed visits are guarded
 * twice: these statements only touch drafts, and {@link SignedChartGuard} refuses anything else in
 * the database itself.
 */
public final class ChartStore implements RecordCheck {
    private static final String VISIT_SELECT = "SELECT v.*, i.full_name AS injector_name, i.title AS injector_title,"
            + " s.full_name AS signer_name, s.title AS signer_title FROM visit v JOIN app_user i ON i.id = v.injector_id"
            + " LEFT JOIN app_user s ON s.id = v.signed_by";

    // --------------------------------------------------------------------------------- visits

    public long insertVisit(Connection c, long patientId, long injectorId, Instant now) throws SQLException {
        return insertVisit(c, patientId, injectorId, now, injectorId);
    }

    /** A new DRAFT visit of the patient with {@code injectorId}, begun by {@code by} (the desk, at check-in). */
    public long insertVisit(Connection c, long patientId, long injectorId, Instant now, long by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO visit (patient_id, started_at, injector_id, status,"
                + " created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, 'DRAFT', ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, patientId);
            Sql.setInstant(ps, 2, now);
            ps.setLong(3, injectorId);
            Sql.setInstant(ps, 4, now);
            ps.setLong(5, by);
            Sql.setInstant(ps, 6, now);
            ps.setLong(7, by);
            ps.executeUpdate();
            return Sql.generatedKey(ps);
        }
    }

    public Optional<Visit> visit(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(VISIT_SELECT + " WHERE v.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(visit(rs)) : Optional.empty();
            }
        }
    }

    private static Visit visit(ResultSet rs) throws SQLException {
        return new Visit(rs.getLong("id"), rs.getLong("patient_id"), Sql.getInstant(rs, "started_at"),
                rs.getLong("injector_id"), display(rs.getString("injector_title"), rs.getString("injector_name")),
                VisitStatus.valueOf(rs.getString("status")), rs.getString("clinical_notes"),
                rs.getBoolean("consent_confirmed"), rs.getBoolean("offlabel_consent_confirmed"),
                Sql.getInstant(rs, "signed_at"), Sql.getLong(rs, "signed_by"),
                display(rs.getString("signer_title"), rs.getString("signer_name")), rs.getInt("version"),
                Sql.getInstant(rs, "updated_at"));
    }

    private static String display(String title, String name) {
        if (name == null) {
            return null;
        }
        return (title == null || title.isBlank() ? "" : title + " ") + name;
    }

    /** The visit with its points, screening and addenda. */
    public Optional<VisitChart> chart(Connection c, long id) throws SQLException {
        Optional<Visit> v = visit(c, id);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        List<InjectionPoint> all = points(c, id);
        List<InjectionPoint> original = all.stream().filter(p -> p.addendumId() == null).toList();
        List<Addendum> addenda = new ArrayList<>();
        // only a signed visit has addenda (SignedChartGuard): a draft's save reads no table it cannot have rows in
        if (v.get().signed()) {
            readAddenda(c, id, all, addenda);
        }
        return Optional.of(new VisitChart(v.get(), original, screening(c, id), addenda, false));
    }

    private static void readAddenda(Connection c, long id, List<InjectionPoint> all, List<Addendum> addenda)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT a.*, u.full_name, u.title FROM addendum a"
                + " JOIN app_user u ON u.id = a.author_id WHERE a.visit_id = ? ORDER BY a.created_at, a.id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long aid = rs.getLong("id");
                    addenda.add(new Addendum(aid, id, rs.getLong("author_id"),
                            display(rs.getString("title"), rs.getString("full_name")), Sql.getInstant(rs, "created_at"),
                            rs.getString("note_text"), all.stream().filter(p -> Long.valueOf(aid).equals(p.addendumId())).toList()));
                }
            }
        }
    }

    /** Every point of the visit: the originals, then each addendum's, in charting order. */
    public List<InjectionPoint> points(Connection c, long visitId) throws SQLException {
        List<InjectionPoint> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM injection_point WHERE visit_id = ?"
                + " ORDER BY addendum_id NULLS FIRST, seq")) {
            ps.setLong(1, visitId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(point(rs));
                }
            }
        }
        return out;
    }

    private static InjectionPoint point(ResultSet rs) throws SQLException {
        String depth = rs.getString("depth");
        String technique = rs.getString("technique");
        return new InjectionPoint(rs.getString("point_key"), DiagramView.valueOf(rs.getString("diagram_view")),
                rs.getDouble("x"), rs.getDouble("y"), Region.valueOf(rs.getString("region")),
                Side.valueOf(rs.getString("side")), rs.getLong("product_id"), Sql.getLong(rs, "lot_id"),
                Sql.getLong(rs, "vial_id"), rs.getBigDecimal("amount"), Unit.valueOf(rs.getString("amount_unit")),
                depth == null ? null : Depth.valueOf(depth), technique == null ? null : Technique.valueOf(technique),
                rs.getString("note"), Sql.getLong(rs, "addendum_id"));
    }

    public List<ScreeningEntry> screening(Connection c, long visitId) throws SQLException {
        Map<ScreeningItem, ScreeningEntry> byItem = new java.util.EnumMap<>(ScreeningItem.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM visit_screening WHERE visit_id = ?")) {
            ps.setLong(1, visitId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ScreeningItem item = item(rs.getString("item_code"));
                    if (item != null) {
                        byItem.put(item, new ScreeningEntry(item, ScreeningAnswer.valueOf(rs.getString("answer")),
                                rs.getBoolean("flagged_by_record"), rs.getString("note")));
                    }
                }
            }
        }
        return new ArrayList<>(byItem.values());
    }

    private static ScreeningItem item(String code) {
        try {
            return ScreeningItem.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null; // a question a later version asked; this version does not know it
        }
    }

    /** The injector's unsigned visit of this patient, newest first: what "start a visit" resumes. */
    public Optional<Long> openDraft(Connection c, long patientId, long injectorId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM visit WHERE patient_id = ? AND injector_id = ?"
                + " AND status = 'DRAFT' ORDER BY started_at DESC, id DESC LIMIT 1")) {
            ps.setLong(1, patientId);
            ps.setLong(2, injectorId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The injector's unsigned visits of this patient, newest first: the drafts a check-in may prepare again. */
    public List<Long> openDrafts(Connection c, long patientId, long injectorId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM visit WHERE patient_id = ? AND injector_id = ?"
                + " AND status = 'DRAFT' ORDER BY started_at DESC, id DESC")) {
            ps.setLong(1, patientId);
            ps.setLong(2, injectorId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * A joined PC's save of a draft, run by the clinic server in this PC's transaction ({@link ServerSave}), the
     * statement ending with {@code thenCommit} ({@link org.needlepoint.store.Database#txOnServer}): one round trip.
     * The chart as saved, or the server's refusal as it was thrown there.
     */
    public VisitChart saveDraftOnServer(Connection c, String thenCommit, long userId, long visitId, int version,
                                        ChartDraft draft) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("CALL " + ServerSave.SAVE_DRAFT + "(?, ?, ?, ?)" + thenCommit)) {
            ps.setLong(1, userId);
            ps.setLong(2, visitId);
            ps.setInt(3, version);
            ps.setString(4, ChartWire.draft(draft));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return ChartWire.chart(rs.getString(1));
            }
        } catch (SQLException e) {
            RuntimeException refused = ServerSave.refusal(e);
            if (refused != null) {
                throw refused;
            }
            throw e;
        }
    }

    /** On the clinic server, as its owner: the function joined PCs save drafts with ({@link ServerSave}). */
    public static void defineServerFunctions(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE ALIAS IF NOT EXISTS " + ServerSave.SAVE_DRAFT + " FOR '" + ServerSave.class.getName()
                    + ".saveDraft'");
        }
    }

    /** Saves the header of a draft if nobody saved it since {@code version}; else a refusal naming who did. */
    public void updateDraft(Connection c, long id, int version, ChartDraft d, Instant now, long by, ZoneId zone)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE visit SET clinical_notes = ?, consent_confirmed = ?,"
                + " offlabel_consent_confirmed = ?, version = version + 1, updated_at = ?, updated_by = ?"
                + " WHERE id = ? AND version = ? AND status = 'DRAFT'")) {
            ps.setString(1, d.notes());
            ps.setBoolean(2, d.consentConfirmed());
            ps.setBoolean(3, d.offLabelConsentConfirmed());
            Sql.setInstant(ps, 4, now);
            ps.setLong(5, by);
            ps.setLong(6, id);
            ps.setInt(7, version);
            if (ps.executeUpdate() == 0) {
                throw Versions.stale(c, "visit", id, "This visit's chart", zone);
            }
        }
    }

    /**
     * Writes a draft's original points and screening answers as {@code after}, where the database holds
     * {@code before} (read in this transaction, the visit's version checked): only what changed. A point is the
     * same point while its key stays (its row and id too: an autosave that moves one amount writes one row, not
     * the chart's sixty, and H2 writes far fewer pages at the commit); a point's {@code seq} is its place in the
     * list, so the originals always hold 0..n-1.
     */
    public void replaceDraftContent(Connection c, long visitId, ChartDraft before, ChartDraft after) throws SQLException {
        Map<String, Integer> was = new HashMap<>();
        List<InjectionPoint> old = before.points();
        for (int i = 0; i < old.size(); i++) {
            was.put(old.get(i).key(), i);
        }
        Set<String> kept = new HashSet<>();
        List<InjectionPoint> changed = new ArrayList<>();
        List<Integer> changedSeq = new ArrayList<>();
        List<InjectionPoint> added = new ArrayList<>();
        List<Integer> addedSeq = new ArrayList<>();
        for (int i = 0; i < after.points().size(); i++) {
            InjectionPoint p = after.points().get(i);
            Integer at = was.get(p.key());
            if (at == null) {
                added.add(p);
                addedSeq.add(i);
            } else {
                kept.add(p.key());
                if (at != i || !old.get(at).equals(p)) {
                    changed.add(p);
                    changedSeq.add(i);
                }
            }
        }
        List<String> gone = old.stream().map(InjectionPoint::key).filter(k -> !kept.contains(k)).toList();
        if (!gone.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM injection_point WHERE visit_id = ?"
                    + " AND addendum_id IS NULL AND point_key = ANY(?)")) {
                ps.setLong(1, visitId);
                ps.setObject(2, gone.toArray(String[]::new));
                ps.executeUpdate();
            }
        }
        if (!changed.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE injection_point SET seq = ?, diagram_view = ?, x = ?,"
                    + " y = ?, region = ?, side = ?, product_id = ?, lot_id = ?, amount = ?, amount_unit = ?, depth = ?,"
                    + " technique = ?, note = ?, vial_id = ? WHERE visit_id = ? AND point_key = ? AND addendum_id IS NULL")) {
                for (int i = 0; i < changed.size(); i++) {
                    InjectionPoint p = changed.get(i);
                    ps.setInt(1, changedSeq.get(i));
                    setPoint(ps, 2, p);
                    ps.setString(13, p.note());
                    Sql.setLong(ps, 14, p.vialId());
                    ps.setLong(15, visitId);
                    ps.setString(16, p.key());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!added.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_POINT)) {
                for (int i = 0; i < added.size(); i++) {
                    addPoint(ps, visitId, null, added.get(i), addedSeq.get(i));
                }
                ps.executeBatch();
            }
        }
        Map<ScreeningItem, ScreeningEntry> answered = new java.util.EnumMap<>(ScreeningItem.class);
        before.screening().forEach(e -> answered.put(e.item(), e));
        List<ScreeningEntry> changedAnswers = new ArrayList<>();
        List<ScreeningEntry> addedAnswers = new ArrayList<>();
        for (ScreeningEntry e : after.screening()) {
            ScreeningEntry prior = answered.remove(e.item());
            if (prior == null) {
                addedAnswers.add(e);
            } else if (!e.equals(prior)) {
                changedAnswers.add(e);
            }
        }
        if (!answered.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM visit_screening WHERE visit_id = ? AND item_code = ANY(?)")) {
                ps.setLong(1, visitId);
                ps.setObject(2, answered.keySet().stream().map(Enum::name).toArray(String[]::new));
                ps.executeUpdate();
            }
        }
        writeScreening(c, "UPDATE visit_screening SET answer = ?, flagged_by_record = ?, note = ? WHERE visit_id = ?"
                + " AND item_code = ?", visitId, changedAnswers);
        writeScreening(c, "INSERT INTO visit_screening (answer, flagged_by_record, note, visit_id, item_code)"
                + " VALUES (?, ?, ?, ?, ?)", visitId, addedAnswers);
    }

    /** {@code sql} takes answer, flagged_by_record, note, visit_id, item_code, in that order. */
    private static void writeScreening(Connection c, String sql, long visitId, List<ScreeningEntry> entries)
            throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (ScreeningEntry e : entries) {
                ps.setString(1, e.answer().name());
                ps.setBoolean(2, e.flaggedByRecord());
                ps.setString(3, e.note());
                ps.setLong(4, visitId);
                ps.setString(5, e.item().name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static final String INSERT_POINT = "INSERT INTO injection_point (visit_id, point_key, seq, diagram_view,"
            + " x, y, region, side, product_id, lot_id, amount, amount_unit, depth, technique, note, addendum_id,"
            + " vial_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    public void insertPoints(Connection c, long visitId, Long addendumId, List<InjectionPoint> points, int firstSeq)
            throws SQLException {
        if (points.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_POINT)) {
            int seq = firstSeq;
            for (InjectionPoint p : points) {
                addPoint(ps, visitId, addendumId, p, seq++);
            }
            ps.executeBatch();
        }
    }

    private static void addPoint(PreparedStatement ps, long visitId, Long addendumId, InjectionPoint p, int seq)
            throws SQLException {
        ps.setLong(1, visitId);
        ps.setString(2, p.key());
        ps.setInt(3, seq);
        // INSERT_POINT's columns 4-15 in setPoint's order, then addendum_id (16) and vial_id (17)
        setPoint(ps, 4, p);
        ps.setString(15, p.note());
        Sql.setLong(ps, 16, addendumId);
        Sql.setLong(ps, 17, p.vialId());
        ps.addBatch();
    }

    /** diagram_view, x, y, region, side, product_id, lot_id, amount, amount_unit, depth, technique from {@code at}. */
    private static void setPoint(PreparedStatement ps, int at, InjectionPoint p) throws SQLException {
        ps.setString(at, p.view().name());
        ps.setDouble(at + 1, p.x());
        ps.setDouble(at + 2, p.y());
        ps.setString(at + 3, p.region().name());
        ps.setString(at + 4, p.side().name());
        ps.setLong(at + 5, p.productId());
        Sql.setLong(ps, at + 6, p.lotId());
        ps.setBigDecimal(at + 7, p.amount());
        ps.setString(at + 8, p.unit().name());
        ps.setString(at + 9, p.depth() == null ? null : p.depth().name());
        ps.setString(at + 10, p.technique() == null ? null : p.technique().name());
    }

    /** DRAFT -> SIGNED if nobody saved the visit since {@code version}. */
    public void sign(Connection c, long id, int version, long signerId, Instant now, ZoneId zone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE visit SET status = 'SIGNED', signed_at = ?, signed_by = ?,"
                + " version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ? AND status = 'DRAFT'")) {
            Sql.setInstant(ps, 1, now);
            ps.setLong(2, signerId);
            Sql.setInstant(ps, 3, now);
            ps.setLong(4, signerId);
            ps.setLong(5, id);
            ps.setInt(6, version);
            if (ps.executeUpdate() == 0) {
                throw Versions.stale(c, "visit", id, "This visit's chart", zone);
            }
        }
    }

    public long insertAddendum(Connection c, long visitId, long authorId, Instant now, String text) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO addendum (visit_id, author_id, created_at, note_text)"
                + " VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, visitId);
            ps.setLong(2, authorId);
            Sql.setInstant(ps, 3, now);
            ps.setString(4, text);
            ps.executeUpdate();
            return Sql.generatedKey(ps);
        }
    }

    public int nextSeq(Connection c, long visitId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq) + 1, 0) FROM injection_point WHERE visit_id = ?")) {
            ps.setLong(1, visitId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    // -------------------------------------------------------------------------------- history

    /** The patient's visits, newest first. */
    public List<VisitSummary> history(Connection c, long patientId) throws SQLException {
        return summaries(c, "v.patient_id = ?", patientId);
    }

    /** The user's unsigned visits across patients, newest first. */
    public List<VisitSummary> drafts(Connection c, long injectorId) throws SQLException {
        return summaries(c, "v.injector_id = ? AND v.status = 'DRAFT'", injectorId);
    }

    private List<VisitSummary> summaries(Connection c, String where, long arg) throws SQLException {
        Map<Long, List<ProductAmount>> products = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ip.visit_id, ip.product_id, p.name, ip.amount_unit,"
                + " SUM(ip.amount) FROM injection_point ip JOIN product p ON p.id = ip.product_id"
                + " WHERE ip.visit_id IN (SELECT v.id FROM visit v WHERE " + where + ")"
                + " GROUP BY ip.visit_id, ip.product_id, p.name, ip.amount_unit ORDER BY ip.visit_id, MIN(ip.seq)")) {
            ps.setLong(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    products.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ProductAmount(rs.getLong(2),
                            rs.getString(3), rs.getBigDecimal(5), Unit.valueOf(rs.getString(4))));
                }
            }
        }
        Map<Long, Set<Region>> regions = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT ip.visit_id, ip.region FROM injection_point ip"
                + " WHERE ip.visit_id IN (SELECT v.id FROM visit v WHERE " + where + ")")) {
            ps.setLong(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    regions.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Region.class))
                            .add(Region.valueOf(rs.getString(2)));
                }
            }
        }
        List<VisitSummary> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT v.id, v.patient_id, v.started_at, v.status, v.injector_id,"
                + " i.full_name, i.title, v.signed_at,"
                + " (SELECT COUNT(*) FROM injection_point ip WHERE ip.visit_id = v.id) AS points,"
                + " (SELECT COUNT(*) FROM addendum a WHERE a.visit_id = v.id) AS addenda"
                + " FROM visit v JOIN app_user i ON i.id = v.injector_id WHERE " + where
                + " ORDER BY v.started_at DESC, v.id DESC")) {
            ps.setLong(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    out.add(new VisitSummary(id, rs.getLong("patient_id"), Sql.getInstant(rs, "started_at"),
                            VisitStatus.valueOf(rs.getString("status")), rs.getLong("injector_id"),
                            display(rs.getString("title"), rs.getString("full_name")), Sql.getInstant(rs, "signed_at"),
                            rs.getInt("points"), rs.getInt("addenda"), products.getOrDefault(id, List.of()),
                            regions.getOrDefault(id, Set.of())));
                }
            }
        }
        return out;
    }

    /** The patient's most recent signed visit. */
    public Optional<Long> lastSignedVisit(Connection c, long patientId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM visit WHERE patient_id = ? AND status = 'SIGNED'"
                + " ORDER BY started_at DESC, id DESC LIMIT 1")) {
            ps.setLong(1, patientId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    // ------------------------------------------------------------------------------- patterns

    public List<ChartPattern> patterns(Connection c) throws SQLException {
        Map<Long, List<PatternPoint>> points = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM chart_pattern_point ORDER BY pattern_id, seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String depth = rs.getString("depth");
                String technique = rs.getString("technique");
                points.computeIfAbsent(rs.getLong("pattern_id"), k -> new ArrayList<>()).add(new PatternPoint(
                        DiagramView.valueOf(rs.getString("diagram_view")), rs.getDouble("x"), rs.getDouble("y"),
                        Region.valueOf(rs.getString("region")), Side.valueOf(rs.getString("side")),
                        rs.getBigDecimal("amount"), depth == null ? null : Depth.valueOf(depth),
                        technique == null ? null : Technique.valueOf(technique)));
            }
        }
        List<ChartPattern> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM chart_pattern"
                // the shipped patterns in the order they were added (the label's glabella first), then the clinic's by name
                + " ORDER BY built_in DESC, CASE WHEN built_in THEN id END, name_key");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong("id");
                out.add(new ChartPattern(id, rs.getString("name"), ProductKind.valueOf(rs.getString("product_kind")),
                        Unit.valueOf(rs.getString("amount_unit")), rs.getString("brand"), rs.getBoolean("built_in"),
                        Sql.getLong(rs, "created_by"), points.getOrDefault(id, List.of())));
            }
        }
        return out;
    }

    public static String patternKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    public boolean patternNameTaken(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM chart_pattern WHERE name_key = ?")) {
            ps.setString(1, patternKey(name));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public long insertPattern(Connection c, String name, ProductKind kind, Unit unit, String brand, long by, Instant now,
                              List<PatternPoint> points) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO chart_pattern (name, name_key, product_kind,"
                + " amount_unit, brand, built_in, created_by, created_at) VALUES (?, ?, ?, ?, ?, FALSE, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name.strip());
            ps.setString(2, patternKey(name));
            ps.setString(3, kind.name());
            ps.setString(4, unit.name());
            ps.setString(5, brand);
            ps.setLong(6, by);
            Sql.setInstant(ps, 7, now);
            ps.executeUpdate();
            id = Sql.generatedKey(ps);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view,"
                + " x, y, region, side, amount, depth, technique) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (PatternPoint p : points) {
                ps.setLong(1, id);
                ps.setInt(2, seq++);
                ps.setString(3, p.view().name());
                ps.setDouble(4, p.x());
                ps.setDouble(5, p.y());
                ps.setString(6, p.region().name());
                ps.setString(7, p.side().name());
                ps.setBigDecimal(8, p.amount());
                ps.setString(9, p.depth() == null ? null : p.depth().name());
                ps.setString(10, p.technique() == null ? null : p.technique().name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return id;
    }

    // ---------------------------------------------------------------------------------- check

    @Override
    public Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("visits", Sql.count(c, "SELECT COUNT(*) FROM visit"));
        m.put("injection points", Sql.count(c, "SELECT COUNT(*) FROM injection_point"));
        m.put("addenda", Sql.count(c, "SELECT COUNT(*) FROM addendum"));
        return m;
    }

    @Override
    public List<String> problems(Connection c) throws SQLException {
        List<String> p = new ArrayList<>();
        long guards = Sql.count(c, "SELECT COUNT(DISTINCT TRIGGER_NAME) FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_NAME IN"
                + " ('VISIT_SIGNED_GUARD', 'INJECTION_POINT_SIGNED_GUARD', 'VISIT_SCREENING_SIGNED_GUARD', 'ADDENDUM_GUARD')");
        if (guards < 4) {
            p.add("charts: the guards that keep signed charts unchanged are missing");
        }
        long empty = Sql.count(c, "SELECT COUNT(*) FROM visit v WHERE v.status = 'SIGNED' AND NOT EXISTS"
                + " (SELECT 1 FROM injection_point ip WHERE ip.visit_id = v.id AND ip.addendum_id IS NULL)");
        if (empty > 0) {
            p.add("charts: " + empty + " signed visit(s) without injection points");
        }
        long noLot = Sql.count(c, "SELECT COUNT(*) FROM injection_point ip JOIN visit v ON v.id = ip.visit_id"
                + " WHERE v.status = 'SIGNED' AND ip.lot_id IS NULL");
        if (noLot > 0) {
            p.add("charts: " + noLot + " signed injection point(s) without a lot");
        }
        long wrongLot = Sql.count(c, "SELECT COUNT(*) FROM injection_point ip JOIN lot l ON l.id = ip.lot_id"
                + " JOIN visit v ON v.id = ip.visit_id WHERE v.status = 'SIGNED' AND l.product_id <> ip.product_id");
        if (wrongLot > 0) {
            p.add("charts: " + wrongLot + " signed injection point(s) with a lot of another product");
        }
        long wrongUnit = Sql.count(c, "SELECT COUNT(*) FROM injection_point ip JOIN product pr ON pr.id = ip.product_id"
                + " WHERE pr.charting_unit <> ip.amount_unit");
        if (wrongUnit > 0) {
            p.add("charts: " + wrongUnit + " injection point(s) charted in another unit than their product's");
        }
        return p;
    }
}
