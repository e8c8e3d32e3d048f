package org.needlepoint.checkout;

import java.time.LocalDateTime;
import java.util.List;
import org.needlepoint.chart.ChartDraft;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.ScreeningAnswer;
import org.needlepoint.chart.ScreeningEntry;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.patient.Patient;
import org.needlepoint.schedule.Appointment;
import org.needlepoint.schedule.AppointmentDraft;
import org.needlepoint.schedule.AppointmentKind;
import org.needlepoint.store.Sql;
import org.needlepoint.testing.Consents;
import org.needlepoint.testing.StockedClinic;
import org.needlepoint.testing.TestClinic;

/**
 * A clinic's morning at the desk, on the test clock's Saturday 21 Nov 2026 09:00 (open 09:00-13:00):
 * staff, patients Ann, Bea and Cai with consents on file, long-dated lots of Dysport, Sculptra and an HA
 * filler, and builders for a patient who arrived for a treatment, was checked in (the appointment carries
 * the visit) and treated by Ivy Injector, whose chart is a draft or signed. Nobody is left signed in.
 */
final class CheckoutFixture extends StockedClinic {
    static final char[] PASSWORD = TestClinic.PASSWORD.toCharArray();

    final Patient ann;
    final Patient bea;
    final Patient cai;
    final long ivy;

    CheckoutFixture(TestClinic clinic) {
        super(clinic.withStaff());
        ivy = clinic.services.session().require().id();
        clinic.signIn("desk");
        ann = clinic.services.patients().create(TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), true);
        bea = clinic.services.patients().create(TestClinic.patient("Bea", "Jones", "1979-06-02", "(555) 010-9876"), true);
        cai = clinic.services.patients().create(TestClinic.patient("Cai", "Brown", "1990-01-20", "(555) 010-4567"), true);
        Consents.onFile(clinic.services, ann.id());
        Consents.onFile(clinic.services, bea.id());
        Consents.onFile(clinic.services, cai.id());
        clinic.services.auth().signOut();
    }

    /**
     * The patient booked with Ivy today at {@code hhmm} for 30 minutes, arrived (as the desk), checked in with the
     * visit the injector then charts with {@code points} (as the injector), signed when {@code sign}. Returns the
     * appointment as it then stands.
     */
    Appointment treated(Patient p, String hhmm, List<InjectionPoint> points, boolean sign) {
        clinic.signIn("desk");
        LocalDateTime start = clinic.services.appointments().today().atTime(java.time.LocalTime.parse(hhmm));
        Appointment a = clinic.services.appointments().book(new AppointmentDraft(p.id(), ivy, null, start, 30,
                AppointmentKind.TREATMENT, "Treatment", List.of(), null), false);
        a = clinic.services.appointments().markArrived(a.id(), a.version());
        clinic.signIn("injector");
        VisitChart started = charts.startVisit(p.id());
        checkedIn(a.id(), started.visit().id());
        List<Long> productIds = points.stream().map(InjectionPoint::productId).distinct().toList();
        List<ScreeningEntry> checklist = charts.screening(p.id(), productIds, started.screening()).stream()
                .map(e -> e.answer() == ScreeningAnswer.UNANSWERED ? e.answered(ScreeningAnswer.NO, null) : e).toList();
        VisitChart saved = charts.saveDraft(started.visit(), new ChartDraft("Treated.", points, checklist, true, false));
        if (sign) {
            charts.sign(saved.visit().id(), saved.visit().version(), PASSWORD);
        }
        Appointment now = clinic.services.appointments().appointment(a.id());
        clinic.services.auth().signOut();
        return now;
    }

    /**
     * The desk's check-in, as far as checkout needs it: the appointment carries the visit opened for the injector
     * (check-in itself, with identity, screening and consent, is another part of issue 13 on its own branch).
     */
    void checkedIn(long appointmentId, long visitId) {
        long desk = clinic.db.read(c -> Sql.count(c, "SELECT id FROM app_user WHERE username = 'desk'"));
        clinic.db.tx(c -> {
            try (var ps = c.prepareStatement("UPDATE appointment SET visit_id = ?, checked_in_at = ?, checked_in_by = ?,"
                    + " version = version + 1 WHERE id = ?")) {
                ps.setLong(1, visitId);
                Sql.setInstant(ps, 2, clinic.clock.instant());
                ps.setLong(3, desk);
                ps.setLong(4, appointmentId);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
