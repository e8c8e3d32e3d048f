package org.needlepoint.inventory;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.needlepoint.chart.ChartDraft;
import org.needlepoint.chart.ChartService;
import org.needlepoint.chart.DiagramView;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.Region;
import org.needlepoint.chart.ScreeningAnswer;
import org.needlepoint.chart.ScreeningEntry;
import org.needlepoint.chart.Side;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.patient.Patient;
import org.needlepoint.store.Sql;
import org.needlepoint.testing.Consents;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.Spots;

/**
 * A clinic with staff and two patients, the catalogue's products by name, and builders for scanned
 * codes, points and signed charts. The injector is signed in at the start.
 */
final class InventoryFixture implements AutoCloseable {
    static final char[] PASSWORD = TestClinic.PASSWORD.toCharArray();

    final TestClinic clinic;
    final InventoryService inventory;
    final ChartService charts;
    final Patient ann;
    final Patient bea;
    final Product dysport;
    final Product dysport500;
    final Product botox;
    final Product sculptra;
    final Product filler;

    InventoryFixture(Path dir) {
        clinic = new TestClinic(dir).withStaff();
        inventory = clinic.services.inventory();
        charts = clinic.services.charts();
        clinic.signIn("desk");
        ann = clinic.services.patients().create(TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), true);
        bea = clinic.services.patients().create(new org.needlepoint.patient.PatientDetails("Bea", null, "Jones, Jr.", null,
                LocalDate.parse("1979-06-02"), org.needlepoint.patient.Sex.FEMALE, "(555) 010-9876", "555-010-1111",
                "bea@example.org", null, null, null, null, null, null, null, null, null, null,
                org.needlepoint.patient.Pregnancy.NO, false, false, null, null), true);
        Consents.onFile(clinic.services, ann.id());
        Consents.onFile(clinic.services, bea.id());
        clinic.signIn("injector");
        dysport = named("Dysport 300 U");
        dysport500 = named("Dysport 500 U");
        botox = named("Botox Cosmetic 100 U");
        sculptra = named("Sculptra");
        filler = named("HA filler 1 mL (lidocaine)");
    }

    Product named(String name) {
        return inventory.products().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    LocalDate today() {
        return inventory.today();
    }

    /** The code a scanner reads from a pack of {@code p}. */
    static Gs1Code code(Product p, String lot, LocalDate expiry, String serial) {
        return new Gs1Code(p.gtins().get(0), expiry, lot, serial, null);
    }

    /** Receives {@code packs} of lot {@code lot} of {@code p}, expiring in a year, by scanning. */
    Lot receive(Product p, String lot, int packs) {
        return inventory.receive(ReceiptDraft.of(code(p, lot, today().plusYears(1), null), today()).withQuantity(packs)).lot();
    }

    /** A point placed where the diagram names {@code region} and {@code side} for the product. */
    static InjectionPoint pt(String key, Region region, Side side, Product p, Lot lot, Vial vial, String amount) {
        return Spots.placed(new InjectionPoint(key, DiagramView.FACE_FRONT, 0.5, 0.4, region, side, p.id(),
                lot == null ? null : lot.id(), vial == null ? null : vial.id(), new BigDecimal(amount), p.unit(), null, null,
                null, null), p);
    }

    /** Five glabella points of 10 U of {@code lot}, from {@code vial} (or none). */
    List<InjectionPoint> glabella(Lot lot, Vial vial) {
        return List.of(
                pt("g1", Region.PROCERUS, Side.MIDLINE, dysport, lot, vial, "10"),
                pt("g2", Region.CORRUGATOR, Side.RIGHT, dysport, lot, vial, "10"),
                pt("g3", Region.CORRUGATOR, Side.RIGHT, dysport, lot, vial, "10"),
                pt("g4", Region.CORRUGATOR, Side.LEFT, dysport, lot, vial, "10"),
                pt("g5", Region.CORRUGATOR, Side.LEFT, dysport, lot, vial, "10"));
    }

    /** A draft of {@code points} for the patient, consent given and screening answered, saved. */
    VisitChart drafted(Patient patient, List<InjectionPoint> points) {
        VisitChart started = charts.startVisit(patient.id());
        List<Long> productIds = points.stream().map(InjectionPoint::productId).distinct().toList();
        List<ScreeningEntry> checklist = charts.screening(patient.id(), productIds, started.screening()).stream()
                .map(e -> e.answer() == ScreeningAnswer.UNANSWERED ? e.answered(ScreeningAnswer.NO, null) : e).toList();
        return charts.saveDraft(started.visit(), new ChartDraft("Treated.", points, checklist, true, true));
    }

    VisitChart signed(Patient patient, List<InjectionPoint> points) {
        VisitChart d = drafted(patient, points);
        Consents.onFile(clinic.services, patient.id());
        return charts.sign(d.visit().id(), d.visit().version(), PASSWORD);
    }

    long count(String sql) {
        return clinic.db.read(c -> Sql.count(c, sql));
    }

    @Override
    public void close() {
        clinic.close();
    }
}
