package org.needlepoint.followup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.needlepoint.chart.ChartDraft;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.ScreeningAnswer;
import org.needlepoint.chart.ScreeningEntry;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.patient.Patient;
import org.needlepoint.testing.Consents;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.StockedClinic;

/**
 * A clinic with staff, two patients and long-dated lots of Dysport, Sculptra and an HA filler, with
 * builders for signed visits; the injector is signed in unless a test signs someone else in.
 */
final class FollowUpFixture extends StockedClinic implements AutoCloseable {
    static final char[] PASSWORD = TestClinic.PASSWORD.toCharArray();

    final FollowUpService followUps;
    final AdverseEventService events;
    final Patient ann;
    final Patient bea;

    FollowUpFixture(Path dir) {
        super(new TestClinic(dir).withStaff());
        followUps = clinic.services.followUps();
        events = clinic.services.adverseEvents();
        clinic.signIn("desk");
        ann = clinic.services.patients().create(TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), true);
        bea = clinic.services.patients().create(TestClinic.patient("Bea", "Jones", "1979-06-02", "(555) 010-9876"), true);
        Consents.onFile(clinic.services, ann.id());
        Consents.onFile(clinic.services, bea.id());
        clinic.signIn("injector");
    }

    LocalDate today() {
        return charts.today();
    }

    void days(long n) {
        clinic.clock.advance(Duration.ofDays(n));
    }

    /** Charts {@code points} for {@code patient} now and signs the chart (the injector must be signed in). */
    VisitChart signed(Patient patient, List<InjectionPoint> points) {
        VisitChart started = charts.startVisit(patient.id());
        List<Long> productIds = points.stream().map(InjectionPoint::productId).distinct().toList();
        List<ScreeningEntry> checklist = charts.screening(patient.id(), productIds, started.screening()).stream()
                .map(e -> e.answer() == ScreeningAnswer.UNANSWERED ? e.answered(ScreeningAnswer.NO, null) : e).toList();
        VisitChart saved = charts.saveDraft(started.visit(), new ChartDraft("Treated.", points, checklist, true, false));
        Consents.onFile(clinic.services, patient.id());
        return charts.sign(saved.visit().id(), saved.visit().version(), PASSWORD);
    }

    /** An event draft on {@code visit} for all its original points, reported and begun today. */
    AdverseEventDraft draft(VisitChart visit, AdverseEventType type, Severity severity) {
        List<String> keys = visit.points().stream().map(InjectionPoint::key).toList();
        return new AdverseEventDraft(visit.visit().patientId(), visit.visit().id(), keys, today(), today(), type,
                type == AdverseEventType.OTHER ? "Metallic taste" : null, severity, false, false, java.util.Set.of(), null,
                "Described.", null, null, null, EventOutcome.ONGOING, null);
    }

    List<FollowUpTask> tasks(Patient p) {
        return followUps.patientTasks(p.id());
    }

    @Override
    public void close() {
        clinic.close();
    }
}
