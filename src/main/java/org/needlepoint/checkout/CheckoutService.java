package org.needlepoint.checkout;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.needlepoint.chart.ChartStore;
import org.needlepoint.chart.VisitSummary;
import org.needlepoint.common.ValidationException;
import org.needlepoint.followup.CallOutcome;
import org.needlepoint.followup.FollowUpStore;
import org.needlepoint.followup.FollowUpTask;
import org.needlepoint.followup.TaskBookingService;
import org.needlepoint.report.ReportService;
import org.needlepoint.schedule.Appointment;
import org.needlepoint.schedule.AppointmentDraft;
import org.needlepoint.schedule.AppointmentKind;
import org.needlepoint.schedule.AppointmentService;
import org.needlepoint.schedule.AppointmentStatus;
import org.needlepoint.schedule.FreeSlot;
import org.needlepoint.security.Audit;
import org.needlepoint.security.Role;
import org.needlepoint.security.Session;
import org.needlepoint.store.Database;

/**
 * Checkout: the patient is back at the desk after a treatment whose chart the injector signed.
 *
 * <ul>
 * <li>{@link #today}: today's appointments arrived or in treatment, those whose visit is signed ready for
 * checkout, the others still with the injector.</li>
 * <li>{@link #open}: the checkout of one appointment: the patient, the signed visit and its products, the
 * follow-up tasks the visit created with the booking each suggests (the rule's earliest date, the treating
 * injector), or, when it created none, a default booking: the same kind, length and injector
 * {@link #DEFAULT_WEEKS} weeks on. Refused, with the reason at the field "status", for an appointment
 * without a visit or whose visit is not signed ({@link AppointmentService#UNSIGNED}). Audited as a read of
 * the patient's record.</li>
 * <li>{@link #aftercare}: the visit's aftercare sheet as a PDF ({@link ReportService#aftercare}, audited as an export).</li>
 * <li>{@link #bookTask} books a task's suggested visit and closes the task as booked, in one transaction
 * ({@link TaskBookingService#book}); {@link #bookNext} books a next visit without a task.</li>
 * <li>{@link #complete}: the appointment completed, in one transaction ({@link AppointmentService#checkOut}).</li>
 * </ul>
 * Any staff: the front desk checks patients out; the services it calls check their own permissions too.
 */
public final class CheckoutService {
    private static final Role[] ANY_STAFF = {Role.ADMIN, Role.INJECTOR, Role.FRONT_DESK};
    /** When the visit created no follow-up task, the next visit is offered this many weeks on (a clinic's habit). */
    public static final int DEFAULT_WEEKS = 4;
    /** The reason a next visit booked at checkout without a task carries. */
    public static final String NEXT_VISIT_REASON = "Next visit, booked at checkout";

    private final Database db;
    private final CheckoutStore store;
    private final AppointmentService appointments;
    private final TaskBookingService taskBookings;
    private final ChartStore charts;
    private final FollowUpStore followUps;
    private final ReportService reports;
    private final Audit audit;
    private final Session session;
    private final Clock clock;

    public CheckoutService(Database db, CheckoutStore store, AppointmentService appointments, TaskBookingService taskBookings,
                           ChartStore charts, FollowUpStore followUps, ReportService reports, Audit audit, Session session,
                           Clock clock) {
        this.db = db;
        this.store = store;
        this.appointments = appointments;
        this.taskBookings = taskBookings;
        this.charts = charts;
        this.followUps = followUps;
        this.reports = reports;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    private static boolean here(Appointment a) {
        return a.status() == AppointmentStatus.ARRIVED || a.status() == AppointmentStatus.IN_TREATMENT;
    }

    /** Today's patients arrived or in treatment: ready for checkout (their visit signed) or still with the injector. Any staff. */
    public ReadyForCheckout today() {
        session.require("see who is ready for checkout", ANY_STAFF);
        List<Appointment> here = appointments.day(appointments.today()).stream().filter(CheckoutService::here).toList();
        Set<Long> signed = db.read(c -> store.signedVisits(c, here.stream().map(Appointment::visitId)
                .filter(java.util.Objects::nonNull).toList()));
        List<Appointment> ready = new ArrayList<>();
        List<Appointment> waiting = new ArrayList<>();
        for (Appointment a : here) {
            (a.visitId() != null && signed.contains(a.visitId()) ? ready : waiting).add(a);
        }
        return new ReadyForCheckout(ready, waiting);
    }

    /**
     * The checkout of an appointment (see the class comment). Arrived, in treatment, or completed (the
     * aftercare sheet printed again, a next visit booked later in the day); its visit signed. Any staff.
     */
    public Checkout open(long appointmentId) {
        session.require("check patients out", ANY_STAFF);
        Appointment a = appointments.appointment(appointmentId);
        if (!here(a) && a.status() != AppointmentStatus.COMPLETED) {
            throw new ValidationException("status", "Only a patient who has arrived can be checked out: this appointment"
                    + " is " + a.status().label().toLowerCase(Locale.ROOT) + ".");
        }
        if (a.visitId() == null) {
            throw new ValidationException("status", "This appointment has no visit: the patient was not checked in, so"
                    + " there is no signed treatment to check out.");
        }
        record Loaded(VisitSummary visit, List<FollowUpTask> tasks) {
        }
        Loaded l = db.tx(c -> {
            VisitSummary visit = charts.history(c, a.patientId()).stream().filter(v -> v.id() == a.visitId()).findFirst()
                    .orElseThrow(() -> new ValidationException("status", "This appointment's visit no longer exists."));
            if (!visit.status().equals(org.needlepoint.chart.VisitStatus.SIGNED)) {
                throw new ValidationException("status", AppointmentService.UNSIGNED);
            }
            List<FollowUpTask> tasks = followUps.patientTasks(c, a.patientId()).stream()
                    .filter(t -> a.visitId().equals(t.visitId()) && (t.open() || t.lastOutcome() == CallOutcome.BOOKED))
                    .sorted(Comparator.comparing(FollowUpTask::due).thenComparing(FollowUpTask::id)).toList();
            audit.log(c, Audit.VIEW, "appointment", a.id(), a.patientId(), "opened the checkout of chart " + a.chartNumber()
                    + " (visit " + a.visitId() + ")");
            return new Loaded(visit, tasks);
        });
        List<NextVisit> next = l.tasks().stream().map(t -> new NextVisit(t, t.open() ? taskBookings.suggest(t.id()) : null))
                .toList();
        NextVisitOffer offer = null;
        if (next.isEmpty()) {
            LocalDate from = appointments.today().plusWeeks(DEFAULT_WEEKS);
            Optional<FreeSlot> slot = appointments.nextFreeSlot(a.kind(), a.minutes(), a.injectorId(), from.atStartOfDay());
            offer = new NextVisitOffer(a.kind(), a.minutes(), from, a.injectorId(), a.injectorName(),
                    slot.map(FreeSlot::start).orElse(null));
        }
        return new Checkout(a, l.visit(), next, offer);
    }

    /** The aftercare sheet of the appointment's visit, as a PDF (audited as an export). Any staff; the visit signed. */
    public byte[] aftercare(long appointmentId) {
        session.require("print aftercare sheets", ANY_STAFF);
        Appointment a = appointments.appointment(appointmentId);
        if (a.visitId() == null) {
            throw new ValidationException("status", "This appointment has no visit: there is no aftercare sheet to print.");
        }
        return reports.aftercare(a.visitId());
    }

    /**
     * Books the follow-up task's visit at {@code start} and closes the task as booked, in one transaction;
     * refused before the rule's earliest date, on a conflict, or outside the hours unless confirmed.
     */
    public Appointment bookTask(long taskId, int taskVersion, AppointmentKind kind, LocalDateTime start, int minutes,
                                long injectorId, boolean outsideHoursConfirmed) {
        session.require("book appointments", ANY_STAFF);
        return taskBookings.book(taskId, taskVersion, kind, start, minutes, injectorId, outsideHoursConfirmed);
    }

    /** Books the patient's next visit (no follow-up task asks for one): the book's own checks and questions. */
    public Appointment bookNext(long appointmentId, AppointmentKind kind, LocalDateTime start, int minutes, long injectorId,
                                boolean outsideHoursConfirmed) {
        session.require("book appointments", ANY_STAFF);
        Appointment a = appointments.appointment(appointmentId);
        return appointments.book(new AppointmentDraft(a.patientId(), injectorId, null, start, minutes, kind,
                NEXT_VISIT_REASON, a.productIds(), null), outsideHoursConfirmed);
    }

    /** The first free slot from {@code from} with the injector ({@link AppointmentService#nextFreeSlot}). */
    public Optional<FreeSlot> nextFreeSlot(AppointmentKind kind, int minutes, long injectorId, LocalDateTime from) {
        return appointments.nextFreeSlot(kind, minutes, injectorId, from);
    }

    /** The bookable injectors, by name. */
    public List<org.needlepoint.schedule.Injector> injectors() {
        return appointments.injectors();
    }

    /** Checks the patient out: the appointment completed, in one transaction ({@link AppointmentService#checkOut}). */
    public Appointment complete(long appointmentId, int version) {
        return appointments.checkOut(appointmentId, version);
    }

    /** Saves a PDF made here into {@code folder} as {@code fileName} ({@link ReportService#write}). */
    public java.nio.file.Path save(byte[] pdf, java.nio.file.Path folder, String fileName) {
        return reports.write(pdf, folder, fileName);
    }

    /** The clinic's time zone (the screen's times of day). */
    public java.time.ZoneId zone() {
        return clock.getZone();
    }
}
