package org.needlepoint.followup;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.needlepoint.clinic.ClinicStore;
import org.needlepoint.common.Text;
import org.needlepoint.common.ValidationException;
import org.needlepoint.patient.PatientStore;
import org.needlepoint.security.Audit;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.security.Role;
import org.needlepoint.security.Session;
import org.needlepoint.security.User;
import org.needlepoint.security.UserStore;
import org.needlepoint.store.Database;

/**
 * Follow-up tasks and the worklists that put them in front of the staff, the clinic's protocol
 * rules and the follow-up settings. Tasks are created by the protocol ({@link FollowUpPlanner}:
 * signed charts, adverse events, lot recalls) or by hand ({@link #createTask}).
 *
 * <p><b>Working a task.</b> {@link #logCall} records one attempt (reached, left a message, no
 * answer, booked) with a note: REACHED completes a CALL task and BOOKED any task (the visit or
 * review is booked); NO ANSWER and LEFT A MESSAGE keep it open and count. {@link #snooze} hides a
 * task from the worklist until a date (today or later, within a year); {@link #cancel} (with a
 * reason), {@link #markMissed} and {@link #complete} close it; {@link #assign} hands it to a role
 * or a person. A closed task cannot change again. Every change is optimistic-locked by the task's
 * version and audited.
 *
 * <p><b>Who may do what.</b> Any staff reads worklists and tasks, logs calls, snoozes, assigns and
 * adds non-clinical tasks: the front desk works the phone. A task is <i>clinical</i> when its rule
 * says so (reviews, nodule checks, side-effect checks, recall calls; a re-treatment reminder or a
 * booking for the next Sculptra session is not) or an injector added it as clinical: closing one
 * without a call outcome (cancel, missed, complete) is a clinical decision, so only INJECTOR and
 * ADMIN accounts do it, and only they add clinical tasks. Rules and settings: ADMIN only; a changed
 * rule applies to tasks created afterwards.
 *
 * <p><b>Worklists</b> ({@link #worklist}): a role's open tasks on a day (assigned to the role or to
 * a person with it), without those snoozed past that day, in three sections: overdue, due that day,
 * due in the next {@link FollowUpSettings#upcomingDays()} days. The front desk's is
 * {@link #frontDeskWorklist}; {@link #worklistCounts} gives the home screen's numbers.
 */
public final class FollowUpService {
    private static final Role[] CLINICAL = {Role.INJECTOR, Role.ADMIN};
    private static final Role[] ANY_STAFF = {Role.ADMIN, Role.INJECTOR, Role.FRONT_DESK};
    public static final int MAX_NOTE = 1000;
    public static final int MAX_SNOOZE_DAYS = 366;
    public static final int MAX_UPCOMING_DAYS = 60;
    /** Who the {@code due} subcommand's export is audited as: it runs with the data folder's access, not a sign-in. */
    public static final String COMMAND_LINE = "due (command line)";

    private final Database db;
    private final FollowUpStore store;
    private final AdverseEventStore events;
    private final FollowUpSettingsStore settings;
    private final PatientStore patients;
    private final UserStore users;
    private final Audit audit;
    private final Session session;
    private final Clock clock;

    public FollowUpService(Database db, FollowUpStore store, AdverseEventStore events, ClinicStore clinic,
                           PatientStore patients, UserStore users, Audit audit, Session session, Clock clock) {
        this.db = db;
        this.store = store;
        this.events = events;
        this.settings = new FollowUpSettingsStore(clinic);
        this.patients = patients;
        this.users = users;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------------------------- worklists

    /** The front desk's worklist on {@code date}. Any staff. */
    public Worklist frontDeskWorklist(LocalDate date) {
        return worklist(date, Role.FRONT_DESK);
    }

    /** The worklist of {@code role} on {@code date}: its open tasks in three sections (see the class comment). Any staff. */
    public Worklist worklist(LocalDate date, Role role) {
        session.require("see the follow-up worklist", ANY_STAFF);
        requireDate(date);
        return db.read(c -> worklist(c, date, role));
    }

    private Worklist worklist(Connection c, LocalDate date, Role role) throws SQLException {
        int days = settings.read(c).upcomingDays();
        List<WorklistRow> overdue = new ArrayList<>();
        List<WorklistRow> today = new ArrayList<>();
        List<WorklistRow> upcoming = new ArrayList<>();
        for (WorklistRow r : store.worklist(c, date, days, role == null ? Role.FRONT_DESK : role)) {
            (r.due().isBefore(date) ? overdue : r.due().isEqual(date) ? today : upcoming).add(r);
        }
        return new Worklist(date, days, overdue, today, upcoming);
    }

    /**
     * The home screen's numbers on {@code date}: the front desk's tasks (due that day, overdue,
     * upcoming), patients' reports waiting for an injector, unresolved adverse events, urgent events
     * not closed. Any staff.
     */
    public WorklistCounts worklistCounts(LocalDate date) {
        session.require("see the follow-up worklist", ANY_STAFF);
        requireDate(date);
        return db.read(c -> {
            int[] n = store.worklistCounts(c, date, settings.read(c).upcomingDays(), Role.FRONT_DESK);
            return new WorklistCounts(n[1], n[0], n[2], (int) events.countWaiting(c), (int) events.countOpen(c),
                    (int) events.countOpenUrgent(c));
        });
    }

    /**
     * The front desk's worklist for the {@code due} admin subcommand, which runs with the data
     * folder's file access instead of a sign-in (as {@code check} does). Patient names and phones
     * leave the app, so it is audited as an EXPORT by {@link #COMMAND_LINE}.
     */
    public Worklist exportFrontDeskWorklist(LocalDate date) {
        requireDate(date);
        return db.tx(c -> {
            Worklist w = worklist(c, date, Role.FRONT_DESK);
            audit.logAs(c, null, COMMAND_LINE, Audit.EXPORT, "followup_task", null, "exported the front desk's worklist"
                    + " for " + date + " as CSV: " + w.overdue().size() + " overdue, " + w.dueToday().size() + " due today, "
                    + w.upcoming().size() + " upcoming");
            return w;
        });
    }

    private static void requireDate(LocalDate date) {
        if (date == null) {
            throw new ValidationException("date", "Choose the day.");
        }
    }

    // -------------------------------------------------------------------------------------- tasks

    /** One task. Any staff. */
    public FollowUpTask task(long taskId) {
        session.require("see follow-up tasks", ANY_STAFF);
        return db.read(c -> load(c, taskId));
    }

    /** The patient's tasks: open ones by due date, then closed ones, the latest first. Any staff. */
    public List<FollowUpTask> patientTasks(long patientId) {
        session.require("see follow-up tasks", ANY_STAFF);
        return db.read(c -> store.patientTasks(c, patientId));
    }

    /** The calls logged on a task, oldest first. Any staff. */
    public List<CallAttempt> attempts(long taskId) {
        session.require("see follow-up tasks", ANY_STAFF);
        return db.read(c -> store.attempts(c, taskId));
    }

    /**
     * Logs one call attempt with an optional note (see the class comment for which outcomes
     * complete the task). Any staff; the task must be open and at {@code version}.
     */
    public FollowUpTask logCall(long taskId, int version, CallOutcome outcome, String note) {
        User u = session.require("log follow-up calls", ANY_STAFF);
        if (outcome == null) {
            throw new ValidationException("outcome", "Choose how the call went.");
        }
        String text = note(note, "note", false);
        return db.tx(c -> {
            FollowUpTask t = openTask(c, taskId);
            boolean completes = outcome.completes(t.kind());
            String closeNote = completes ? (text != null ? text : outcome.label()) : null;
            store.logAttempt(c, taskId, version, outcome, text, completes, closeNote, clock.instant(), u.id(), clock.getZone());
            audit.log(c, Audit.UPDATE, "followup_task", taskId, t.patientId(), "call " + (t.attempts() + 1) + " for chart "
                    + t.chartNumber() + ": " + outcome.label() + (completes ? " (task done)" : "")
                    + (text == null ? "" : " \u2013 " + text) + " [" + t.reason() + "]");
            return load(c, taskId);
        });
    }

    /**
     * Hides an open task from the worklist until {@code until} (today shows it again at once), at
     * most {@link #MAX_SNOOZE_DAYS} days ahead. Any staff.
     */
    public FollowUpTask snooze(long taskId, int version, LocalDate until) {
        User u = session.require("snooze follow-up tasks", ANY_STAFF);
        LocalDate today = today();
        if (until == null) {
            throw new ValidationException("snoozeUntil", "Choose the day the task should come back.");
        }
        if (until.isBefore(today)) {
            throw new ValidationException("snoozeUntil", "The day to come back is in the past.");
        }
        if (until.isAfter(today.plusDays(MAX_SNOOZE_DAYS))) {
            throw new ValidationException("snoozeUntil", "A task can be snoozed for at most a year.");
        }
        return db.tx(c -> {
            FollowUpTask t = openTask(c, taskId);
            store.snooze(c, taskId, version, until.isEqual(today) ? null : until, clock.instant(), u.id(), clock.getZone());
            audit.log(c, Audit.UPDATE, "followup_task", taskId, t.patientId(), (until.isEqual(today) ? "unsnoozed"
                    : "snoozed until " + until) + ": " + t.reason());
            return load(c, taskId);
        });
    }

    /** Cancels an open task with a reason. A clinical task: INJECTOR and ADMIN only. */
    public FollowUpTask cancel(long taskId, int version, String reason) {
        String text = note(reason, "reason", true);
        return close(taskId, version, TaskStatus.CANCELLED, text, "cancel");
    }

    /** Marks an open task missed, with an optional note. A clinical task: INJECTOR and ADMIN only. */
    public FollowUpTask markMissed(long taskId, int version, String note) {
        String text = note(note, "note", false);
        return close(taskId, version, TaskStatus.MISSED, text == null ? "Not done by its due date." : text, "mark missed");
    }

    /**
     * Completes an open task without a call outcome (the review was done while the patient was in,
     * say), with an optional note. A clinical task: INJECTOR and ADMIN only.
     */
    public FollowUpTask complete(long taskId, int version, String note) {
        String text = note(note, "note", false);
        return close(taskId, version, TaskStatus.DONE, text == null ? "Done." : text, "complete");
    }

    private FollowUpTask close(long taskId, int version, TaskStatus status, String note, String verb) {
        User u = session.require(verb + " follow-up tasks", ANY_STAFF);
        return db.tx(c -> {
            FollowUpTask t = openTask(c, taskId);
            if (t.clinical() && u.role() == Role.FRONT_DESK) {
                throw new PermissionDeniedException("Front desk accounts cannot " + verb + " a clinical follow-up task ("
                        + t.reason() + "): ask an injector.");
            }
            store.close(c, taskId, version, status, note, clock.instant(), u.id(), clock.getZone());
            audit.log(c, Audit.UPDATE, "followup_task", taskId, t.patientId(), "follow-up task "
                    + status.toString().toLowerCase(Locale.ROOT) + ": " + t.reason() + " \u2013 " + note);
            return load(c, taskId);
        });
    }

    /** Gives an open task to a role or to one active person (exactly one of them). Any staff. */
    public FollowUpTask assign(long taskId, int version, Role role, Long userId) {
        User u = session.require("assign follow-up tasks", ANY_STAFF);
        if ((role == null) == (userId == null)) {
            throw new ValidationException("assignee", "Choose a role or a person.");
        }
        return db.tx(c -> {
            FollowUpTask t = openTask(c, taskId);
            String to = role != null ? role.label() : activeUser(c, userId).displayName();
            store.assign(c, taskId, version, role, userId, clock.instant(), u.id(), clock.getZone());
            audit.log(c, Audit.UPDATE, "followup_task", taskId, t.patientId(), "assigned to " + to + ": " + t.reason());
            return load(c, taskId);
        });
    }

    /** Adds a task by hand (see {@link NewTask}). Any staff; clinical tasks: INJECTOR and ADMIN only. */
    public FollowUpTask createTask(NewTask n) {
        User u = session.require("add follow-up tasks", ANY_STAFF);
        if (n.clinical() && u.role() == Role.FRONT_DESK) {
            throw new PermissionDeniedException("Front desk accounts cannot add clinical follow-up tasks: ask an injector.");
        }
        Map<String, String> e = new LinkedHashMap<>();
        LocalDate today = today();
        if (n.kind() == null) {
            e.put("kind", "Choose call, visit or review.");
        }
        if (n.due() == null) {
            e.put("due", "Choose the due date.");
        } else if (n.due().isBefore(today)) {
            e.put("due", "The due date is in the past.");
        } else if (n.due().isAfter(today.plusYears(3))) {
            e.put("due", "The due date is more than three years ahead.");
        }
        if (n.earliest() != null && n.due() != null && n.earliest().isAfter(n.due())) {
            e.put("earliest", "The earliest date is after the due date.");
        }
        if ((n.assigneeRole() == null) == (n.assigneeUserId() == null)) {
            e.put("assignee", "Choose a role or a person.");
        }
        if (n.reason() == null) {
            e.put("reason", "Write what the task is for.");
        } else if (n.reason().length() > NewTask.MAX_REASON) {
            e.put("reason", "The reason is at most " + NewTask.MAX_REASON + " characters.");
        }
        if (!e.isEmpty()) {
            throw new ValidationException(e);
        }
        return db.tx(c -> {
            var p = patients.find(c, n.patientId())
                    .orElseThrow(() -> new ValidationException("patient", "This patient no longer exists."));
            if (n.assigneeUserId() != null) {
                activeUser(c, n.assigneeUserId());
            }
            FollowUpStore.TaskRow row = new FollowUpStore.TaskRow(n.patientId(), n.kind(), n.due(), n.earliest(),
                    n.assigneeRole(), n.assigneeUserId(), n.reason(), n.clinical(), TaskSource.MANUAL,
                    store.nextManualKey(c), null, null, null, null);
            long id = store.insertIfAbsent(c, row, clock.instant(), u.id()).orElseThrow();
            audit.log(c, Audit.CREATE, "followup_task", id, n.patientId(), "follow-up task for chart " + p.chartNumber()
                    + ": " + n.kind().label() + " due " + n.due() + " \u2013 " + n.reason());
            return load(c, id);
        });
    }

    private FollowUpTask load(Connection c, long taskId) throws SQLException {
        return store.task(c, taskId).orElseThrow(() -> new ValidationException("task", "This follow-up task no longer exists."));
    }

    private FollowUpTask openTask(Connection c, long taskId) throws SQLException {
        FollowUpTask t = load(c, taskId);
        if (!t.open()) {
            throw new ValidationException("status", "This task is already " + t.status().toString().toLowerCase(Locale.ROOT)
                    + (t.closedByName() == null ? "" : " (" + t.closedByName() + ", " + FollowUpPlanner.DAY.format(
                    t.closedAt().atZone(clock.getZone())) + ")") + ": it cannot change any more.");
        }
        return t;
    }

    private User activeUser(Connection c, long userId) throws SQLException {
        User a = users.findById(c, userId)
                .orElseThrow(() -> new ValidationException("assignee", "This staff account no longer exists."));
        if (!a.active()) {
            throw new ValidationException("assignee", a.fullName() + "'s account is deactivated.");
        }
        return a;
    }

    private static String note(String s, String field, boolean required) {
        String text = Text.clean(s);
        if (text == null && required) {
            throw new ValidationException(field, "Write the reason.");
        }
        if (text != null && text.length() > MAX_NOTE) {
            throw new ValidationException(field, "At most " + MAX_NOTE + " characters.");
        }
        return text;
    }

    // -------------------------------------------------------------------------------------- rules

    /** The protocol rules in display order. Any staff. */
    public List<FollowUpRule> rules() {
        session.require("see the follow-up rules", ANY_STAFF);
        return db.read(store::rules);
    }

    /**
     * Saves a rule's editable fields: name, kind, offset, minimum days, course size (the
     * SCULPTRA_SESSION and DEOXYCHOLIC_SESSION rules only), assignee role, clinical, enabled. ADMIN only; {@code edited.version()}
     * is the version the admin saw. Tasks already created keep their dates.
     */
    public FollowUpRule updateRule(FollowUpRule edited) {
        User u = session.require("change the follow-up rules", Role.ADMIN);
        Map<String, String> e = new LinkedHashMap<>();
        String name = Text.clean(edited.name());
        if (name == null) {
            e.put("name", "Name the rule.");
        } else if (name.length() > FollowUpRule.MAX_NAME) {
            e.put("name", "A rule's name is at most " + FollowUpRule.MAX_NAME + " characters.");
        }
        if (edited.kind() == null) {
            e.put("kind", "Choose call, visit or review.");
        }
        if (edited.offsetUnit() == null) {
            e.put("offsetUnit", "Choose days, weeks or months.");
        } else if (edited.offsetAmount() < 0 || edited.offsetUnit().add(LocalDate.of(2000, 1, 1), edited.offsetAmount())
                .isAfter(LocalDate.of(2000, 1, 1).plusDays(FollowUpRule.MAX_OFFSET))) {
            e.put("offsetAmount", "The offset is between 0 and 10 years.");
        }
        if (edited.minDays() != null && (edited.minDays() < 0 || edited.minDays() > FollowUpRule.MAX_OFFSET)) {
            e.put("minDays", "The minimum is between 0 and " + FollowUpRule.MAX_OFFSET + " days, or empty for none.");
        }
        if (edited.assigneeRole() == null) {
            e.put("assigneeRole", "Choose who works these tasks.");
        }
        if (!e.isEmpty()) {
            throw new ValidationException(e);
        }
        return db.tx(c -> {
            FollowUpRule before = store.rule(c, edited.id())
                    .orElseThrow(() -> new ValidationException("rule", "This rule no longer exists."));
            Integer course = edited.courseSessions();
            if (before.trigger().countsSessions()) {
                int most = before.trigger().maxSessions();
                if (course == null || course < 1 || course > most) {
                    throw new ValidationException("courseSessions", "A course has 1 to " + most + " sessions"
                            + (before.trigger() == RuleTrigger.DEOXYCHOLIC_SESSION ? " (the label allows up to 6)." : "."));
                }
            } else {
                course = null;
            }
            FollowUpRule clean = new FollowUpRule(before.id(), before.code(), before.seq(), before.trigger(), name,
                    edited.kind(), edited.offsetAmount(), edited.offsetUnit(), edited.minDays(), before.severityMin(),
                    before.severityMax(), course, edited.assigneeRole(), edited.clinical(), edited.enabled(), before.basis(),
                    edited.version());
            store.updateRule(c, clean, clock.instant(), u.id(), clock.getZone());
            audit.log(c, Audit.UPDATE, "followup_rule", before.id(), null, "follow-up rule " + before.code() + ": "
                    + describe(before) + " -> " + describe(clean));
            return store.rule(c, before.id()).orElseThrow();
        });
    }

    /** Turns a rule on or off. ADMIN only. */
    public FollowUpRule setRuleEnabled(long ruleId, int version, boolean enabled) {
        FollowUpRule r = db.read(c -> store.rule(c, ruleId))
                .orElseThrow(() -> new ValidationException("rule", "This rule no longer exists."));
        return updateRule(r.with(r.name(), r.kind(), r.offsetAmount(), r.offsetUnit(), r.minDays(), r.courseSessions(),
                r.assigneeRole(), r.clinical(), enabled).withVersion(version));
    }

    private static String describe(FollowUpRule r) {
        return "\"" + r.name() + "\", " + r.schedule().toLowerCase(Locale.ROOT)
                + (r.courseSessions() == null ? "" : ", course of " + r.courseSessions())
                + ", " + r.assigneeRole().label() + (r.clinical() ? ", clinical" : "") + (r.enabled() ? "" : ", disabled");
    }

    // ----------------------------------------------------------------------------------- settings

    /** The follow-up settings. Any staff. */
    public FollowUpSettings settings() {
        session.require("see the follow-up settings", ANY_STAFF);
        return db.read(settings::read);
    }

    /** How many days ahead the worklist's upcoming section looks (1 to {@link #MAX_UPCOMING_DAYS}). ADMIN only. */
    public FollowUpSettings setUpcomingDays(int days) {
        if (days < 1 || days > MAX_UPCOMING_DAYS) {
            throw new ValidationException("upcomingDays", "The worklist looks ahead 1 to " + MAX_UPCOMING_DAYS + " days.");
        }
        return put("upcoming days", Map.of(FollowUpSettings.UPCOMING_DAYS, Integer.toString(days)),
                "the worklist looks " + days + " days ahead");
    }

    /** The safety-signal threshold: at least {@code events} (2-100) of one type with one lot within {@code days} (1-365). ADMIN only. */
    public FollowUpSettings setSignalThreshold(int eventCount, int days) {
        Map<String, String> e = new LinkedHashMap<>();
        if (eventCount < 2 || eventCount > 100) {
            e.put("signalEvents", "A signal needs 2 to 100 events.");
        }
        if (days < 1 || days > 365) {
            e.put("signalDays", "The signal's window is 1 to 365 days.");
        }
        if (!e.isEmpty()) {
            throw new ValidationException(e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put(FollowUpSettings.SIGNAL_EVENTS, Integer.toString(eventCount));
        values.put(FollowUpSettings.SIGNAL_DAYS, Integer.toString(days));
        return put("the safety-signal threshold", values, "safety signal at " + eventCount + " events of one type with one lot within "
                + days + " days");
    }

    /** The urgent banner's action checklist (blank restores the default). ADMIN only. */
    public FollowUpSettings setUrgentChecklist(String text) {
        String clean = Text.clean(text);
        if (clean != null && clean.length() > FollowUpSettings.MAX_CHECKLIST) {
            throw new ValidationException("urgentChecklist", "The checklist is at most " + FollowUpSettings.MAX_CHECKLIST
                    + " characters.");
        }
        return put("the urgent checklist", Map.of(FollowUpSettings.URGENT_CHECKLIST, clean == null ? "" : clean),
                clean == null ? "urgent checklist reset to the default" : "urgent checklist changed");
    }

    private FollowUpSettings put(String what, Map<String, String> values, String summary) {
        User u = session.require("change " + what, Role.ADMIN);
        return db.tx(c -> {
            for (Map.Entry<String, String> v : values.entrySet()) {
                settings.put(c, v.getKey(), v.getValue(), clock.instant(), u.id());
            }
            audit.log(c, Audit.UPDATE, "setting", null, null, summary);
            return settings.read(c);
        });
    }
}
