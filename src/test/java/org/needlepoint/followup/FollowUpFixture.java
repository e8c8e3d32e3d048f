package org.needlepoint.followup;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
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
import org.needlepoint.testing.Consents;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.Spots;

/**
 * A clinic with staff, two patients and long-dated lots of Dysport, Sculptra and an HA filler, with
 * builders for signed visits; the injector is signed in unless a test signs someone else in.
 */
final class FollowUpFixture implements AutoCloseable {
    static final char[] PASSWORD = TestClinic.PASSWORD.toCharArray();

    final TestClinic clinic;
    final ChartService charts;
    final FollowUpService followUps;
    final AdverseEventService events;
    final Patient ann;
    final Patient bea;
    final Product dysport;
    final Product sculptra;
    final Product filler;
    final Lot dysportLot;
    final Lot sculptraLot;
    final Lot fillerLot;

    FollowUpFixture(Path dir) {
        clinic = new TestClinic(dir).withStaff();
        charts = clinic.services.charts();
        followUps = clinic.services.followUps();
        events = clinic.services.adverseEvents();
        clinic.signIn("desk");
        ann = clinic.services.patients().create(TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), true);
        bea = clinic.services.patients().create(TestClinic.patient("Bea", "Jones", "1979-06-02", "(555) 010-9876"), true);
        Consents.onFile(clinic.services, ann.id());
        Consents.onFile(clinic.services, bea.id());
        clinic.signIn("injector");
        dysport = named("Dysport 300 U");
        sculptra = named("Sculptra");
        filler = named("HA filler 1 mL (lidocaine)");
        LocalDate far = today().plusYears(4);
        dysportLot = clinic.receive(dysport, "DY301A", far, 10);
        sculptraLot = clinic.receive(sculptra, "SC150A", far, 10);
        fillerLot = clinic.receive(filler, "HA1LA", far, 10);
    }

    private Product named(String name) {
        return clinic.services.inventory().products().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    LocalDate today() {
        return charts.today();
    }

    void days(long n) {
        clinic.clock.advance(Duration.ofDays(n));
    }

    /** A point placed where the diagram names {@code region} and {@code side} for the product. */
    static InjectionPoint pt(String key, Region region, Side side, Product product, Lot lot, String amount, Depth depth) {
        return Spots.placed(new InjectionPoint(key, DiagramView.FACE_FRONT, 0.5, 0.4, region, side, product.id(),
                lot.id(), new BigDecimal(amount), product.unit(), depth, null, null, null), product);
    }

    /** Dysport glabella, 5 x 10 U, intramuscular. */
    List<InjectionPoint> glabella() {
        return List.of(
                pt("g1", Region.PROCERUS, Side.MIDLINE, dysport, dysportLot, "10", Depth.INTRAMUSCULAR),
                pt("g2", Region.CORRUGATOR, Side.RIGHT, dysport, dysportLot, "10", Depth.INTRAMUSCULAR),
                pt("g3", Region.CORRUGATOR, Side.RIGHT, dysport, dysportLot, "10", Depth.INTRAMUSCULAR),
                pt("g4", Region.CORRUGATOR, Side.LEFT, dysport, dysportLot, "10", Depth.INTRAMUSCULAR),
                pt("g5", Region.CORRUGATOR, Side.LEFT, dysport, dysportLot, "10", Depth.INTRAMUSCULAR));
    }

    /** A Sculptra session: two malar fans of 1.5 mL, subcutaneous. */
    List<InjectionPoint> sculptraSession() {
        return List.of(
                pt("s1", Region.MALAR, Side.RIGHT, sculptra, sculptraLot, "1.5", Depth.SUBCUTANEOUS),
                pt("s2", Region.MALAR, Side.LEFT, sculptra, sculptraLot, "1.5", Depth.SUBCUTANEOUS));
    }

    /** Two HA filler points in the nasolabial folds, subcutaneous. */
    List<InjectionPoint> fillerPoints() {
        return List.of(
                pt("f1", Region.NASOLABIAL_FOLD, Side.RIGHT, filler, fillerLot, "0.5", Depth.SUBCUTANEOUS),
                pt("f2", Region.NASOLABIAL_FOLD, Side.LEFT, filler, fillerLot, "0.5", Depth.SUBCUTANEOUS));
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
