package org.needlepoint.followup;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.SignedChartListener;
import org.needlepoint.chart.Visit;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.security.Audit;
import org.needlepoint.security.User;
import org.needlepoint.store.StaleRecordException;

/**
 * Creates follow-up tasks from the clinic's protocol rules ({@link FollowUpRule}), inside the
 * transaction of what triggers them, and never twice: each task's source key names its trigger
 * and rule ("visit:12:TOXIN_REVIEW"), and a task whose key exists is not created again, so signing
 * or re-running a listener, a recall or the demo seeder repeats nothing. Disabled rules create
 * nothing. Every task created is audited.
 *
 * <ul>
 * <li><b>Signed charts</b> ({@link #signed}, a {@link SignedChartListener}): the treatment is read
 * from the signed points' products. Toxin points: the TOXIN_TREATMENT rules from the visit's day
 * (review at 14 days; re-treatment reminder at 3 months, never before the 90-day label minimum);
 * the patient's open re-treatment reminders from earlier visits are done ("re-treated on ...").
 * Biostimulator (Sculptra) points: the session's number in its course is counted from the patient's
 * signed Sculptra visits, a gap of more than a year starting a new course. Before the course size
 * (on the SCULPTRA_SESSION rule, default 3) the next-session task (suggested at 6 weeks, not before
 * 4); from the last session on, the SCULPTRA_COURSE_END nodule checks (3, 6 and 12 months), an
 * earlier session's open checks in the same course being cancelled as superseded. The previous
 * session's open next-session task is done. An addendum adding points runs the same rules for the
 * visit, so its tasks appear once whichever way the product got onto the chart.</li>
 * <li><b>Adverse events</b> ({@link #eventTasks}): the ADVERSE_EVENT rules of the event's grade,
 * counted from the day it was reported.</li>
 * <li><b>Lot recalls</b> ({@link #recallTasks}): a LOT_RECALL task per affected patient, from today.</li>
 * </ul>
 */
public final class FollowUpPlanner implements SignedChartListener {
    static final String TOXIN_RETREAT = "TOXIN_RETREAT";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final int DEFAULT_COURSE = 3;

    private final FollowUpStore store;
    private final Audit audit;
    private final Clock clock;

    public FollowUpPlanner(FollowUpStore store, Audit audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    // ------------------------------------------------------------------------------ signed charts

    @Override
    public void signed(Connection c, VisitChart chart, List<InjectionPoint> points, User by) throws SQLException {
        if (points.isEmpty()) {
            return;
        }
        Visit v = chart.visit();
        LocalDate day = v.startedAt().atZone(zone()).toLocalDate();
        Map<Long, FollowUpStore.ProductRef> products = store.productRefs(c);
        Set<ProductKind> kinds = new HashSet<>();
        for (InjectionPoint p : points) {
            FollowUpStore.ProductRef ref = products.get(p.productId());
            if (ref != null) {
                kinds.add(ref.kind());
            }
        }
        List<FollowUpRule> rules = store.rules(c);
        if (kinds.contains(ProductKind.TOXIN)) {
            toxin(c, chart, day, names(chart, products, ProductKind.TOXIN), rules, by);
        }
        if (kinds.contains(ProductKind.BIOSTIMULATOR)) {
            sculptra(c, chart, day, names(chart, products, ProductKind.BIOSTIMULATOR), rules, by);
        }
        if (kinds.contains(ProductKind.DEOXYCHOLIC)) {
            deoxycholic(c, chart, day, names(chart, products, ProductKind.DEOXYCHOLIC), rules, by);
        }
    }

    /** "Dysport 300 U": the visit's products of {@code kind}, in chart order. */
    private static String names(VisitChart chart, Map<Long, FollowUpStore.ProductRef> products, ProductKind kind) {
        Set<String> names = new LinkedHashSet<>();
        for (InjectionPoint p : chart.allPoints()) {
            FollowUpStore.ProductRef ref = products.get(p.productId());
            if (ref != null && ref.kind() == kind) {
                names.add(ref.name());
            }
        }
        return String.join(", ", names);
    }

    private void toxin(Connection c, VisitChart chart, LocalDate day, String products, List<FollowUpRule> rules, User by)
            throws SQLException {
        Visit v = chart.visit();
        for (FollowUpTask t : store.openRuleTasksBefore(c, v.patientId(), List.of(TOXIN_RETREAT), v.startedAt())) {
            close(c, t, TaskStatus.DONE, "Re-treated on " + DAY.format(day) + " (" + products + ").", by);
        }
        for (FollowUpRule r : enabled(rules, RuleTrigger.TOXIN_TREATMENT)) {
            String reason = r.name() + " \u2013 " + products + " on " + DAY.format(day) + notBefore(r, day);
            create(c, r, v.patientId(), day, reason, TaskSource.VISIT, "visit:" + v.id() + ":" + r.code(), v.id(), null,
                    null, by, null);
        }
    }

    private void sculptra(Connection c, VisitChart chart, LocalDate day, String products, List<FollowUpRule> rules,
                          User by) throws SQLException {
        Visit v = chart.visit();
        Course course = course(c, v, ProductKind.BIOSTIMULATOR);
        if (course == null) {
            return; // not signed: the chart service calls listeners after signing, so this cannot happen
        }
        Set<Long> earlierInCourse = course.earlier();
        int session = course.session();
        List<FollowUpRule> courseRules = rules.stream().filter(r -> r.trigger() == RuleTrigger.SCULPTRA_SESSION).toList();
        int size = courseRules.stream().map(FollowUpRule::courseSessions).filter(n -> n != null).findFirst()
                .orElse(DEFAULT_COURSE);
        List<String> courseCodes = courseRules.stream().map(FollowUpRule::code).toList();
        for (FollowUpTask t : store.openRuleTasksBefore(c, v.patientId(), courseCodes, v.startedAt())) {
            close(c, t, TaskStatus.DONE, "Sculptra session " + session + " given on " + DAY.format(day) + ".", by);
        }
        String ofCourse = "session " + session + " of " + size + " on " + DAY.format(day);
        if (session < size) {
            for (FollowUpRule r : enabled(rules, RuleTrigger.SCULPTRA_SESSION)) {
                create(c, r, v.patientId(), day, r.name() + " \u2013 " + products + " " + ofCourse + notBefore(r, day),
                        TaskSource.VISIT, "visit:" + v.id() + ":" + r.code(), v.id(), null, null, by, null);
            }
            return;
        }
        List<String> endCodes = rules.stream().filter(r -> r.trigger() == RuleTrigger.SCULPTRA_COURSE_END)
                .map(FollowUpRule::code).toList();
        for (FollowUpTask t : store.openRuleTasksBefore(c, v.patientId(), endCodes, v.startedAt())) {
            if (earlierInCourse.contains(t.visitId())) {
                close(c, t, TaskStatus.CANCELLED, "Superseded: a further Sculptra session on " + DAY.format(day)
                        + "; the checks now count from that session.", by);
            }
        }
        for (FollowUpRule r : enabled(rules, RuleTrigger.SCULPTRA_COURSE_END)) {
            create(c, r, v.patientId(), day, r.name() + " \u2013 last " + products + " " + ofCourse, TaskSource.VISIT,
                    "visit:" + v.id() + ":" + r.code(), v.id(), null, null, by, null);
        }
    }

    /**
     * A deoxycholic acid session: the suggestion of this one (made after an earlier session) is done, and the next
     * session is suggested while the course is not complete (up to the rule's sessions; label: 6).
     */
    private void deoxycholic(Connection c, VisitChart chart, LocalDate day, String products, List<FollowUpRule> rules,
                             User by) throws SQLException {
        Visit v = chart.visit();
        Course course = course(c, v, ProductKind.DEOXYCHOLIC);
        if (course == null) {
            return;
        }
        List<FollowUpRule> next = rules.stream().filter(r -> r.trigger() == RuleTrigger.DEOXYCHOLIC_SESSION).toList();
        for (FollowUpTask t : store.openRuleTasksBefore(c, v.patientId(), next.stream().map(FollowUpRule::code).toList(),
                v.startedAt())) {
            close(c, t, TaskStatus.DONE, "Deoxycholic acid session " + course.session() + " given on " + DAY.format(day)
                    + ".", by);
        }
        for (FollowUpRule r : enabled(rules, RuleTrigger.DEOXYCHOLIC_SESSION)) {
            int size = r.courseSessions() == null ? RuleTrigger.DEOXYCHOLIC_SESSION.maxSessions() : r.courseSessions();
            if (course.session() < size) {
                create(c, r, v.patientId(), day, r.name() + " \u2013 " + products + " session " + course.session() + " of up to "
                        + size + " on " + DAY.format(day) + notBefore(r, day), TaskSource.VISIT,
                        "visit:" + v.id() + ":" + r.code(), v.id(), null, null, by, null);
            }
        }
    }

    /** Where a signed visit stands in its course: its session number, and the earlier sessions of the course. */
    private record Course(int session, Set<Long> earlier) {
    }

    /**
     * The course of {@code kind} that visit {@code v} belongs to: the patient's sessions of that kind, each within a
     * year of the one before, up to {@code v}; null when {@code v} is not one of them.
     */
    private Course course(Connection c, Visit v, ProductKind kind) throws SQLException {
        List<FollowUpStore.Session> sessions = store.sessions(c, v.patientId(), kind);
        int at = -1;
        for (int i = 0; i < sessions.size(); i++) {
            if (sessions.get(i).visitId() == v.id()) {
                at = i;
            }
        }
        if (at < 0) {
            return null;
        }
        int start = at;
        while (start > 0 && !dayOf(sessions.get(start - 1).startedAt()).plusYears(1).isBefore(dayOf(sessions.get(start).startedAt()))) {
            start--;
        }
        Set<Long> earlier = new HashSet<>();
        for (int i = start; i < at; i++) {
            earlier.add(sessions.get(i).visitId());
        }
        return new Course(at - start + 1, earlier);
    }

    private LocalDate dayOf(Instant t) {
        return t.atZone(zone()).toLocalDate();
    }

    // ------------------------------------------------------------------------------ adverse events

    /**
     * Creates the ADVERSE_EVENT tasks of {@code severity} for an event reported on {@code reportedOn};
     * a due date before {@code notBefore} (when given) moves to it, as when a changed grade adds checks
     * today. Returns the tasks created.
     */
    List<Long> eventTasks(Connection c, long eventId, long patientId, Severity severity, LocalDate reportedOn,
                          String what, LocalDate notBefore, User by) throws SQLException {
        List<Long> made = new ArrayList<>();
        for (FollowUpRule r : enabled(store.rules(c), RuleTrigger.ADVERSE_EVENT)) {
            if (r.appliesTo(severity)) {
                create(c, r, patientId, reportedOn, r.name() + " \u2013 " + what + ", reported " + DAY.format(reportedOn),
                        TaskSource.EVENT, "event:" + eventId + ":" + r.code(), null, eventId, null, by, notBefore)
                        .ifPresent(made::add);
            }
        }
        return made;
    }

    /** Cancels the event's open tasks made by rules that do not apply to {@code severity}. */
    void cancelOtherGrades(Connection c, long eventId, Severity from, Severity to, User by) throws SQLException {
        List<FollowUpRule> rules = store.rules(c);
        for (FollowUpTask t : store.openTasksFrom(c, TaskSource.EVENT, eventId)) {
            Optional<FollowUpRule> r = rules.stream().filter(x -> t.ruleId() != null && x.id() == t.ruleId()).findFirst();
            if (r.isPresent() && !r.get().appliesTo(to)) {
                close(c, t, TaskStatus.CANCELLED, "Severity changed from grade " + from.grade() + " to grade " + to.grade()
                        + ": the checks of grade " + to.grade() + " apply.", by);
            }
        }
    }

    // --------------------------------------------------------------------------------- lot recall

    /**
     * One LOT_RECALL task per patient (duplicates in {@code patientIds} ignored), due today; a
     * patient already given this recall's task is skipped. Returns the number of tasks created.
     */
    int recallTasks(Connection c, long lotId, List<Long> patientIds, User by) throws SQLException {
        String lot = store.lotName(c, lotId).orElseThrow(() -> new IllegalArgumentException("no lot " + lotId));
        Map<Long, List<Instant>> visits = store.lotVisits(c, lotId);
        LocalDate today = today();
        int made = 0;
        for (FollowUpRule r : enabled(store.rules(c), RuleTrigger.LOT_RECALL)) {
            for (Long patientId : new LinkedHashSet<>(patientIds)) {
                List<Instant> when = visits.getOrDefault(patientId, List.of());
                String used = when.isEmpty() ? "" : " (used on " + when.stream().map(t -> DAY.format(dayOf(t)))
                        .distinct().collect(Collectors.joining(", ")) + ")";
                String reason = r.name() + " \u2013 " + lot + " was recalled" + used;
                if (create(c, r, patientId, today, reason, TaskSource.LOT_RECALL,
                        "recall:" + lotId + ":" + r.code() + ":" + patientId, null, null, lotId, by, null).isPresent()) {
                    made++;
                }
            }
        }
        return made;
    }

    // ------------------------------------------------------------------------------------ helpers

    private static List<FollowUpRule> enabled(List<FollowUpRule> rules, RuleTrigger trigger) {
        return rules.stream().filter(r -> r.enabled() && r.trigger() == trigger).toList();
    }

    private static String notBefore(FollowUpRule r, LocalDate base) {
        LocalDate earliest = r.earliest(base);
        return earliest == null ? "" : "; not before " + DAY.format(earliest);
    }

    private Optional<Long> create(Connection c, FollowUpRule r, long patientId, LocalDate base, String reason,
                                  TaskSource source, String key, Long visitId, Long eventId, Long lotId, User by,
                                  LocalDate notBefore) throws SQLException {
        LocalDate due = r.due(base);
        LocalDate earliest = r.earliest(base);
        if (notBefore != null && due.isBefore(notBefore)) {
            due = notBefore;
        }
        if (earliest != null && earliest.isAfter(due)) {
            earliest = due;
        }
        String text = reason.length() > NewTask.MAX_REASON ? reason.substring(0, NewTask.MAX_REASON - 1) + "\u2026" : reason;
        FollowUpStore.TaskRow row = new FollowUpStore.TaskRow(patientId, r.kind(), due, earliest, r.assigneeRole(), null,
                text, r.clinical(), source, key, r.id(), visitId, eventId, lotId);
        Optional<Long> id = store.insertIfAbsent(c, row, clock.instant(), by.id());
        if (id.isPresent()) {
            audit.log(c, Audit.CREATE, "followup_task", id.get(), patientId, "follow-up task: " + r.kind().label()
                    + " due " + due + " \u2013 " + text);
        }
        return id;
    }

    /**
     * Closes a task the trigger supersedes. A task someone changed a moment ago is left as it is:
     * tidying up must never refuse the signature or the event it belongs to.
     */
    private void close(Connection c, FollowUpTask t, TaskStatus status, String note, User by) throws SQLException {
        try {
            store.close(c, t.id(), t.version(), status, note, clock.instant(), by.id(), zone());
        } catch (StaleRecordException e) {
            return;
        }
        audit.log(c, Audit.UPDATE, "followup_task", t.id(), t.patientId(), "follow-up task "
                + status.toString().toLowerCase(Locale.ROOT) + ": " + t.reason() + " \u2013 " + note);
    }
}
