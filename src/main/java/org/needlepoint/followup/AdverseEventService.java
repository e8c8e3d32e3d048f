package org.needlepoint.followup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.needlepoint.chart.ChartStore;
import org.needlepoint.chart.Visit;
import org.needlepoint.clinic.ClinicStore;
import org.needlepoint.common.Text;
import org.needlepoint.common.ValidationException;
import org.needlepoint.patient.Patient;
import org.needlepoint.patient.PatientStore;
import org.needlepoint.security.Audit;
import org.needlepoint.security.AuditEntry;
import org.needlepoint.security.AuditFilter;
import org.needlepoint.security.AuditStore;
import org.needlepoint.security.Role;
import org.needlepoint.security.Session;
import org.needlepoint.security.User;
import org.needlepoint.store.Database;

/**
 * Adverse events, patients' phoned-in reports, the urgent banner, the injectors' review list and
 * the safety figures.
 *
 * <p><b>Recording.</b> An event belongs to a SIGNED visit of the patient and to the points selected
 * on that visit's map (their keys; at least one): the products and lots follow from the points. A
 * chart still being drafted cannot carry an event, as its points may still change: sign it first.
 * The form's rules are in {@link #problems}: onset from the visit's day to today; reported on from
 * the onset to today; "other" needs its description; a death (MedWatch B.2) needs its date and is
 * grade 5, and grade 5 is a death; a resolved outcome needs its date; weight 0.5-500 kg. The timing
 * class follows from the visit's day and the onset ({@link TimingClass}). Recording creates the
 * event's follow-up tasks for its grade ({@link FollowUpPlanner}); changing the grade later cancels
 * the open checks of the old grade and adds those of the new one (none due before today). Updates
 * are optimistic-locked; every version's summary is in the audit log.
 *
 * <p><b>Urgent events.</b> Vascular occlusion, distant toxin spread, a vision change or breathing or
 * swallowing difficulty make the event urgent: an {@link #URGENT_EVENT} audit entry is written and
 * the event stays in {@link #openUrgentEvents} (the home screen's red banner, with the clinic's
 * {@link #urgentChecklist}) until an injector closes it with a note ({@link #closeUrgent}). A later
 * change that adds an urgent sign the event did not have reopens a closed alert.
 *
 * <p><b>Who may do what.</b> INJECTOR and ADMIN accounts record, change and read events, close
 * urgent alerts, review and dismiss reports, and see the review list and safety figures. Anyone,
 * the front desk foremost, logs "patient called reporting ..." ({@link #logPatientReport}), which
 * waits in the review list, reads a patient's reports, and sees the urgent banner and its checklist.
 */
public final class AdverseEventService {
    /** The audit action written when an event is (or becomes) urgent. */
    public static final String URGENT_EVENT = "URGENT_EVENT";
    public static final int MAX_REPORT = 2000;
    public static final int MAX_NOTE = 1000;
    private static final Role[] CLINICAL = {Role.INJECTOR, Role.ADMIN};
    private static final Role[] ANY_STAFF = {Role.ADMIN, Role.INJECTOR, Role.FRONT_DESK};
    private static final BigDecimal MIN_WEIGHT = new BigDecimal("0.5");
    private static final BigDecimal MAX_WEIGHT = new BigDecimal("500");

    private final Database db;
    private final AdverseEventStore store;
    private final ChartStore charts;
    private final PatientStore patients;
    private final FollowUpSettingsStore settings;
    private final FollowUpPlanner planner;
    private final AuditStore auditStore;
    private final Audit audit;
    private final Session session;
    private final Clock clock;

    public AdverseEventService(Database db, AdverseEventStore store, ChartStore charts, PatientStore patients,
                               ClinicStore clinic, FollowUpPlanner planner, AuditStore auditStore, Audit audit,
                               Session session, Clock clock) {
        this.db = db;
        this.store = store;
        this.charts = charts;
        this.patients = patients;
        this.settings = new FollowUpSettingsStore(clinic);
        this.planner = planner;
        this.auditStore = auditStore;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ------------------------------------------------------------------------------------ events

    /** Field name to message for the form, by the rules recording applies; empty when it can be saved. INJECTOR, ADMIN. */
    public Map<String, String> problems(AdverseEventDraft d) {
        session.require("record adverse events", CLINICAL);
        return db.read(c -> problems(c, d, null));
    }

    /** Records an event (see the class comment). INJECTOR and ADMIN. */
    public AdverseEvent recordEvent(AdverseEventDraft d) {
        User u = session.require("record adverse events", CLINICAL);
        return db.tx(c -> insert(c, d, u, null));
    }

    /**
     * Records an event from a patient's phoned-in report, which leaves the review list linked to
     * the event. The report must still be waiting, be at {@code reportVersion} and be the same
     * patient's. INJECTOR and ADMIN.
     */
    public AdverseEvent recordEventFromReport(long reportId, int reportVersion, AdverseEventDraft d) {
        User u = session.require("record adverse events", CLINICAL);
        return db.tx(c -> {
            PatientReport r = store.report(c, reportId)
                    .orElseThrow(() -> new ValidationException("report", "This report no longer exists."));
            if (r.status() != ReportStatus.WAITING) {
                throw new ValidationException("report", "This report was already dealt with (" + r.status() + ").");
            }
            if (r.patientId() != d.patientId()) {
                throw new ValidationException("patient", "The report is " + r.patientName()
                        + "'s: record the event on their visit.");
            }
            return insert(c, d, u, r);
        });
    }

    private AdverseEvent insert(Connection c, AdverseEventDraft d, User u, PatientReport from) throws SQLException {
        Checked k = check(c, d, null);
        Instant now = clock.instant();
        TimingClass timing = TimingClass.of(k.visitDate(), d.onsetDate());
        boolean expected = ExpectedReaction.expected(d, k.visitDate());
        long id = store.insertEvent(c, d, timing, expected, d.urgent(), u.id(), now);
        store.replacePoints(c, id, k.pointIds().values());
        if (from != null) {
            store.review(c, from.id(), from.version(), ReportStatus.RECORDED, id, null, now, u.id(), clock.getZone());
            audit.log(c, Audit.UPDATE, "patient_report", from.id(), d.patientId(), "recorded as adverse event " + id
                    + ": the report of " + FollowUpPlanner.DAY.format(from.phonedAt().atZone(clock.getZone())));
        }
        String what = AdverseEvent.label(d.type(), d.otherDescription());
        audit.log(c, Audit.CREATE, "adverse_event", id, d.patientId(), "adverse event for chart " + k.patient().chartNumber()
                + ": " + what + ", " + d.severity().label() + ", onset " + d.onsetDate() + " (" + timing.label()
                + ") after the visit of " + k.visitDate() + ", " + k.pointIds().size() + " point(s)"
                + serious(d) + ", " + d.outcome().label() + (expected ? ", recorded as an expected reaction"
                : ExpectedReaction.fits(d, k.visitDate()) ? ", recorded as an adverse reaction: the injector says it is"
                + " not the expected reaction" : ""));
        if (d.urgent()) {
            urgentAudit(c, id, d, k);
        }
        planner.eventTasks(c, id, d.patientId(), d.severity(), d.reportedOn(), what, null, u);
        return load(c, id);
    }

    /**
     * Saves a changed event: the form's fields (patient and visit cannot change). Refused with a
     * stale {@code version}. INJECTOR and ADMIN.
     */
    public AdverseEvent updateEvent(long eventId, int version, AdverseEventDraft d) {
        User u = session.require("change adverse events", CLINICAL);
        return db.tx(c -> {
            AdverseEvent before = load(c, eventId);
            if (before.patientId() != d.patientId() || before.visitId() != d.visitId()) {
                throw new ValidationException("visit", "An event stays with its patient and visit: record a new event instead.");
            }
            Checked k = check(c, d, before);
            TimingClass timing = TimingClass.of(k.visitDate(), d.onsetDate());
            boolean newSign = !urgentSigns(d).stream().allMatch(urgentSigns(before.toDraft())::contains);
            boolean reopen = newSign && before.urgentClosedAt() != null;
            boolean expected = ExpectedReaction.expected(d, k.visitDate());
            store.updateEvent(c, eventId, version, d, timing, expected, before.urgent() || d.urgent(), reopen,
                    clock.instant(), u.id(), clock.getZone());
            store.replacePoints(c, eventId, k.pointIds().values());
            audit.log(c, Audit.UPDATE, "adverse_event", eventId, d.patientId(), "adverse event for chart "
                    + k.patient().chartNumber() + ": " + changes(before, d, timing)
                    + (expected == before.expected() ? "" : expected ? "; now an expected reaction"
                    : "; now an adverse reaction"));
            if (newSign) {
                urgentAudit(c, eventId, d, k);
            }
            if (before.severity() != d.severity()) {
                planner.cancelOtherGrades(c, eventId, before.severity(), d.severity(), u);
                planner.eventTasks(c, eventId, d.patientId(), d.severity(), d.reportedOn(),
                        AdverseEvent.label(d.type(), d.otherDescription()), today(), u);
            }
            return load(c, eventId);
        });
    }

    /** Closes an urgent event's alert with a note (what was done; the patient is safe). INJECTOR and ADMIN. */
    public AdverseEvent closeUrgent(long eventId, int version, String note) {
        User u = session.require("close urgent alerts", CLINICAL);
        String text = Text.clean(note);
        if (text == null) {
            throw new ValidationException("note", "Write what was done before closing the alert.");
        }
        if (text.length() > MAX_NOTE) {
            throw new ValidationException("note", "At most " + MAX_NOTE + " characters.");
        }
        return db.tx(c -> {
            AdverseEvent e = load(c, eventId);
            if (!e.urgent()) {
                throw new ValidationException("event", "This event is not urgent.");
            }
            if (e.urgentClosedAt() != null) {
                throw new ValidationException("event", "This alert was already closed by " + e.urgentClosedByName() + ".");
            }
            store.closeUrgent(c, eventId, version, text, clock.instant(), u.id(), clock.getZone());
            audit.log(c, Audit.UPDATE, "adverse_event", eventId, e.patientId(), "closed the urgent alert ("
                    + e.typeLabel() + ", chart " + e.chartNumber() + "): " + text);
            return load(c, eventId);
        });
    }

    /** One event with its products and lots; the opening is audited. INJECTOR and ADMIN. */
    public AdverseEvent event(long eventId) {
        session.require("see adverse events", CLINICAL);
        return db.tx(c -> {
            AdverseEvent e = load(c, eventId);
            audit.log(c, Audit.VIEW, "adverse_event", eventId, e.patientId(), "opened the adverse event of " + e.onsetDate()
                    + " (" + e.typeLabel() + ") for chart " + e.chartNumber());
            return e;
        });
    }

    /**
     * The event's history from the audit log, oldest first: recorded, each change (with what
     * changed), urgent alerts and their closing, exports; openings (VIEW) left out. INJECTOR and ADMIN.
     */
    public List<AuditEntry> history(long eventId) {
        session.require("see adverse events", CLINICAL);
        return db.read(c -> {
            AdverseEvent e = load(c, eventId);
            List<AuditEntry> rows = new ArrayList<>(auditStore.find(c, new AuditFilter(null, e.patientId(), null, null,
                    10_000), clock.getZone()));
            rows.removeIf(a -> !"adverse_event".equals(a.recordType()) || a.recordId() == null
                    || a.recordId() != eventId || Audit.VIEW.equals(a.action()));
            java.util.Collections.reverse(rows);
            return rows;
        });
    }

    /** The patient's events, newest onset first. INJECTOR and ADMIN. */
    public List<AdverseEventSummary> patientEvents(long patientId) {
        session.require("see adverse events", CLINICAL);
        return db.read(c -> store.patientEvents(c, patientId, clock.getZone()));
    }

    /** The events recorded on a visit, oldest onset first (to mark them on its map). INJECTOR and ADMIN. */
    public List<AdverseEventSummary> visitEvents(long visitId) {
        session.require("see adverse events", CLINICAL);
        return db.read(c -> store.visitEvents(c, visitId, clock.getZone()));
    }

    private AdverseEvent load(Connection c, long eventId) throws SQLException {
        return store.event(c, eventId, charts, clock.instant(), clock.getZone())
                .orElseThrow(() -> new ValidationException("event", "This adverse event no longer exists."));
    }

    private record Checked(Patient patient, Visit visit, LocalDate visitDate, Map<String, Long> pointIds) {
    }

    private Checked check(Connection c, AdverseEventDraft d, AdverseEvent before) throws SQLException {
        Map<String, String> e = problems(c, d, before);
        if (!e.isEmpty()) {
            throw new ValidationException(e);
        }
        Patient p = patients.find(c, d.patientId()).orElseThrow();
        Visit v = charts.visit(c, d.visitId()).orElseThrow();
        return new Checked(p, v, v.startedAt().atZone(clock.getZone()).toLocalDate(),
                store.pointIds(c, d.visitId(), d.pointKeys()));
    }

    private Map<String, String> problems(Connection c, AdverseEventDraft d, AdverseEvent before) throws SQLException {
        Map<String, String> e = new LinkedHashMap<>();
        LocalDate today = today();
        if (d == null) {
            e.put("event", "Fill in the event.");
            return e;
        }
        var patient = patients.find(c, d.patientId());
        var visit = charts.visit(c, d.visitId());
        LocalDate visitDate = null;
        if (patient.isEmpty()) {
            e.put("patient", "This patient no longer exists.");
        }
        if (visit.isEmpty()) {
            e.put("visit", "Choose the visit the event follows.");
        } else if (visit.get().patientId() != d.patientId()) {
            e.put("visit", "This visit is another patient's.");
        } else if (!visit.get().signed()) {
            e.put("visit", "This visit's chart is not signed yet: sign it, then record the event on its points.");
        } else {
            visitDate = visit.get().startedAt().atZone(clock.getZone()).toLocalDate();
            if (d.pointKeys().isEmpty()) {
                e.put("points", "Select the points on the map the event concerns (all of them for a general reaction).");
            } else {
                Map<String, Long> ids = store.pointIds(c, d.visitId(), d.pointKeys());
                if (ids.size() != d.pointKeys().size()) {
                    e.put("points", "Some selected points are not on this visit's map: select them again.");
                }
            }
        }
        if (d.onsetDate() == null) {
            e.put("onsetDate", "Enter the day the event began.");
        } else if (d.onsetDate().isAfter(today)) {
            e.put("onsetDate", "The onset is in the future.");
        } else if (visitDate != null && d.onsetDate().isBefore(visitDate)) {
            e.put("onsetDate", "The onset is before the visit of " + FollowUpPlanner.DAY.format(visitDate) + ".");
        }
        if (d.reportedOn() == null) {
            e.put("reportedOn", "Enter the day the event was reported.");
        } else if (d.reportedOn().isAfter(today)) {
            e.put("reportedOn", "The day reported is in the future.");
        } else if (d.onsetDate() != null && d.reportedOn().isBefore(d.onsetDate())) {
            e.put("reportedOn", "The day reported is before the onset.");
        }
        if (d.type() == null) {
            e.put("type", "Choose the type of event.");
        } else if (d.type() == AdverseEventType.OTHER) {
            if (d.otherDescription() == null) {
                e.put("otherDescription", "Describe the event in a few words.");
            } else if (d.otherDescription().length() > AdverseEventDraft.MAX_OTHER) {
                e.put("otherDescription", "At most " + AdverseEventDraft.MAX_OTHER + " characters.");
            }
        }
        if (d.severity() == null) {
            e.put("severity", "Choose the grade.");
        }
        boolean death = d.serious().contains(SeriousOutcome.DEATH);
        if (death && d.deathDate() == null) {
            e.put("deathDate", "Enter the date of death.");
        } else if (death && (d.deathDate().isAfter(today) || (d.onsetDate() != null && d.deathDate().isBefore(d.onsetDate())))) {
            e.put("deathDate", "The date of death is between the onset and today.");
        }
        if (d.severity() != null && (d.severity() == Severity.GRADE_5) != death) {
            e.putIfAbsent("serious", death ? "A death is grade 5: choose grade 5." : "Grade 5 is a death: tick Death and enter its date.");
        }
        length(e, "description", d.description(), AdverseEventDraft.MAX_TEXT);
        length(e, "actionsTaken", d.actionsTaken(), AdverseEventDraft.MAX_TEXT);
        length(e, "relevantHistory", d.relevantHistory(), AdverseEventDraft.MAX_HISTORY);
        if (d.weightKg() != null && (d.weightKg().compareTo(MIN_WEIGHT) < 0 || d.weightKg().compareTo(MAX_WEIGHT) > 0
                || d.weightKg().stripTrailingZeros().scale() > 1)) {
            e.put("weightKg", "Enter the weight in kg (0.5 to 500, one decimal), or leave it empty.");
        }
        if (d.outcome() == null) {
            e.put("outcome", "Choose the outcome.");
        } else if (d.outcome().resolved()) {
            if (d.outcomeDate() == null) {
                e.put("outcomeDate", "Enter the day it resolved.");
            } else if (d.outcomeDate().isAfter(today)) {
                e.put("outcomeDate", "The day it resolved is in the future.");
            } else if (d.onsetDate() != null && d.outcomeDate().isBefore(d.onsetDate())) {
                e.put("outcomeDate", "The day it resolved is before the onset.");
            }
        }
        return e;
    }

    private static void length(Map<String, String> e, String field, String v, int max) {
        if (v != null && v.length() > max) {
            e.put(field, "At most " + max + " characters.");
        }
    }

    /** The urgent signs of an event: its type when urgent, a vision change, breathing or swallowing difficulty. */
    private static List<String> urgentSigns(AdverseEventDraft d) {
        List<String> signs = new ArrayList<>();
        if (d.type() != null && d.type().urgent()) {
            signs.add(d.type().label());
        }
        if (d.visionChange()) {
            signs.add("vision change");
        }
        if (d.breathingDifficulty()) {
            signs.add("breathing or swallowing difficulty");
        }
        return signs;
    }

    private void urgentAudit(Connection c, long id, AdverseEventDraft d, Checked k) throws SQLException {
        audit.log(c, URGENT_EVENT, "adverse_event", id, d.patientId(), "URGENT: " + String.join(", ", urgentSigns(d)) + " \u2013 chart "
                + k.patient().chartNumber() + ", visit of " + k.visitDate() + ", " + d.severity().label());
    }

    private static String serious(AdverseEventDraft d) {
        return d.serious().isEmpty() ? "" : ", serious: " + d.serious().stream().map(SeriousOutcome::label)
                .collect(Collectors.joining(", "));
    }

    /** "severity Grade 1 -> Grade 2; outcome Ongoing -> Resolved (2026-11-30)": what changed. */
    private static String changes(AdverseEvent b, AdverseEventDraft d, TimingClass timing) {
        List<String> out = new ArrayList<>();
        change(out, "type", b.typeLabel(), AdverseEvent.label(d.type(), d.otherDescription()));
        change(out, "onset", b.onsetDate(), d.onsetDate());
        change(out, "timing", b.timing().label(), timing.label());
        change(out, "reported on", b.reportedOn(), d.reportedOn());
        change(out, "severity", b.severity().label(), d.severity().label());
        change(out, "vision change", b.visionChange(), d.visionChange());
        change(out, "breathing/swallowing difficulty", b.breathingDifficulty(), d.breathingDifficulty());
        change(out, "serious", b.serious(), d.serious());
        change(out, "death date", b.deathDate(), d.serious().contains(SeriousOutcome.DEATH) ? d.deathDate() : null);
        change(out, "outcome", b.outcome().label() + (b.outcomeDate() == null ? "" : " (" + b.outcomeDate() + ")"),
                d.outcome().label() + (d.outcome().resolved() ? " (" + d.outcomeDate() + ")" : ""));
        change(out, "points", b.pointKeys().size() + " " + b.pointKeys(), d.pointKeys().size() + " " + d.pointKeys());
        change(out, "weight kg", b.weightKg() == null ? null : b.weightKg().stripTrailingZeros().toPlainString(),
                d.weightKg() == null ? null : d.weightKg().stripTrailingZeros().toPlainString());
        if (!Objects.equals(b.description(), d.description())) {
            out.add("description edited");
        }
        if (!Objects.equals(b.actionsTaken(), d.actionsTaken())) {
            out.add("actions taken: " + (d.actionsTaken() == null ? "cleared" : clip(d.actionsTaken())));
        }
        if (!Objects.equals(b.relevantHistory(), d.relevantHistory())) {
            out.add("relevant history edited");
        }
        return out.isEmpty() ? "saved without changes" : String.join("; ", out);
    }

    private static void change(List<String> out, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(what + " " + (before == null ? "none" : before) + " -> " + (after == null ? "none" : after));
        }
    }

    private static String clip(String s) {
        return s.length() <= 200 ? s : s.substring(0, 199) + "\u2026";
    }

    // ----------------------------------------------------------------------------------- reports

    /**
     * Logs "patient called reporting ...": the patient's words, when they phoned (not in the future,
     * not more than 30 days ago) and, as taker, the signed-in user. It waits in the injectors' review
     * list. Any staff.
     */
    public PatientReport logPatientReport(long patientId, String text, Instant phonedAt) {
        User u = session.require("log patients' reports", ANY_STAFF);
        String clean = Text.clean(text);
        Map<String, String> e = new LinkedHashMap<>();
        if (clean == null) {
            e.put("text", "Write what the patient reported.");
        } else if (clean.length() > MAX_REPORT) {
            e.put("text", "At most " + MAX_REPORT + " characters.");
        }
        Instant now = clock.instant();
        if (phonedAt == null) {
            e.put("phonedAt", "Enter when the patient phoned.");
        } else if (phonedAt.isAfter(now.plusSeconds(60))) {
            e.put("phonedAt", "The time of the call is in the future.");
        } else if (phonedAt.isBefore(now.minus(java.time.Duration.ofDays(30)))) {
            e.put("phonedAt", "The call was more than 30 days ago: an injector records it as an event directly.");
        }
        if (!e.isEmpty()) {
            throw new ValidationException(e);
        }
        return db.tx(c -> {
            Patient p = patients.find(c, patientId)
                    .orElseThrow(() -> new ValidationException("patient", "This patient no longer exists."));
            long id = store.insertReport(c, patientId, clean, phonedAt, u.id(), now);
            audit.log(c, Audit.CREATE, "patient_report", id, patientId, "patient called (chart " + p.chartNumber()
                    + ") reporting: " + clip(clean));
            return store.report(c, id).orElseThrow();
        });
    }

    /** Dismisses a waiting report with a note (why no event is recorded). INJECTOR and ADMIN. */
    public PatientReport dismissReport(long reportId, int version, String note) {
        User u = session.require("review patients' reports", CLINICAL);
        String text = Text.clean(note);
        if (text == null) {
            throw new ValidationException("note", "Write why no event is recorded.");
        }
        if (text.length() > MAX_NOTE) {
            throw new ValidationException("note", "At most " + MAX_NOTE + " characters.");
        }
        return db.tx(c -> {
            PatientReport r = store.report(c, reportId)
                    .orElseThrow(() -> new ValidationException("report", "This report no longer exists."));
            if (r.status() != ReportStatus.WAITING) {
                throw new ValidationException("report", "This report was already dealt with (" + r.status() + ").");
            }
            store.review(c, reportId, version, ReportStatus.DISMISSED, null, text, clock.instant(), u.id(), clock.getZone());
            audit.log(c, Audit.UPDATE, "patient_report", reportId, r.patientId(), "dismissed the report of chart "
                    + r.chartNumber() + ": " + text);
            return store.report(c, reportId).orElseThrow();
        });
    }

    /** The patient's phoned-in reports, newest first. Any staff. */
    public List<PatientReport> patientReports(long patientId) {
        session.require("see patients' reports", ANY_STAFF);
        return db.read(c -> store.patientReports(c, patientId));
    }

    // ------------------------------------------------------------------------- review and banner

    /** Reports waiting, unresolved events and open urgent events. INJECTOR and ADMIN. */
    public ReviewList reviewList() {
        session.require("see the review list", CLINICAL);
        return db.read(c -> new ReviewList(store.waitingReports(c), store.openEvents(c, clock.getZone()),
                store.openUrgent(c, clock.getZone())));
    }

    /** Urgent events not yet closed, oldest first: the home screen's red banner. Any staff. */
    public List<AdverseEventSummary> openUrgentEvents() {
        session.require("see urgent alerts", ANY_STAFF);
        return db.read(c -> store.openUrgent(c, clock.getZone()));
    }

    /** The clinic's action checklist for urgent events (the banner shows it). Any staff. */
    public String urgentChecklist() {
        session.require("see urgent alerts", ANY_STAFF);
        return db.read(settings::read).urgentChecklist();
    }

    // ---------------------------------------------------------------------------- safety figures

    /** Events with onset from {@code from} to {@code to} counted by lot, product, injector or type. INJECTOR and ADMIN. */
    public List<EventCount> eventsBy(LocalDate from, LocalDate to, EventDimension dimension) {
        session.require("see safety figures", CLINICAL);
        Map<String, String> e = new LinkedHashMap<>();
        if (from == null) {
            e.put("from", "Choose the first day.");
        }
        if (to == null) {
            e.put("to", "Choose the last day.");
        } else if (from != null && to.isBefore(from)) {
            e.put("to", "The last day is before the first.");
        }
        if (dimension == null) {
            e.put("dimension", "Choose lot, product, injector or type.");
        }
        if (!e.isEmpty()) {
            throw new ValidationException(e);
        }
        return db.read(c -> store.eventsBy(c, from, to, dimension));
    }

    /**
     * Safety signals on {@code date}: every lot with at least N events of one type with onset in the
     * M days ending on {@code date} (N and M are the clinic's settings, default 3 and 30), most
     * events first. INJECTOR and ADMIN.
     */
    public List<SafetySignal> signals(LocalDate date) {
        session.require("see safety figures", CLINICAL);
        if (date == null) {
            throw new ValidationException("date", "Choose the day.");
        }
        return db.read(c -> {
            FollowUpSettings s = settings.read(c);
            return store.signals(c, date.minusDays(s.signalDays() - 1L), date, s.signalEvents(), s.signalDays());
        });
    }
}
