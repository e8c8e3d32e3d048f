package org.needlepoint.chart;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.testing.TestClinic;

/**
 * A patient with two SIGNED visits 13 weeks apart, charted from the built-in patterns so the
 * markers sit where an injector would put them:
 * <ul>
 *   <li>the earlier: Dysport glabellar lines (5 x 10 U = 50 U) and the Sculptra malar fan
 *       (8 x 0.5 mL = 4 mL), with a text addendum;</li>
 *   <li>the later: Dysport glabellar lines and two forehead points (2 x 5 U): 60 U, no Sculptra.</li>
 * </ul>
 * The clock ends on the later visit's day; the injector is left signed in.
 */
final class HistoryFixture implements AutoCloseable {
    final ChartFixture chart;
    final TestClinic clinic;
    final ChartService charts;
    final VisitChart earlier;
    final VisitChart later;

    HistoryFixture(Path dir) {
        clinic = new TestClinic(dir).withStaff();
        chart = new ChartFixture(clinic);
        charts = chart.charts;
        List<InjectionPoint> first = new ArrayList<>(pattern("Dysport glabellar", chart.dysport, chart.dysportLot));
        first.addAll(pattern("Sculptra malar", chart.sculptra, chart.sculptraLot));
        VisitChart signed = chart.signed(first);
        earlier = charts.addAddendum(signed.visit().id(),
                "Small bruise at the left malar entry point; settled by day 3 at the review call.", List.of());
        clinic.clock.advance(Duration.ofDays(91));
        List<InjectionPoint> second = new ArrayList<>(pattern("Dysport glabellar", chart.dysport, chart.dysportLot));
        second.addAll(pattern("Dysport forehead", chart.dysport, chart.dysportLot).subList(1, 3));
        later = chart.signed(second);
    }

    /** A built-in pattern's points (new keys) for {@code product} and {@code lot}. */
    List<InjectionPoint> pattern(String namePrefix, Product product, Lot lot) {
        ChartPattern p = charts.patterns().stream().filter(x -> x.name().startsWith(namePrefix)).findFirst().orElseThrow();
        return charts.applyPattern(p.id(), product.id(), lot.id());
    }

    long patientId() {
        return chart.patient.id();
    }

    /** Starts a third visit (a DRAFT) on the later visit's day, a few hours on, with crow's feet charted. */
    VisitChart draftToday() {
        clinic.clock.advance(Duration.ofHours(5));
        return chart.drafted(pattern("Dysport crow", chart.dysport, chart.dysportLot));
    }

    @Override
    public void close() {
        chart.close();
    }
}
