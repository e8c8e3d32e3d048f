package org.needlepoint.chart;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.patient.Patient;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.patient.Pregnancy;
import org.needlepoint.patient.Sex;
import org.needlepoint.testing.Spots;
import org.needlepoint.schedule.ConsentKind;
import org.needlepoint.testing.Consents;
import org.needlepoint.testing.TestClinic;

/** A clinic with staff, a patient and lots in stock, and builders for points and ready-to-sign drafts. */
final class ChartFixture implements AutoCloseable {
    final TestClinic clinic;
    final ChartService charts;
    final Patient patient;
    final Product dysport;
    final Product botox;
    final Product sculptra;
    final Product filler;
    final Lot dysportLot;
    final Lot botoxLot;
    final Lot sculptraLot;
    final Lot fillerLot;

    ChartFixture(Path dir) {
        this(new TestClinic(dir).withStaff());
    }

    ChartFixture(TestClinic clinic) {
        this.clinic = clinic;
        this.charts = clinic.services.charts();
        clinic.signIn("desk");
        patient = clinic.services.patients().create(TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), true);
        // at check-in the patient signs the treatment consents; the desk witnesses
        Consents.onFile(clinic.services, patient.id());
        clinic.signIn("injector");
        Catalog catalog = charts.catalog();
        dysport = named(catalog, "Dysport 300 U");
        botox = named(catalog, "Botox Cosmetic 100 U");
        sculptra = named(catalog, "Sculptra");
        filler = named(catalog, "HA filler 1 mL (lidocaine)");
        LocalDate inAYear = today().plusYears(1);
        dysportLot = clinic.receive(dysport, "DY301A", inAYear, 10);
        botoxLot = clinic.receive(botox, "BX100A", inAYear, 10);
        sculptraLot = clinic.receive(sculptra, "SC150A", inAYear, 4);
        fillerLot = clinic.receive(filler, "HA1LA", inAYear, 6);
    }

    static Product named(Catalog catalog, String name) {
        return catalog.products().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    LocalDate today() {
        return charts.today();
    }

    /** A patient with the given record entries (registered by the desk; the injector is signed in again after). */
    Patient patientWith(String allergies, String medications, String conditions, Pregnancy pregnancy) {
        clinic.signIn("desk");
        PatientDetails d = new PatientDetails("Bea", null, "Jones", null, LocalDate.parse("1979-06-02"), Sex.FEMALE,
                "(555) 010-9876", null, null, null, null, null, null, null, null, null, allergies, medications, conditions,
                pregnancy, false, false, null, null);
        Patient p = clinic.services.patients().create(d, true);
        Consents.onFile(clinic.services, p.id());
        clinic.signIn("injector");
        return p;
    }

    /** A patient who has signed no consent yet (registered by the desk; the injector is signed in again after). */
    Patient unconsented(String first, String last) {
        clinic.signIn("desk");
        Patient p = clinic.services.patients().create(TestClinic.patient(first, last, "1990-09-09", "(555) 010-7777"), true);
        clinic.signIn("injector");
        return p;
    }

    /** The patient signs the consents of {@code kinds} now, witnessed by whoever is signed in. */
    void consent(Patient p, ConsentKind... kinds) {
        clinic.services.consents().sign(p.id(), List.of(kinds), Consents.signature(), null);
    }

    static InjectionPoint pt(String key, Region region, Side side, Product product, Lot lot, String amount) {
        return pt(key, region, side, product, lot == null ? null : lot.id(), amount);
    }

    /**
     * A point of {@code product} in {@code region} on {@code side}, placed where the diagram names that
     * region for the product (the service derives region and side from the position).
     */
    static InjectionPoint pt(String key, Region region, Side side, Product product, Long lotId, String amount) {
        Placement at = spot(region, side, product);
        return new InjectionPoint(key, at.view(), at.x(), at.y(), region, side, product.id(), lotId,
                new BigDecimal(amount), product.unit(), null, null, null, null);
    }

    /** Where a point of the product lands in the region; a pairing the diagrams do not have stays at the forehead. */
    static Placement spot(Region region, Side side, Product product) {
        try {
            return Spots.of(region, side, product);
        } catch (IllegalArgumentException none) {
            return new Placement(DiagramView.FACE_FRONT, 0.5, 0.4);
        }
    }

    /** The Dysport glabellar label pattern: 5 x 10 U. */
    List<InjectionPoint> glabella() {
        return List.of(
                pt("g1", Region.PROCERUS, Side.MIDLINE, dysport, dysportLot, "10"),
                pt("g2", Region.CORRUGATOR, Side.RIGHT, dysport, dysportLot, "10"),
                pt("g3", Region.CORRUGATOR, Side.RIGHT, dysport, dysportLot, "10"),
                pt("g4", Region.CORRUGATOR, Side.LEFT, dysport, dysportLot, "10"),
                pt("g5", Region.CORRUGATOR, Side.LEFT, dysport, dysportLot, "10"));
    }

    /** A draft of {@code points} with consent given and every screening question answered (NO unless flagged). */
    ChartDraft ready(VisitChart chart, List<InjectionPoint> points) {
        List<Long> productIds = points.stream().map(InjectionPoint::productId).distinct().toList();
        List<ScreeningEntry> checklist = charts.screening(chart.visit().patientId(), productIds, chart.screening())
                .stream().map(e -> e.answer() == ScreeningAnswer.UNANSWERED ? e.answered(ScreeningAnswer.NO, null) : e)
                .toList();
        return new ChartDraft("Glabellar lines treated per label.", points, checklist, true, false);
    }

    /** Starts a visit for the fixture's patient, charts {@code points} ready to sign, and saves it. */
    VisitChart drafted(List<InjectionPoint> points) {
        VisitChart started = charts.startVisit(patient.id());
        return charts.saveDraft(started.visit(), ready(started, points));
    }

    VisitChart signed(List<InjectionPoint> points) {
        VisitChart d = drafted(points);
        return charts.sign(d.visit().id(), d.visit().version(), TestClinic.PASSWORD.toCharArray());
    }

    private boolean closed;

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            clinic.close();
        }
    }
}
