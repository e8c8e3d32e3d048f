package org.needlepoint.followup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.needlepoint.chart.Addendum;
import org.needlepoint.chart.ChartStore;
import org.needlepoint.chart.Depth;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.Region;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.inventory.InventoryStore;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.store.RecordCheck;
import org.needlepoint.store.Sql;
import org.needlepoint.store.Versions;

/** SQL for adverse events, their selected points, patients' phoned-in reports, and the safety figures. */
public final class AdverseEventStore implements RecordCheck {
    private final InventoryStore inventory;

    /** {@code inventory} reads the lots and products of an event's points. */
    public AdverseEventStore(InventoryStore inventory) {
        this.inventory = inventory;
    }

    /** One stored column per MedWatch B.2 outcome. */
    private static final Map<SeriousOutcome, String> SERIOUS_COLUMNS = new LinkedHashMap<>();

    static {
        SERIOUS_COLUMNS.put(SeriousOutcome.DEATH, "serious_death");
        SERIOUS_COLUMNS.put(SeriousOutcome.LIFE_THREATENING, "serious_life_threatening");
        SERIOUS_COLUMNS.put(SeriousOutcome.HOSPITALIZATION, "serious_hospitalization");
        SERIOUS_COLUMNS.put(SeriousOutcome.DISABILITY, "serious_disability");
        SERIOUS_COLUMNS.put(SeriousOutcome.CONGENITAL_ANOMALY, "serious_congenital");
        SERIOUS_COLUMNS.put(SeriousOutcome.REQUIRED_INTERVENTION, "serious_intervention");
        SERIOUS_COLUMNS.put(SeriousOutcome.OTHER_SERIOUS, "serious_other");
    }

    private static final String EVENT_SELECT = "SELECT e.*, p.first_name, p.last_name, p.preferred_name, p.chart_number,"
            + " v.started_at AS visit_at, v.injector_id, i.full_name AS injector_name, i.title AS injector_title,"
            + " r.full_name AS reporter_name, r.title AS reporter_title, cu.full_name AS closer_name,"
            + " cu.title AS closer_title, (SELECT MIN(pr.id) FROM patient_report pr WHERE pr.event_id = e.id) AS report_id"
            + " FROM adverse_event e JOIN patient p ON p.id = e.patient_id JOIN visit v ON v.id = e.visit_id"
            + " JOIN app_user i ON i.id = v.injector_id JOIN app_user r ON r.id = e.reported_by"
            + " LEFT JOIN app_user cu ON cu.id = e.urgent_closed_by";

    private static final String REPORT_SELECT = "SELECT r.*, p.first_name, p.last_name, p.preferred_name, p.chart_number,"
            + " p.mobile_phone, p.other_phone, t.full_name AS taker_name, t.title AS taker_title,"
            + " rv.full_name AS reviewer_name, rv.title AS reviewer_title FROM patient_report r"
            + " JOIN patient p ON p.id = r.patient_id JOIN app_user t ON t.id = r.taken_by"
            + " LEFT JOIN app_user rv ON rv.id = r.reviewed_by";

    // ---------------------------------------------------------------------------------- events

    /** Inserts an event (its points separately, {@link #replacePoints}); returns its id. */
    public long insertEvent(Connection c, AdverseEventDraft d, TimingClass timing, boolean expected, boolean urgent,
                            long reportedBy, Instant now) throws SQLException {
        String cols = "patient_id, visit_id, reported_by, reported_on, onset_date, event_type, other_description,"
                + " timing_class, severity, vision_change, breathing_swallowing, " + String.join(", ", SERIOUS_COLUMNS.values())
                + ", death_date, description, actions_taken, relevant_history, weight_kg, outcome, outcome_date, expected,"
                + " urgent, created_at, created_by, updated_at, updated_by";
        int n = cols.split(",").length;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO adverse_event (" + cols + ") VALUES ("
                + "?, ".repeat(n - 1) + "?)", Statement.RETURN_GENERATED_KEYS)) {
            int i = 1;
            ps.setLong(i++, d.patientId());
            ps.setLong(i++, d.visitId());
            ps.setLong(i++, reportedBy);
            i = setContent(ps, i, d, timing);
            ps.setBoolean(i++, expected);
            ps.setBoolean(i++, urgent);
            Sql.setInstant(ps, i++, now);
            ps.setLong(i++, reportedBy);
            Sql.setInstant(ps, i++, now);
            ps.setLong(i, reportedBy);
            ps.executeUpdate();
            return Sql.generatedKey(ps);
        }
    }

    /** The columns the form edits, from reported_on to outcome_date, in insert/update order. */
    private static int setContent(PreparedStatement ps, int i, AdverseEventDraft d, TimingClass timing) throws SQLException {
        Sql.setDate(ps, i++, d.reportedOn());
        Sql.setDate(ps, i++, d.onsetDate());
        ps.setString(i++, d.type().name());
        ps.setString(i++, d.type() == AdverseEventType.OTHER ? d.otherDescription() : null);
        ps.setString(i++, timing.name());
        ps.setInt(i++, d.severity().grade());
        ps.setBoolean(i++, d.visionChange());
        ps.setBoolean(i++, d.breathingDifficulty());
        for (SeriousOutcome o : SERIOUS_COLUMNS.keySet()) {
            ps.setBoolean(i++, d.serious().contains(o));
        }
        Sql.setDate(ps, i++, d.serious().contains(SeriousOutcome.DEATH) ? d.deathDate() : null);
        ps.setString(i++, d.description());
        ps.setString(i++, d.actionsTaken());
        ps.setString(i++, d.relevantHistory());
        if (d.weightKg() == null) {
            ps.setNull(i++, Types.DECIMAL);
        } else {
            ps.setBigDecimal(i++, d.weightKg());
        }
        ps.setString(i++, d.outcome().name());
        Sql.setDate(ps, i++, d.outcome().resolved() ? d.outcomeDate() : null);
        return i;
    }

    /**
     * Saves the form's fields (patient and visit stay), refusing a stale {@code version};
     * {@code reopenUrgent} clears a closed urgent alert (a new urgent sign was recorded).
     */
    public void updateEvent(Connection c, long id, int version, AdverseEventDraft d, TimingClass timing, boolean expected,
                            boolean urgent, boolean reopenUrgent, Instant now, long by, ZoneId zone) throws SQLException {
        String sets = "reported_on = ?, onset_date = ?, event_type = ?, other_description = ?, timing_class = ?,"
                + " severity = ?, vision_change = ?, breathing_swallowing = ?, "
                + String.join(" = ?, ", SERIOUS_COLUMNS.values()) + " = ?, death_date = ?, description = ?,"
                + " actions_taken = ?, relevant_history = ?, weight_kg = ?, outcome = ?, outcome_date = ?, expected = ?,"
                + " urgent = ?,"
                + (reopenUrgent ? " urgent_closed_at = NULL, urgent_closed_by = NULL, urgent_close_note = NULL," : "")
                + " version = version + 1, updated_at = ?, updated_by = ?";
        try (PreparedStatement ps = c.prepareStatement("UPDATE adverse_event SET " + sets + " WHERE id = ? AND version = ?")) {
            int i = setContent(ps, 1, d, timing);
            ps.setBoolean(i++, expected);
            ps.setBoolean(i++, urgent);
            Sql.setInstant(ps, i++, now);
            ps.setLong(i++, by);
            ps.setLong(i++, id);
            ps.setInt(i, version);
            if (ps.executeUpdate() == 0) {
                throw Versions.stale(c, "adverse_event", id, "This adverse event", zone);
            }
        }
    }

    /** Closes an urgent event's banner entry, refusing a stale {@code version}. */
    public void closeUrgent(Connection c, long id, int version, String note, Instant now, long by, ZoneId zone)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE adverse_event SET urgent_closed_at = ?, urgent_closed_by = ?,"
                + " urgent_close_note = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?")) {
            Sql.setInstant(ps, 1, now);
            ps.setLong(2, by);
            ps.setString(3, note);
            Sql.setInstant(ps, 4, now);
            ps.setLong(5, by);
            ps.setLong(6, id);
            ps.setInt(7, version);
            if (ps.executeUpdate() == 0) {
                throw Versions.stale(c, "adverse_event", id, "This adverse event", zone);
            }
        }
    }

    /** The ids of the visit's points with the given keys (original and addendum points); unknown keys are absent. */
    public Map<String, Long> pointIds(Connection c, long visitId, Collection<String> keys) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT point_key, id FROM injection_point WHERE visit_id = ?")) {
            ps.setLong(1, visitId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (keys.contains(rs.getString(1))) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        return out;
    }

    public void replacePoints(Connection c, long eventId, Collection<Long> pointIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM adverse_event_point WHERE event_id = ?")) {
            ps.setLong(1, eventId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO adverse_event_point (event_id, point_id) VALUES (?, ?)")) {
            for (long p : pointIds) {
                ps.setLong(1, eventId);
                ps.setLong(2, p);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The keys of the event's selected points, in map order. */
    public List<String> pointKeys(Connection c, long eventId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ip.point_key FROM adverse_event_point ep"
                + " JOIN injection_point ip ON ip.id = ep.point_id WHERE ep.event_id = ?"
                + " ORDER BY ip.addendum_id NULLS FIRST, ip.seq")) {
            ps.setLong(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * The event with its point keys and the products and lots of those points ({@link EventProduct}),
     * read from the visit's chart and the catalogue through {@code charts}.
     */
    public Optional<AdverseEvent> event(Connection c, long id, ChartStore charts, Instant now, ZoneId zone)
            throws SQLException {
        AdverseEvent e;
        try (PreparedStatement ps = c.prepareStatement(EVENT_SELECT + " WHERE e.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                e = event(rs, zone);
            }
        }
        List<String> keys = pointKeys(c, id);
        VisitChart chart = charts.chart(c, e.visitId()).orElseThrow();
        Map<Long, Lot> lots = new HashMap<>();
        for (InjectionPoint p : chart.allPoints()) {
            if (p.lotId() != null && !lots.containsKey(p.lotId())) {
                inventory.lot(c, p.lotId(), now).ifPresent(l -> lots.put(l.id(), l));
            }
        }
        List<EventProduct> products = products(chart, new LinkedHashSet<>(keys), inventory.products(c), lots, zone);
        return Optional.of(new AdverseEvent(e.id(), e.patientId(), e.patientName(), e.chartNumber(), e.visitId(),
                e.visitDate(), e.injectorId(), e.injectorName(), keys, products, e.reportedById(), e.reportedByName(),
                e.reportedOn(), e.onsetDate(), e.type(), e.otherDescription(), e.timing(), e.severity(), e.visionChange(),
                e.breathingDifficulty(), e.serious(), e.deathDate(), e.description(), e.actionsTaken(),
                e.relevantHistory(), e.weightKg(), e.outcome(), e.outcomeDate(), e.urgent(), e.urgentClosedAt(),
                e.urgentClosedByName(), e.urgentCloseNote(), e.patientReportId(), e.version(), e.createdAt(),
                e.updatedAt(), e.expected()));
    }

    /**
     * The selected points of {@code chart} grouped by product and lot, in the order the points were
     * charted: total amount, count, depths, regions and the days given (an addendum's points on the
     * addendum's day).
     */
    public static List<EventProduct> products(VisitChart chart, Set<String> keys, List<Product> catalogue, Map<Long, Lot> lots,
                                       ZoneId zone) {
        Map<Long, Product> byId = new HashMap<>();
        catalogue.forEach(p -> byId.put(p.id(), p));
        Map<Long, Instant> addendumAt = new HashMap<>();
        for (Addendum a : chart.addenda()) {
            addendumAt.put(a.id(), a.createdAt());
        }
        LocalDate visitDay = chart.visit().startedAt().atZone(zone).toLocalDate();
        record Key(long product, Long lot) {
        }
        Map<Key, List<InjectionPoint>> groups = new LinkedHashMap<>();
        for (InjectionPoint p : chart.allPoints()) {
            if (keys.contains(p.key())) {
                groups.computeIfAbsent(new Key(p.productId(), p.lotId()), k -> new ArrayList<>()).add(p);
            }
        }
        List<EventProduct> out = new ArrayList<>();
        for (Map.Entry<Key, List<InjectionPoint>> g : groups.entrySet()) {
            Product product = byId.get(g.getKey().product());
            Lot lot = g.getKey().lot() == null ? null : lots.get(g.getKey().lot());
            BigDecimal total = BigDecimal.ZERO;
            Set<Depth> depths = EnumSet.noneOf(Depth.class);
            Set<Region> regions = EnumSet.noneOf(Region.class);
            Set<LocalDate> days = new TreeSet<>();
            for (InjectionPoint p : g.getValue()) {
                total = total.add(p.amount());
                if (p.depth() != null) {
                    depths.add(p.depth());
                }
                regions.add(p.region());
                days.add(p.addendumId() == null ? visitDay
                        : addendumAt.getOrDefault(p.addendumId(), chart.visit().startedAt()).atZone(zone).toLocalDate());
            }
            out.add(new EventProduct(product.id(), product.name(), product.brand(), product.kind(),
                    lot == null ? null : lot.id(), lot == null ? null : lot.lotNumber(), lot == null ? null : lot.expiry(),
                    total, g.getValue().get(0).unit(), g.getValue().size(), depths, regions, days, product.gtins()));
        }
        return out;
    }

    private static AdverseEvent event(ResultSet rs, ZoneId zone) throws SQLException {
        Set<SeriousOutcome> serious = EnumSet.noneOf(SeriousOutcome.class);
        for (Map.Entry<SeriousOutcome, String> s : SERIOUS_COLUMNS.entrySet()) {
            if (rs.getBoolean(s.getValue())) {
                serious.add(s.getKey());
            }
        }
        return new AdverseEvent(rs.getLong("id"), rs.getLong("patient_id"), Names.patient(rs), rs.getLong("chart_number"),
                rs.getLong("visit_id"), Sql.getInstant(rs, "visit_at").atZone(zone).toLocalDate(), rs.getLong("injector_id"),
                Names.staff(rs.getString("injector_title"), rs.getString("injector_name")), List.of(), List.of(),
                rs.getLong("reported_by"), Names.staff(rs.getString("reporter_title"), rs.getString("reporter_name")),
                Sql.getDate(rs, "reported_on"), Sql.getDate(rs, "onset_date"),
                AdverseEventType.valueOf(rs.getString("event_type")), rs.getString("other_description"),
                TimingClass.valueOf(rs.getString("timing_class")), Severity.ofGrade(rs.getInt("severity")),
                rs.getBoolean("vision_change"), rs.getBoolean("breathing_swallowing"), serious,
                Sql.getDate(rs, "death_date"), rs.getString("description"), rs.getString("actions_taken"),
                rs.getString("relevant_history"), rs.getBigDecimal("weight_kg"),
                EventOutcome.valueOf(rs.getString("outcome")), Sql.getDate(rs, "outcome_date"), rs.getBoolean("urgent"),
                Sql.getInstant(rs, "urgent_closed_at"), Names.staff(rs.getString("closer_title"), rs.getString("closer_name")),
                rs.getString("urgent_close_note"), Sql.getLong(rs, "report_id"), rs.getInt("version"),
                Sql.getInstant(rs, "created_at"), Sql.getInstant(rs, "updated_at"), rs.getBoolean("expected"));
    }

    private static AdverseEventSummary summary(ResultSet rs, ZoneId zone) throws SQLException {
        AdverseEvent e = event(rs, zone);
        return new AdverseEventSummary(e.id(), e.version(), e.patientId(), e.patientName(), e.chartNumber(), e.visitId(),
                e.visitDate(), e.onsetDate(), e.reportedOn(), e.type(), e.otherDescription(), e.timing(), e.severity(),
                e.outcome(), e.outcomeDate(), e.urgent(), e.urgentOpen(), e.visionChange(), e.breathingDifficulty(),
                e.isSerious(), e.reportedByName(), e.createdAt(), e.expected());
    }

    private List<AdverseEventSummary> summaries(Connection c, String where, ZoneId zone, Object... args)
            throws SQLException {
        List<AdverseEventSummary> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(EVENT_SELECT + " WHERE " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(summary(rs, zone));
                }
            }
        }
        return out;
    }

    /** Events not yet resolved, newest onset first. */
    public List<AdverseEventSummary> openEvents(Connection c, ZoneId zone) throws SQLException {
        return summaries(c, "e.outcome IN ('ONGOING', 'IMPROVING') ORDER BY e.onset_date DESC, e.id DESC", zone);
    }

    /** Urgent events not yet closed, oldest first (the first to act on). */
    public List<AdverseEventSummary> openUrgent(Connection c, ZoneId zone) throws SQLException {
        return summaries(c, "e.urgent AND e.urgent_closed_at IS NULL ORDER BY e.created_at, e.id", zone);
    }

    /** The patient's events, newest onset first. */
    public List<AdverseEventSummary> patientEvents(Connection c, long patientId, ZoneId zone) throws SQLException {
        return summaries(c, "e.patient_id = ? ORDER BY e.onset_date DESC, e.id DESC", zone, patientId);
    }

    /** The visit's events, oldest onset first. */
    public List<AdverseEventSummary> visitEvents(Connection c, long visitId, ZoneId zone) throws SQLException {
        return summaries(c, "e.visit_id = ? ORDER BY e.onset_date, e.id", zone, visitId);
    }

    public long countOpen(Connection c) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM adverse_event WHERE outcome IN ('ONGOING', 'IMPROVING')");
    }

    public long countOpenUrgent(Connection c) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM adverse_event WHERE urgent AND urgent_closed_at IS NULL");
    }

    // --------------------------------------------------------------------------------- reports

    public long insertReport(Connection c, long patientId, String text, Instant phonedAt, long takenBy, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO patient_report (patient_id, report_text, phoned_at,"
                + " taken_by, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, patientId);
            ps.setString(2, text);
            Sql.setInstant(ps, 3, phonedAt);
            ps.setLong(4, takenBy);
            Sql.setInstant(ps, 5, now);
            Sql.setInstant(ps, 6, now);
            ps.setLong(7, takenBy);
            ps.executeUpdate();
            return Sql.generatedKey(ps);
        }
    }

    public Optional<PatientReport> report(Connection c, long id) throws SQLException {
        List<PatientReport> r = reports(c, "r.id = ?", id);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    /** Reports waiting for an injector, oldest call first. */
    public List<PatientReport> waitingReports(Connection c) throws SQLException {
        return reports(c, "r.status = 'WAITING' ORDER BY r.phoned_at, r.id");
    }

    /** The patient's reports, newest call first. */
    public List<PatientReport> patientReports(Connection c, long patientId) throws SQLException {
        return reports(c, "r.patient_id = ? ORDER BY r.phoned_at DESC, r.id DESC", patientId);
    }

    public long countWaiting(Connection c) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM patient_report WHERE status = 'WAITING'");
    }

    private List<PatientReport> reports(Connection c, String where, Object... args) throws SQLException {
        List<PatientReport> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(REPORT_SELECT + " WHERE " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String phone = rs.getString("mobile_phone") != null ? rs.getString("mobile_phone") : rs.getString("other_phone");
                    out.add(new PatientReport(rs.getLong("id"), rs.getLong("patient_id"), Names.patient(rs),
                            rs.getLong("chart_number"), phone, rs.getString("report_text"), Sql.getInstant(rs, "phoned_at"),
                            rs.getLong("taken_by"), Names.staff(rs.getString("taker_title"), rs.getString("taker_name")),
                            ReportStatus.valueOf(rs.getString("status")), Sql.getLong(rs, "event_id"),
                            Sql.getInstant(rs, "reviewed_at"),
                            Names.staff(rs.getString("reviewer_title"), rs.getString("reviewer_name")),
                            rs.getString("review_note"), rs.getInt("version")));
                }
            }
        }
        return out;
    }

    /** Marks a WAITING report reviewed: RECORDED with its event, or DISMISSED with a note. Refuses a stale version. */
    public void review(Connection c, long id, int version, ReportStatus status, Long eventId, String note, Instant now,
                       long by, ZoneId zone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE patient_report SET status = ?, event_id = ?, review_note = ?,"
                + " reviewed_at = ?, reviewed_by = ?, version = version + 1, updated_at = ?, updated_by = ?"
                + " WHERE id = ? AND version = ? AND status = 'WAITING'")) {
            ps.setString(1, status.name());
            Sql.setLong(ps, 2, eventId);
            ps.setString(3, note);
            Sql.setInstant(ps, 4, now);
            ps.setLong(5, by);
            Sql.setInstant(ps, 6, now);
            ps.setLong(7, by);
            ps.setLong(8, id);
            ps.setInt(9, version);
            if (ps.executeUpdate() == 0) {
                throw Versions.stale(c, "patient_report", id, "This patient's report", zone);
            }
        }
    }

    // --------------------------------------------------------------------------------- figures

    /** Events with onset from {@code from} to {@code to} (inclusive) counted along {@code dim}, most first. */
    public List<EventCount> eventsBy(Connection c, LocalDate from, LocalDate to, EventDimension dim) throws SQLException {
        String sql = switch (dim) {
            case LOT -> "SELECT l.id, pr.name || ' lot ' || l.lot_number, COUNT(DISTINCT e.id) FROM adverse_event e"
                    + " JOIN adverse_event_point ep ON ep.event_id = e.id JOIN injection_point ip ON ip.id = ep.point_id"
                    + " JOIN lot l ON l.id = ip.lot_id JOIN product pr ON pr.id = l.product_id"
                    + " WHERE e.onset_date BETWEEN ? AND ? GROUP BY l.id, pr.name, l.lot_number";
            case PRODUCT -> "SELECT pr.id, pr.name, COUNT(DISTINCT e.id) FROM adverse_event e"
                    + " JOIN adverse_event_point ep ON ep.event_id = e.id JOIN injection_point ip ON ip.id = ep.point_id"
                    + " JOIN product pr ON pr.id = ip.product_id"
                    + " WHERE e.onset_date BETWEEN ? AND ? GROUP BY pr.id, pr.name";
            case INJECTOR -> "SELECT u.id, CASE WHEN u.title IS NULL OR u.title = '' THEN u.full_name"
                    + " ELSE u.title || ' ' || u.full_name END, COUNT(*) FROM adverse_event e"
                    + " JOIN visit v ON v.id = e.visit_id JOIN app_user u ON u.id = v.injector_id"
                    + " WHERE e.onset_date BETWEEN ? AND ? GROUP BY u.id, u.title, u.full_name";
            case TYPE -> "SELECT NULL, e.event_type, COUNT(*) FROM adverse_event e"
                    + " WHERE e.onset_date BETWEEN ? AND ? GROUP BY e.event_type";
        };
        List<EventCount> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.setDate(ps, 1, from);
            Sql.setDate(ps, 2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long raw = rs.getLong(1);
                    Long id = rs.wasNull() ? null : raw;
                    String label = rs.getString(2);
                    if (dim == EventDimension.TYPE) {
                        AdverseEventType t = AdverseEventType.valueOf(label);
                        out.add(new EventCount(dim, t.name(), null, t.label(), rs.getLong(3)));
                    } else {
                        out.add(new EventCount(dim, String.valueOf(id), id, label, rs.getLong(3)));
                    }
                }
            }
        }
        out.sort((a, b) -> a.events() != b.events() ? Long.compare(b.events(), a.events()) : a.label().compareTo(b.label()));
        return out;
    }

    /**
     * Lots with at least {@code threshold} events of one type with onset from {@code from} to
     * {@code to} (inclusive), most events first.
     */
    public List<SafetySignal> signals(Connection c, LocalDate from, LocalDate to, int threshold, int windowDays)
            throws SQLException {
        List<SafetySignal> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT l.id, l.lot_number, l.expiry, pr.id, pr.name, e.event_type,"
                + " COUNT(DISTINCT e.id) AS n FROM adverse_event e JOIN adverse_event_point ep ON ep.event_id = e.id"
                + " JOIN injection_point ip ON ip.id = ep.point_id JOIN lot l ON l.id = ip.lot_id"
                + " JOIN product pr ON pr.id = l.product_id WHERE e.onset_date BETWEEN ? AND ?"
                + " GROUP BY l.id, l.lot_number, l.expiry, pr.id, pr.name, e.event_type HAVING COUNT(DISTINCT e.id) >= ?"
                + " ORDER BY n DESC, pr.name, l.lot_number, e.event_type")) {
            Sql.setDate(ps, 1, from);
            Sql.setDate(ps, 2, to);
            ps.setInt(3, threshold);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SafetySignal(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getLong(4),
                            rs.getString(5), AdverseEventType.valueOf(rs.getString(6)), rs.getLong(7), threshold,
                            windowDays, from, to));
                }
            }
        }
        return out;
    }

    // ----------------------------------------------------------------------------------- check

    @Override
    public Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("adverse events", Sql.count(c, "SELECT COUNT(*) FROM adverse_event"));
        m.put("patient reports", Sql.count(c, "SELECT COUNT(*) FROM patient_report"));
        return m;
    }

    @Override
    public List<String> problems(Connection c) throws SQLException {
        List<String> p = new ArrayList<>();
        long foreign = Sql.count(c, "SELECT COUNT(*) FROM adverse_event_point ep JOIN adverse_event e ON e.id = ep.event_id"
                + " JOIN injection_point ip ON ip.id = ep.point_id WHERE ip.visit_id <> e.visit_id");
        if (foreign > 0) {
            p.add("adverse events: " + foreign + " selected point(s) belong to another visit than their event's");
        }
        long otherPatient = Sql.count(c, "SELECT COUNT(*) FROM adverse_event e JOIN visit v ON v.id = e.visit_id"
                + " WHERE v.patient_id <> e.patient_id");
        if (otherPatient > 0) {
            p.add("adverse events: " + otherPatient + " event(s) name another patient than their visit's");
        }
        long noPoints = Sql.count(c, "SELECT COUNT(*) FROM adverse_event e WHERE NOT EXISTS"
                + " (SELECT 1 FROM adverse_event_point ep WHERE ep.event_id = e.id)");
        if (noPoints > 0) {
            p.add("adverse events: " + noPoints + " event(s) without a selected point");
        }
        long wrongReport = Sql.count(c, "SELECT COUNT(*) FROM patient_report r JOIN adverse_event e ON e.id = r.event_id"
                + " WHERE e.patient_id <> r.patient_id");
        if (wrongReport > 0) {
            p.add("patient reports: " + wrongReport + " report(s) linked to another patient's event");
        }
        return p;
    }
}
