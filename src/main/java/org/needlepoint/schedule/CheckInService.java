package org.needlepoint.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.needlepoint.chart.ChartService;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.common.ValidationException;
import org.needlepoint.inventory.InventoryStore;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.patient.Patient;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.patient.PatientService;
import org.needlepoint.patient.PatientStore;
import org.needlepoint.security.Audit;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.security.Role;
import org.needlepoint.security.Session;
import org.needlepoint.security.User;
import org.needlepoint.store.Database;
import org.needlepoint.store.Versions;

/**
 * Check-in at the desk, and the injector's "My patients today".
 *
 * <p><b>The sheet</b> ({@link #sheet}): for today's appointment (booked, confirmed or arrived) what the desk
 * confirms with the patient: identity (name, date of birth, chart number), contact details and rewards-programme
 * membership as the record has them, the screening questionnaire for the planned products (the chart's own
 * questions, {@link ChartService#checkInScreening}), and the signed consents on file today for the planned
 * products' kinds. Opening it is audited as a read of the patient's record.
 *
 * <p><b>Completing</b> ({@link #complete}) is one transaction, shared with the book's
 * {@link AppointmentService#checkIn} as a follow-up task's booking shares the book's: the contact and rewards
 * changes are saved over the record at the version the desk saw (a concurrent edit is a conflict), the visit draft
 * is prepared for the BOOKED injector with the screening answers ({@link ChartService#openDraftAtCheckIn}: their
 * open draft of this patient is reused and the answers merged), the appointment is marked arrived if it was not
 * yet and records the visit and when and by whom the patient was checked in. The identity tick is required; bad
 * input is refused at its field and nothing is saved. A missing consent does not stop the check-in: the result
 * says so ({@link CheckedIn#consentWarning}), and the chart cannot be signed without it.
 *
 * <p><b>My patients today</b> ({@link #myPatientsToday}): the signed-in injector's appointments of today with their
 * check-in and consents; {@link #startTreatment} marks an arrived one in treatment as the injector opens its draft.
 *
 * <p><b>Who may do what.</b> Any staff account (front desk, admin, injector) checks patients in; only accounts
 * that chart (injector, admin) have a "My patients today" and start treatments, each their own patients.
 */
public final class CheckInService {
    private static final Role[] ANY_STAFF = {Role.ADMIN, Role.INJECTOR, Role.FRONT_DESK};
    private static final Role[] CHARTING = {Role.INJECTOR, Role.ADMIN};

    private final Database db;
    private final AppointmentStore store;
    private final AppointmentService appointments;
    private final PatientStore patientStore;
    private final PatientService patients;
    private final InventoryStore inventory;
    private final ChartService charts;
    private final ConsentService consents;
    private final Audit audit;
    private final Session session;
    private final Clock clock;

    public CheckInService(Database db, AppointmentStore store, AppointmentService appointments, PatientStore patientStore,
                          PatientService patients, InventoryStore inventory, ChartService charts, ConsentService consents,
                          Audit audit, Session session, Clock clock) {
        this.db = db;
        this.store = store;
        this.appointments = appointments;
        this.patientStore = patientStore;
        this.patients = patients;
        this.inventory = inventory;
        this.charts = charts;
        this.consents = consents;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * What the desk confirms to check the patient in for today's appointment (see the class comment). Refused at
     * the field "status" for another day's appointment and one that cannot be checked in. Any staff; audited.
     */
    public CheckInSheet sheet(long appointmentId) {
        session.require("check patients in", ANY_STAFF);
        return db.tx(c -> {
            Appointment a = store.find(c, appointmentId, clock.getZone()).orElseThrow(() -> new ValidationException(
                    "appointment", "This appointment no longer exists."));
            appointments.checkInProblem(a).ifPresent(m -> {
                throw new ValidationException("status", m);
            });
            Patient p = patientStore.find(c, a.patientId()).orElseThrow(() -> new ValidationException("patient",
                    "This patient no longer exists."));
            List<Product> planned = planned(c, a);
            CheckInSheet sheet = new CheckInSheet(a, p, planned, charts.checkInScreening(c, p, a.productIds(), a.visitId()),
                    consents.coverage(c, p.id(), kinds(planned), today()));
            audit.log(c, Audit.VIEW, "patient", p.id(), p.id(), "opened the record of chart " + p.chartNumber()
                    + " to check the patient in (appointment " + a.id() + ")");
            return sheet;
        });
    }

    /**
     * Checks the patient in (see the class comment), in one transaction. Refused with nothing saved: the identity
     * not ticked ("identityConfirmed"), a contact or rewards field that is not valid (at its field), the patient's
     * record changed by someone else since the sheet was read, or the appointment's injector, patient or planned
     * products (what the screening answered for; see {@link AppointmentService#checkIn}) (a conflict naming them), and
     * an appointment that cannot be checked in ("status"). Any staff; audited.
     */
    public CheckedIn complete(CheckInForm f) {
        session.require("check patients in", ANY_STAFF);
        if (!f.identityConfirmed()) {
            throw new ValidationException("identityConfirmed", "Confirm the patient's identity first: ask their full"
                    + " name and date of birth and compare them with the record.");
        }
        VisitChart[] prepared = new VisitChart[1];
        Appointment done = appointments.checkIn(f.appointment(), (c, a, u) -> {
            if (a.patientId() != f.patientId()) {
                throw new ValidationException("patient", "This appointment is another patient's: open the check-in again.");
            }
            Patient p = patientStore.find(c, a.patientId()).orElseThrow(() -> new ValidationException("patient",
                    "This patient no longer exists."));
            if (p.version() != f.patientVersion()) {
                throw Versions.stale(c, "patient", p.id(), "This patient's record", clock.getZone());
            }
            PatientDetails confirmed = confirmed(p.details(), f);
            Map<String, String> problems = confirmed.problems(today());
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            if (!confirmed.equals(p.details())) {
                patients.update(c, p, confirmed, "at check-in");
            }
            Set<Long> taken = appointments.visitsOfOtherAppointments(c, a.patientId(), a.id());
            prepared[0] = charts.openDraftAtCheckIn(c, a.patientId(), a.injectorId(), a.productIds(), f.screening(),
                    id -> !taken.contains(id));
            return prepared[0].visit().id();
        });
        ConsentCoverage onFile = db.read(c -> consents.coverage(c, done.patientId(), kinds(planned(c, done)), today()));
        return new CheckedIn(done, prepared[0], onFile);
    }

    /** The record's details with the contact details and rewards membership the desk confirmed. */
    private static PatientDetails confirmed(PatientDetails d, CheckInForm f) {
        return new PatientDetails(d.firstName(), d.middleName(), d.lastName(), d.preferredName(), d.birthDate(), d.sex(),
                f.mobilePhone(), f.otherPhone(), f.email(), f.addressLine(), f.city(), f.region(), f.postalCode(),
                d.emergencyName(), d.emergencyPhone(), d.emergencyRelation(), d.allergies(), d.medications(),
                d.conditions(), d.pregnancy(), d.photoConsent(), d.marketingConsent(), d.alerts(), d.notes(),
                f.rewardsProgramme(), f.rewardsMember());
    }

    /**
     * The signed-in injector's appointments of today, by time (cancelled ones left out), each with its planned
     * products and the consents on file for their kinds. Injector or admin.
     */
    public List<MyPatient> myPatientsToday() {
        User u = session.require("see their patients of the day", CHARTING);
        LocalDate day = today();
        return db.read(c -> {
            List<Appointment> mine = store.between(c, day.atStartOfDay(clock.getZone()).toInstant(),
                    day.plusDays(1).atStartOfDay(clock.getZone()).toInstant(), clock.getZone()).stream()
                    .filter(a -> a.injectorId() == u.id() && a.status() != AppointmentStatus.CANCELLED).toList();
            List<Product> all = mine.isEmpty() ? List.of() : inventory.products(c);
            List<MyPatient> out = new ArrayList<>();
            for (Appointment a : mine) {
                Set<Long> ids = new HashSet<>(a.productIds());
                List<Product> planned = all.stream().filter(p -> ids.contains(p.id())).toList();
                out.add(new MyPatient(a, planned.stream().map(Product::name).toList(),
                        consents.coverage(c, a.patientId(), kinds(planned), day)));
            }
            return out;
        });
    }

    /**
     * The injector takes a checked-in patient into treatment: an arrived appointment is marked in treatment (one
     * already in treatment, or completed, stays as it is); the caller then opens the visit its check-in prepared.
     * Refused for an appointment not checked in yet and for another injector's patient. Injector or admin.
     */
    public Appointment startTreatment(long appointmentId) {
        User u = session.require("start treatments", CHARTING);
        Appointment a = appointments.appointment(appointmentId);
        if (u.role() == Role.INJECTOR && a.injectorId() != u.id()) {
            throw new PermissionDeniedException(a.patientName() + " is booked with " + a.injectorName()
                    + ": only they open this visit.");
        }
        if (a.visitId() == null) {
            throw new ValidationException("appointment", a.patientName() + " is not checked in yet: the desk checks"
                    + " them in first, which prepares the visit.");
        }
        if (a.status() == AppointmentStatus.ARRIVED) {
            return appointments.changeStatus(a.id(), a.version(), AppointmentStatus.IN_TREATMENT, "Chart opened");
        }
        return a;
    }

    private List<Product> planned(Connection c, Appointment a) throws SQLException {
        if (a.productIds().isEmpty()) {
            return List.of();
        }
        Set<Long> ids = new HashSet<>(a.productIds());
        return inventory.products(c).stream().filter(p -> ids.contains(p.id())).toList();
    }

    private static Set<ProductKind> kinds(List<Product> products) {
        return products.stream().map(Product::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(ProductKind.class)));
    }
}
