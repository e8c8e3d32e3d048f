package org.needlepoint.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.needlepoint.chart.VisitComparison.ProductChange;
import org.needlepoint.inventory.PackUnit;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.inventory.Unit;

/** The comparison of two visits, on hand-made products and points: no database, no UI. */
class VisitComparisonTest {
    static final Product DYSPORT = product(1, "Dysport 300 U", "Dysport", ProductKind.TOXIN, Unit.U, "#2E86C1");
    static final Product BOTOX = product(2, "Botox Cosmetic 100 U", "Botox Cosmetic", ProductKind.TOXIN, Unit.U, "#0E6655");
    static final Product SCULPTRA = product(3, "Sculptra", "Sculptra", ProductKind.BIOSTIMULATOR, Unit.ML, "#8E44AD");
    /** Catalogue order: toxins first, as the store returns them. */
    static final Catalog CATALOG = new Catalog(List.of(DYSPORT, BOTOX, SCULPTRA), List.of());
    static final Instant AUGUST = Instant.parse("2026-08-21T09:00:00Z");
    static final Instant NOVEMBER = Instant.parse("2026-11-21T09:00:00Z");

    static Product product(long id, String name, String brand, ProductKind kind, Unit unit, String colour) {
        return new Product(id, name, brand, kind, unit, BigDecimal.ONE, unit == Unit.U ? PackUnit.U : PackUnit.ML, null,
                null, null, null, null, null, null, false, false, colour, 0, List.of(), true, 0);
    }

    private int keys;

    InjectionPoint pt(DiagramView view, Region region, Side side, Product p, String amount) {
        return new InjectionPoint("k" + (++keys), view, 0.5, 0.5, region, side, p.id(), null, new BigDecimal(amount),
                p.unit(), null, null, null, null);
    }

    InjectionPoint pt(Region region, Side side, Product p, String amount) {
        return pt(DiagramView.FACE_FRONT, region, side, p, amount);
    }

    static VisitChart visit(long id, Instant startedAt, List<InjectionPoint> points, List<Addendum> addenda) {
        Visit v = new Visit(id, 7, startedAt, 3, "Ivy Injector, NP", VisitStatus.SIGNED, null, true, false,
                startedAt.plusSeconds(1800), 3L, "Ivy Injector, NP", 2, startedAt);
        return new VisitChart(v, points, List.of(), addenda, false);
    }

    static VisitChart visit(long id, Instant startedAt, List<InjectionPoint> points) {
        return visit(id, startedAt, points, List.of());
    }

    /** Glabella, 5 x 10 U = 50 U of Dysport; Sculptra 4 x 1 mL in the cheeks. */
    List<InjectionPoint> august() {
        List<InjectionPoint> p = new ArrayList<>();
        p.add(pt(Region.PROCERUS, Side.MIDLINE, DYSPORT, "10"));
        p.add(pt(Region.CORRUGATOR, Side.RIGHT, DYSPORT, "10"));
        p.add(pt(Region.CORRUGATOR, Side.RIGHT, DYSPORT, "10"));
        p.add(pt(Region.CORRUGATOR, Side.LEFT, DYSPORT, "10"));
        p.add(pt(Region.CORRUGATOR, Side.LEFT, DYSPORT, "10"));
        p.add(pt(Region.MALAR, Side.RIGHT, SCULPTRA, "1"));
        p.add(pt(Region.MALAR, Side.LEFT, SCULPTRA, "1"));
        p.add(pt(Region.SUBMALAR, Side.RIGHT, SCULPTRA, "1.000"));
        p.add(pt(Region.SUBMALAR, Side.LEFT, SCULPTRA, "1.0"));
        return p;
    }

    /** Glabella again plus 2 x 5 U frontalis = 60 U of Dysport, and 20 U of Botox for crow's feet. */
    List<InjectionPoint> november() {
        List<InjectionPoint> p = new ArrayList<>();
        p.add(pt(Region.PROCERUS, Side.MIDLINE, DYSPORT, "10"));
        p.add(pt(Region.CORRUGATOR, Side.RIGHT, DYSPORT, "20"));
        p.add(pt(Region.CORRUGATOR, Side.LEFT, DYSPORT, "20"));
        p.add(pt(Region.FRONTALIS, Side.RIGHT, DYSPORT, "5"));
        p.add(pt(Region.FRONTALIS, Side.LEFT, DYSPORT, "5"));
        p.add(pt(Region.ORBICULARIS_OCULI_LATERAL, Side.RIGHT, BOTOX, "10"));
        p.add(pt(Region.ORBICULARIS_OCULI_LATERAL, Side.LEFT, BOTOX, "10"));
        return p;
    }

    @Test
    void eachProductsTotalIsComparedWithTheChangeSpelledOut() {
        VisitComparison c = VisitComparison.of(visit(1, AUGUST, august()), visit(2, NOVEMBER, november()), CATALOG);

        assertThat(c.products()).extracting(ProductChange::describe).containsExactly(
                "Dysport 300 U: 50 U \u2192 60 U (+10 U)",
                "Botox Cosmetic 100 U: none \u2192 20 U (+20 U)",
                "Sculptra: 4 mL \u2192 none (\u22124 mL)");
        ProductChange dysport = c.products().get(0);
        assertThat(dysport.before()).isEqualByComparingTo("50");
        assertThat(dysport.after()).isEqualByComparingTo("60");
        assertThat(dysport.change()).isEqualByComparingTo("10");
        assertThat(dysport.colour()).isEqualTo("#2E86C1");
        assertThat(c.products().get(1).isNew()).isTrue();
        assertThat(c.products().get(2).isDropped()).isTrue();
        assertThat(c.products().get(2).signedChange()).isEqualTo("\u22124 mL");
        assertThat(c.noDifference()).isFalse();
    }

    @Test
    void theEarlierVisitIsOnTheLeftWhicheverOrderTheyCome() {
        VisitChart aug = visit(1, AUGUST, august());
        VisitChart nov = visit(2, NOVEMBER, november());

        VisitComparison c = VisitComparison.of(nov, aug, CATALOG);

        assertThat(c.earlier()).isSameAs(aug);
        assertThat(c.later()).isSameAs(nov);
        assertThat(c.products().get(0).describe()).isEqualTo("Dysport 300 U: 50 U \u2192 60 U (+10 U)");
    }

    @Test
    void twoVisitsStartedAtTheSameInstantAreOrderedById() {
        VisitChart first = visit(4, AUGUST, august());
        VisitChart second = visit(9, AUGUST, november());

        assertThat(VisitComparison.of(second, first, CATALOG).earlier()).isSameAs(first);
    }

    @Test
    void regionsTreatedInOneVisitOnlyAreListedOnTheirSide() {
        VisitComparison c = VisitComparison.of(visit(1, AUGUST, august()), visit(2, NOVEMBER, november()), CATALOG);

        assertThat(c.onlyEarlier()).containsExactly(Region.MALAR, Region.SUBMALAR);
        assertThat(c.onlyLater()).containsExactly(Region.FRONTALIS, Region.ORBICULARIS_OCULI_LATERAL);
        assertThat(c.inBoth()).containsExactly(Region.CORRUGATOR, Region.PROCERUS);
    }

    @Test
    void aLessenedDoseIsNegativeAndTheSameDoseIsNoChange() {
        List<InjectionPoint> before = List.of(pt(Region.FRONTALIS, Side.MIDLINE, DYSPORT, "20"),
                pt(Region.TEMPLE, Side.LEFT, SCULPTRA, "0.5"), pt(Region.TEMPLE, Side.RIGHT, SCULPTRA, "0.50"));
        List<InjectionPoint> after = List.of(pt(Region.FRONTALIS, Side.MIDLINE, DYSPORT, "12.5"),
                pt(Region.TEMPLE, Side.LEFT, SCULPTRA, "1"));

        List<ProductChange> changes = VisitComparison.productChanges(before, after, CATALOG);

        assertThat(changes).extracting(ProductChange::describe).containsExactly(
                "Dysport 300 U: 20 U \u2192 12.5 U (\u22127.5 U)",
                "Sculptra: 1 mL \u2192 1 mL (no change)");
    }

    @Test
    void identicalMapsHaveNoDifference() {
        VisitComparison c = VisitComparison.of(visit(1, AUGUST, august()), visit(2, NOVEMBER, august()), CATALOG);

        assertThat(c.noDifference()).isTrue();
        assertThat(c.onlyEarlier()).isEmpty();
        assertThat(c.onlyLater()).isEmpty();
        assertThat(c.products()).allSatisfy(p -> assertThat(p.signedChange()).isEqualTo("no change"));
    }

    @Test
    void addendumPointsCountAsPartOfTheirVisit() {
        InjectionPoint touchUp = pt(Region.FRONTALIS, Side.LEFT, DYSPORT, "5");
        Addendum a = new Addendum(11, 1, 3, "Ivy Injector, NP", AUGUST.plusSeconds(86_400), "Touch-up at review.",
                List.of(touchUp));
        VisitChart aug = visit(1, AUGUST, august(), List.of(a));

        VisitComparison c = VisitComparison.of(aug, visit(2, NOVEMBER, november()), CATALOG);

        assertThat(c.products().get(0).describe()).isEqualTo("Dysport 300 U: 55 U \u2192 60 U (+5 U)");
        assertThat(c.onlyLater()).doesNotContain(Region.FRONTALIS);
        assertThat(c.inBoth()).contains(Region.FRONTALIS);
    }

    @Test
    void productsMissingFromTheCatalogueAreLeftOut() {
        InjectionPoint unknown = new InjectionPoint("x", DiagramView.FACE_FRONT, 0.5, 0.5, Region.CHIN, Side.MIDLINE, 99,
                null, BigDecimal.ONE, Unit.ML, null, null, null, null);

        List<ProductChange> changes = VisitComparison.productChanges(List.of(unknown), august(), CATALOG);

        assertThat(changes).extracting(ProductChange::productId).containsExactly(DYSPORT.id(), SCULPTRA.id());
    }

    @Test
    void theViewsOfferedAreThoseEitherVisitUsedWithTheFrontOfTheFaceFirst() {
        List<InjectionPoint> profile = List.of(pt(DiagramView.FACE_LEFT, Region.MASSETER, Side.LEFT, DYSPORT, "25"));
        List<InjectionPoint> body = List.of(pt(DiagramView.BODY_FRONT, Region.ABDOMEN, Side.MIDLINE, SCULPTRA, "2"));
        List<InjectionPoint> front = new ArrayList<>(august());
        front.addAll(profile);

        VisitComparison both = VisitComparison.of(visit(1, AUGUST, front), visit(2, NOVEMBER, body), CATALOG);
        assertThat(both.views()).containsExactly(DiagramView.FACE_FRONT, DiagramView.FACE_LEFT, DiagramView.BODY_FRONT);
        assertThat(both.viewChoices()).containsExactly(DiagramView.FACE_FRONT, DiagramView.FACE_LEFT,
                DiagramView.BODY_FRONT);
        assertThat(both.defaultView()).isEqualTo(DiagramView.FACE_FRONT);
        assertThat(VisitComparison.pointsOn(both.earlier(), DiagramView.FACE_FRONT)).isEqualTo(9);
        assertThat(VisitComparison.pointsOn(both.earlier(), DiagramView.FACE_LEFT)).isEqualTo(1);

        VisitComparison noFront = VisitComparison.of(visit(1, AUGUST, profile), visit(2, NOVEMBER, body), CATALOG);
        assertThat(noFront.defaultView()).isEqualTo(DiagramView.FACE_LEFT);
        assertThat(noFront.viewChoices()).containsExactly(DiagramView.FACE_LEFT, DiagramView.BODY_FRONT);
    }

    @Test
    void twoEmptyMapsOfferTheFrontOfTheFace() {
        VisitComparison c = VisitComparison.of(visit(1, AUGUST, List.of()), visit(2, NOVEMBER, List.of()), CATALOG);

        assertThat(c.views()).isEmpty();
        assertThat(c.viewChoices()).containsExactly(DiagramView.FACE_FRONT);
        assertThat(c.defaultView()).isEqualTo(DiagramView.FACE_FRONT);
        assertThat(c.products()).isEmpty();
        assertThat(c.noDifference()).isTrue();
    }
}
