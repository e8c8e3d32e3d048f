package org.needlepoint.followup;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.needlepoint.chart.Catalog;
import org.needlepoint.chart.Depth;
import org.needlepoint.chart.DiagramView;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.Region;
import org.needlepoint.chart.Side;
import org.needlepoint.chart.Visit;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.chart.VisitStatus;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.LotStatus;
import org.needlepoint.inventory.PackUnit;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.inventory.Unit;
import org.needlepoint.security.AuditEntry;

/**
 * Records for the side-effect form's view-model tests, no database and no window: a signed visit of
 * 21 Nov 2026 with three Dysport points of two lots and two filler points on the front view, and a
 * Dysport point on the left profile; the catalogue that names them; recorded events.
 */
final class SideEffectFormData {
    static final ZoneId ZONE = ZoneId.of("UTC");
    /** 21 Nov 2026, 09:00: the visit's day. */
    static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZONE);
    static final LocalDate VISIT_DAY = LocalDate.of(2026, 11, 21);
    static final long PATIENT = 7;
    static final long VISIT = 40;

    static final Product DYSPORT = product(1, "Dysport 300 U", Unit.U, "#2f7fc1");
    static final Product FILLER = product(2, "HA filler 1 mL (lidocaine)", Unit.ML, "#e0457b");
    static final Lot DY301A = new Lot(11, 1, "DY301A", LocalDate.of(2028, 11, 21), LotStatus.ACTIVE, VISIT_DAY, 10, 1);
    static final Lot DY302B = new Lot(12, 1, "DY302B", LocalDate.of(2028, 12, 21), LotStatus.ACTIVE, VISIT_DAY, 10, 1);
    static final Lot HA1LA = new Lot(21, 2, "HA1LA", LocalDate.of(2028, 11, 21), LotStatus.ACTIVE, VISIT_DAY, 10, 1);
    static final Catalog CATALOG = new Catalog(List.of(DYSPORT, FILLER), List.of(DY301A, DY302B, HA1LA));

    static final VisitChart SIGNED = chart(VisitStatus.SIGNED, List.of(
            point("d1", DiagramView.FACE_FRONT, 0.39, 0.32, DYSPORT, DY301A, "10"),
            point("d2", DiagramView.FACE_FRONT, 0.61, 0.32, DYSPORT, DY301A, "10"),
            point("d3", DiagramView.FACE_FRONT, 0.50, 0.46, DYSPORT, DY302B, "10"),
            point("f1", DiagramView.FACE_FRONT, 0.40, 0.67, FILLER, HA1LA, "0.5"),
            point("f2", DiagramView.FACE_FRONT, 0.60, 0.67, FILLER, HA1LA, "0.5"),
            point("m1", DiagramView.FACE_LEFT, 0.55, 0.60, DYSPORT, DY301A, "5")));

    private SideEffectFormData() {
    }

    static Product product(long id, String name, Unit unit, String colour) {
        return new Product(id, name, null, unit == Unit.U ? ProductKind.TOXIN : ProductKind.HA_FILLER, unit,
                unit == Unit.U ? new BigDecimal("300") : BigDecimal.ONE, unit == Unit.U ? PackUnit.U : PackUnit.ML, null,
                null, null, null, null, null, null, false, false, colour, 0, List.of(), true, 1);
    }

    static InjectionPoint point(String key, DiagramView view, double x, double y, Product p, Lot lot, String amount) {
        return new InjectionPoint(key, view, x, y, Region.OTHER, Side.MIDLINE, p.id(), lot.id(), new BigDecimal(amount),
                p.unit(), p.unit() == Unit.U ? Depth.INTRAMUSCULAR : Depth.SUBCUTANEOUS, null, null, null);
    }

    static VisitChart chart(VisitStatus status, List<InjectionPoint> points) {
        Visit v = new Visit(VISIT, PATIENT, NOW.minusSeconds(3600), 3, "NP Ivy Injector", status, "Treated.", true,
                false, status == VisitStatus.SIGNED ? NOW.minusSeconds(1800) : null, 3L, "NP Ivy Injector", 2, NOW);
        return new VisitChart(v, points, List.of(), List.of(), false);
    }

    /** A recorded event on the signed visit. */
    static AdverseEvent event(long id, List<String> points, AdverseEventType type, boolean vision, int version) {
        return new AdverseEvent(id, PATIENT, "Marrowby, Zoë", 1001, VISIT, VISIT_DAY, 3, "NP Ivy Injector", points,
                List.of(), 3, "NP Ivy Injector", VISIT_DAY, VISIT_DAY, type, null, TimingClass.EARLY, Severity.GRADE_2,
                vision, false, Set.of(), null, "Left upper lid droops.", null, null, null, EventOutcome.ONGOING, null,
                type.urgent() || vision, null, null, null, null, version, NOW, NOW.plusSeconds(60L * version));
    }

    static AuditEntry audit(String summary) {
        return new AuditEntry(1, NOW, 3L, "injector", "CREATE", "adverse_event", 1L, PATIENT, 1001L, summary);
    }
}
