package org.needlepoint.followup;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.needlepoint.app.Services;
import org.needlepoint.chart.ChartDraft;
import org.needlepoint.chart.ChartService;
import org.needlepoint.chart.Depth;
import org.needlepoint.chart.DiagramView;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.Region;
import org.needlepoint.chart.ScreeningAnswer;
import org.needlepoint.chart.ScreeningEntry;
import org.needlepoint.chart.Side;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.patient.Patient;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.security.Role;
import org.needlepoint.testing.Consents;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.Spots;

/**
 * The follow-up screens' test data, written through the real services before the window opens (or
 * from "another PC" while it is open): three patients, a signed Dysport chart whose 14-day review
 * falls due, hand-made call tasks, and builders for urgent events and phoned-in reports.
 */
final class FollowUpUiData {
    final TestClinic clinic;
    final Patient ann;
    final Patient bea;
    final Patient cara;
    final Product dysport;
    final Product filler;
    final Lot dysportLot;
    final Lot fillerLot;

    /** Staff, patients and lots; the injector is left signed in on {@code clinic.services}. */
    FollowUpUiData(TestClinic clinic) {
        this.clinic = clinic;
        clinic.withStaff();
        clinic.signIn("desk");
        var patients = clinic.services.patients();
        ann = patients.create(TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), true);
        bea = patients.create(TestClinic.patient("Bea", "Jones", "1979-06-02", "(555) 010-9876"), true);
        cara = patients.create(TestClinic.patient("Cara", "Lind", "1990-01-20", "(555) 010-4444"), true);
        clinic.signIn("injector");
        ChartService charts = clinic.services.charts();
        dysport = named(charts, "Dysport 300 U");
        filler = named(charts, "HA filler 1 mL (lidocaine)");
        LocalDate far = charts.today().plusYears(4);
        dysportLot = clinic.receive(dysport, "DY301A", far, 10);
        fillerLot = clinic.receive(filler, "HA1LA", far, 10);
    }

    private static Product named(ChartService charts, String name) {
        return charts.catalog().products().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    void days(long n) {
        clinic.clock.advance(Duration.ofDays(n));
    }

    LocalDate today() {
        return clinic.services.followUps().today();
    }

    private InjectionPoint pt(String key, Region region, Side side, Product product, Lot lot, String amount, Depth depth) {
        return Spots.placed(new InjectionPoint(key, DiagramView.FACE_FRONT, 0.5, 0.4, region, side, product.id(),
                lot.id(), new BigDecimal(amount), product.unit(), depth, null, null, null), product);
    }

    /** Dysport to the glabella, charted and signed now by whoever is signed in on {@code s} (an injector). */
    VisitChart toxin(Services s, Patient p) {
        return signed(s, p, List.of(
                pt("g1", Region.PROCERUS, Side.MIDLINE, dysport, dysportLot, "10", Depth.INTRAMUSCULAR),
                pt("g2", Region.CORRUGATOR, Side.RIGHT, dysport, dysportLot, "10", Depth.INTRAMUSCULAR),
                pt("g3", Region.CORRUGATOR, Side.LEFT, dysport, dysportLot, "10", Depth.INTRAMUSCULAR)));
    }

    /** HA filler to both nasolabial folds, signed now. */
    VisitChart filler(Services s, Patient p) {
        return signed(s, p, List.of(
                pt("f1", Region.NASOLABIAL_FOLD, Side.RIGHT, filler, fillerLot, "0.5", Depth.SUBCUTANEOUS),
                pt("f2", Region.NASOLABIAL_FOLD, Side.LEFT, filler, fillerLot, "0.5", Depth.SUBCUTANEOUS)));
    }

    private static VisitChart signed(Services s, Patient p, List<InjectionPoint> points) {
        ChartService charts = s.charts();
        VisitChart started = charts.startVisit(p.id());
        List<Long> productIds = points.stream().map(InjectionPoint::productId).distinct().toList();
        List<ScreeningEntry> checklist = charts.screening(p.id(), productIds, started.screening()).stream()
                .map(e -> e.answer() == ScreeningAnswer.UNANSWERED ? e.answered(ScreeningAnswer.NO, null) : e).toList();
        VisitChart saved = charts.saveDraft(started.visit(), new ChartDraft("Treated.", points, checklist, true, false));
        Consents.onFile(s, p.id());
        return charts.sign(saved.visit().id(), saved.visit().version(), TestClinic.PASSWORD.toCharArray());
    }

    /** A vascular occlusion with a vision change on {@code visit}, recorded now (an injector is signed in on {@code s}). */
    static AdverseEvent urgentEvent(Services s, VisitChart visit) {
        LocalDate today = s.adverseEvents().today();
        List<String> keys = visit.points().stream().map(InjectionPoint::key).toList();
        return s.adverseEvents().recordEvent(new AdverseEventDraft(visit.visit().patientId(), visit.visit().id(), keys,
                today, today, AdverseEventType.VASCULAR_OCCLUSION, null, Severity.GRADE_3, true, false, Set.of(), null,
                "Blanching and severe pain at the right fold minutes after injection.", null, null, null,
                EventOutcome.ONGOING, null));
    }

    /** A bruise on {@code visit}, grade 1, ongoing (not urgent). */
    static AdverseEvent bruise(Services s, VisitChart visit) {
        LocalDate today = s.adverseEvents().today();
        List<String> keys = visit.points().stream().map(InjectionPoint::key).toList();
        return s.adverseEvents().recordEvent(new AdverseEventDraft(visit.visit().patientId(), visit.visit().id(), keys,
                today, today, AdverseEventType.BRUISING, null, Severity.GRADE_1, false, false, Set.of(), null,
                "Small bruise.", null, null, null, EventOutcome.ONGOING, null));
    }

    /** A call task for the front desk, added by hand by whoever is signed in on {@code s}. */
    static FollowUpTask call(Services s, Patient p, LocalDate due, String reason) {
        return s.followUps().createTask(new NewTask(p.id(), TaskKind.CALL, due, null, Role.FRONT_DESK, null, reason, false));
    }

    /** Another PC's services on the same database, signed in as {@code username}: it never touches the window's session. */
    Services elsewhere(String username) {
        Services other = new Services(clinic.db, clinic.clock, new PasswordHasher(1_000));
        other.auth().signIn(username, TestClinic.PASSWORD.toCharArray());
        return other;
    }
}
