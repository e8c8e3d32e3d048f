package org.needlepoint.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.needlepoint.chart.VisitSummary.ProductAmount;
import org.needlepoint.inventory.Unit;

/** How the timeline and the comparison word dates, totals and counts. */
class VisitHistoryTextTest {
    static final LocalDate TODAY = LocalDate.parse("2026-11-21");

    @Test
    void agesReadAsAnInjectorCountsThem() {
        assertThat(VisitText.ago(TODAY, TODAY)).isEqualTo("today");
        assertThat(VisitText.ago(TODAY.minusDays(1), TODAY)).isEqualTo("yesterday");
        assertThat(VisitText.ago(TODAY.minusDays(13), TODAY)).isEqualTo("13 days ago");
        assertThat(VisitText.ago(TODAY.minusDays(14), TODAY)).isEqualTo("2 weeks ago");
        assertThat(VisitText.ago(TODAY.minusDays(91), TODAY)).isEqualTo("13 weeks ago");
        assertThat(VisitText.ago(TODAY.minusMonths(3), TODAY)).isEqualTo("3 months ago");
        assertThat(VisitText.ago(TODAY.minusMonths(23), TODAY)).isEqualTo("23 months ago");
        assertThat(VisitText.ago(TODAY.minusYears(2), TODAY)).isEqualTo("2 years ago");
        assertThat(VisitText.ago(TODAY.plusDays(2), TODAY)).isEqualTo("in 2 days");
    }

    @Test
    void twoDatesApartInEitherOrder() {
        assertThat(VisitText.apart(TODAY, TODAY)).isEqualTo("the same day");
        assertThat(VisitText.apart(TODAY, TODAY.minusDays(1))).isEqualTo("1 day apart");
        assertThat(VisitText.apart(TODAY.minusDays(91), TODAY)).isEqualTo("13 weeks apart");
        assertThat(VisitText.apart(TODAY, TODAY.minusDays(91))).isEqualTo("13 weeks apart");
        assertThat(VisitText.apart(TODAY.minusMonths(5), TODAY)).isEqualTo("5 months apart");
    }

    @Test
    void productsReadAsNameAndTotal() {
        List<ProductAmount> p = List.of(new ProductAmount(1, "Dysport 300 U", new BigDecimal("50.000"), Unit.U),
                new ProductAmount(2, "Sculptra", new BigDecimal("4.50"), Unit.ML));
        assertThat(VisitText.products(p)).isEqualTo("Dysport 300 U \u00b7 50 U" + VisitText.PRODUCT_GAP + "Sculptra \u00b7 4.5 mL");
        assertThat(VisitText.products(List.of())).isEqualTo("No points charted");
    }

    @Test
    void countsAndRegions() {
        assertThat(VisitText.points(1)).isEqualTo("1 point");
        assertThat(VisitText.points(7)).isEqualTo("7 points");
        assertThat(VisitText.addenda(1)).isEqualTo("1 addendum");
        assertThat(VisitText.addenda(2)).isEqualTo("2 addenda");
        assertThat(VisitText.regions(EnumSet.of(Region.PROCERUS, Region.CORRUGATOR)))
                .isEqualTo("Corrugator supercilii; Procerus");
    }

    @Test
    void datesAndTimesInTheClinicsZone() {
        Instant t = Instant.parse("2026-11-21T23:30:00Z");
        assertThat(VisitText.day(t, ZoneId.of("UTC"))).isEqualTo("21 Nov 2026");
        assertThat(VisitText.day(t, ZoneId.of("Europe/Berlin"))).isEqualTo("22 Nov 2026");
        assertThat(VisitText.time(t, ZoneId.of("Europe/Berlin"))).isEqualTo("00:30");
    }

    @Test
    void markersShowUnitsForToxinsAndMillilitresBare() {
        InjectionPoint toxin = new InjectionPoint("a", DiagramView.FACE_FRONT, 0.5, 0.5, Region.PROCERUS, Side.MIDLINE, 1,
                null, new BigDecimal("10.000"), Unit.U, null, null, null, null);
        InjectionPoint plla = new InjectionPoint("b", DiagramView.FACE_FRONT, 0.3, 0.6, Region.MALAR, Side.RIGHT, 3,
                null, new BigDecimal("0.500"), Unit.ML, null, null, null, null);
        assertThat(CompareVisitsController.markerLabel(toxin)).isEqualTo("10 U");
        assertThat(CompareVisitsController.markerLabel(plla)).isEqualTo("0.5");
    }

    @Test
    void theNoteUnderAMapSaysWhatThisViewShowsAndWhereTheRestAre() {
        InjectionPoint front = new InjectionPoint("a", DiagramView.FACE_FRONT, 0.5, 0.5, Region.PROCERUS, Side.MIDLINE, 1,
                null, BigDecimal.TEN, Unit.U, null, null, null, null);
        InjectionPoint side = new InjectionPoint("b", DiagramView.FACE_LEFT, 0.5, 0.5, Region.MASSETER, Side.LEFT, 1,
                null, BigDecimal.TEN, Unit.U, null, null, null, null);
        VisitChart chart = VisitComparisonTest.visit(1, Instant.parse("2026-11-21T09:00:00Z"), List.of(front, side));

        assertThat(CompareVisitsController.viewNote(chart, DiagramView.FACE_FRONT))
                .isEqualTo("1 point on this view  \u00b7  also 1 on Face, left profile");
        assertThat(CompareVisitsController.viewNote(chart, DiagramView.BODY_BACK))
                .isEqualTo("No points on this view  \u00b7  also 1 on Face, front; 1 on Face, left profile");
    }
}
