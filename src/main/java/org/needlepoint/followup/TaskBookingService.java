package org.needlepoint.followup;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.needlepoint.chart.ChartStore;
import org.needlepoint.chart.Visit;
import org.needlepoint.common.ValidationException;
import org.needlepoint.schedule.Appointment;
import org.needlepoint.schedule.AppointmentDraft;
import org.needlepoint.schedule.AppointmentKind;
import org.needlepoint.schedule.AppointmentService;
import org.needlepoint.schedule.FreeSlot;
import org.needlepoint.schedule.Injector;
import org.needlepoint.security.Audit;
import org.needlepoint.security.User;
import org.needlepoint.store.Database;

/**
 * From a follow-up task to an appointment in one step (issue 13): {@link #suggest} proposes the
 * kind that fits the task, the treating injector, and the first free slot on or after the task's
 * earliest day; {@link #book} books it and closes the task as booked (a BOOKED call outcome, the
 * appointment naming the task), in one transaction: a refused booking (the slot taken meanwhile,
 * outside the hours unasked, a stale task) leaves the task open and nothing booked.
 *
 * <p><b>The earliest day.</b> A task's {@link FollowUpTask#earliest()} is its rule's minimum (a
 * Sculptra session no sooner than 4 weeks after the last): a booking before it is refused. A task
 * without one is suggested from its due date (a toxin review at 2 weeks), but may be booked sooner.
 *
 * <p><b>The kind.</b> The next Sculptra session and a toxin re-treatment are treatments; reviews,
 * nodule checks, side-effect visits and calls and recall calls are reviews (the patient is seen to be
 * checked); a task added by hand is a consultation unless it asks for a review.
 *
 * <p>Any staff (the service of the book checks it too); the task must be open and at its version.
 */
public final class TaskBookingService {
    private static final Set<String> TREATMENT_RULES = Set.of("SCULPTRA_NEXT", "TOXIN_RETREAT", "SCULPTRA_TOUCH_UP");

    private final Database db;
    private final FollowUpStore store;
    private final AdverseEventStore events;
    private final ChartStore charts;
    private final AppointmentService appointments;
    private final Audit audit;
    private final Clock clock;

    public TaskBookingService(Database db, FollowUpStore store, AdverseEventStore events, ChartStore charts,
                              AppointmentService appointments, Audit audit, Clock clock) {
        this.db = db;
        this.store = store;
        this.events = events;
        this.charts = charts;
        this.appointments = appointments;
        this.audit = audit;
        this.clock = clock;
    }

    /** The kind of appointment that fits a task (see the class comment). */
    public static AppointmentKind kindFor(FollowUpTask t) {
        if (t.ruleCode() != null && TREATMENT_RULES.contains(t.ruleCode())) {
            return AppointmentKind.TREATMENT;
        }
        if (t.source() == TaskSource.MANUAL && t.kind() != TaskKind.REVIEW) {
            return AppointmentKind.CONSULTATION;
        }
        return AppointmentKind.REVIEW;
    }

    /** The first day the task's appointment is suggested on: its earliest date, else its due date, never before today. */
    public LocalDate notBefore(FollowUpTask t) {
        LocalDate from = t.earliest() != null ? t.earliest() : t.due();
        LocalDate today = LocalDate.now(clock);
        return from.isBefore(today) ? today : from;
    }

    /** The injector the task's treatment (or side effect) was with; null when the task has none. */
    private Long treatingInjector(Connection c, FollowUpTask t) throws SQLException {
        if (t.visitId() != null) {
            return charts.visit(c, t.visitId()).map(Visit::injectorId).orElse(null);
        }
        if (t.eventId() != null) {
            return events.event(c, t.eventId(), charts, clock.instant(), clock.getZone()).map(AdverseEvent::injectorId)
                    .orElse(null);
        }
        return null;
    }

    /**
     * The booking offered for an open task: its kind, the first free slot on or after {@link #notBefore}
     * (and not before now) with the treating injector when they are bookable, else with any injector.
     */
    public BookingSuggestion suggest(long taskId) {
        FollowUpTask t = db.read(c -> openTask(c, taskId));
        Long treating = db.read(c -> treatingInjector(c, t));
        AppointmentKind kind = kindFor(t);
        LocalDate day = notBefore(t);
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime from = day.atStartOfDay().isBefore(now) ? now : day.atStartOfDay();
        boolean bookable = treating != null && appointments.injectors().stream().map(Injector::id)
                .anyMatch(treating::equals);
        Optional<FreeSlot> slot = appointments.nextFreeSlot(kind, null, bookable ? treating : null, from);
        int minutes = AppointmentService.defaultMinutes(kind);
        return slot.map(s -> new BookingSuggestion(t, kind, day, treating, s.start(), minutes, s.injectorId(),
                        s.injectorName()))
                .orElseGet(() -> new BookingSuggestion(t, kind, day, treating, null, minutes, bookable ? treating : null,
                        null));
    }

    /**
     * Books the task's appointment at {@code start} for {@code minutes} with the injector, and closes
     * the task as booked, in one transaction. Refused at the field "start" before the task's earliest
     * date; the book's own refusals (a conflict, the hours' question unless {@code outsideHoursConfirmed})
     * leave the task open.
     */
    public Appointment book(long taskId, int taskVersion, AppointmentKind kind, LocalDateTime start, Integer minutes,
                            long injectorId, boolean outsideHoursConfirmed) {
        FollowUpTask t = db.read(c -> openTask(c, taskId));
        if (start != null && t.earliest() != null && start.toLocalDate().isBefore(t.earliest())) {
            throw new ValidationException("start", "Not before " + FollowUpPlanner.DAY.format(t.earliest())
                    + ": " + t.reason() + " has that as its earliest date.");
        }
        AppointmentDraft draft = new AppointmentDraft(t.patientId(), injectorId, null, start, minutes, kind,
                t.reason(), null, taskId);
        return appointments.book(draft, outsideHoursConfirmed, (c, a, u) -> close(c, taskId, taskVersion, a, u));
    }

    private void close(Connection c, long taskId, int version, Appointment a, User u) throws SQLException {
        FollowUpTask t = openTask(c, taskId);
        String note = "Booked: " + a.kind().label().toLowerCase(Locale.ROOT) + " on "
                + FollowUpPlanner.DAY.format(a.start().toLocalDate()) + " at " + a.start().toLocalTime()
                + " with " + a.injectorName() + " (appointment " + a.id() + ")";
        store.logAttempt(c, taskId, version, CallOutcome.BOOKED, note, true, note, clock.instant(), u.id(), clock.getZone());
        audit.log(c, Audit.UPDATE, "followup_task", taskId, t.patientId(), "follow-up task booked for chart "
                + t.chartNumber() + ": " + t.reason() + " \u2013 " + note);
    }

    private FollowUpTask openTask(Connection c, long taskId) throws SQLException {
        FollowUpTask t = store.task(c, taskId).orElseThrow(() -> new ValidationException("task",
                "This follow-up task no longer exists."));
        if (!t.open()) {
            throw new ValidationException("status", "This task is already " + t.status().toString().toLowerCase(Locale.ROOT)
                    + ": it cannot be booked.");
        }
        return t;
    }
}
