package org.needlepoint.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.needlepoint.chart.Parts.BOTOX;
import static org.needlepoint.chart.Parts.BOTOX_LOT;
import static org.needlepoint.chart.Parts.CATALOG;
import static org.needlepoint.chart.Parts.DYSPORT;
import static org.needlepoint.chart.Parts.DYSPORT_LATE;
import static org.needlepoint.chart.Parts.DYSPORT_SOON;
import static org.needlepoint.chart.Parts.FILLER;
import static org.needlepoint.chart.Parts.FRESH;
import static org.needlepoint.chart.Parts.SCULPTRA;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.inventory.Unit;

/** The brush's state and rules, without a window. */
class BrushModelTest {

    @Test
    void aProductChosenStartsTheBrushWithItsUsualPointAndTheLotThatExpiresFirst() {
        BrushModel b = Parts.brush();
        assertThat(b.products()).as("products in use").containsExactly(DYSPORT, BOTOX, SCULPTRA, FILLER);
        assertThat(b.brushProperty().get()).as("no product, nothing to place").isNull();

        b.productProperty().set(DYSPORT);

        assertThat(b.lots()).as("usable lots, first to expire first; the expired one is not offered")
                .containsExactly(DYSPORT_SOON, DYSPORT_LATE);
        assertThat(b.lotProperty().get()).isEqualTo(DYSPORT_SOON);
        assertThat(b.amountProperty().get()).as("Dysport's usual point, in Speywood units").isEqualTo("10");
        assertThat(b.depthProperty().get()).isEqualTo(Depth.INTRAMUSCULAR);
        assertThat(b.techniqueProperty().get()).isEqualTo(Technique.NEEDLE_BOLUS);
        assertThat(b.unitProperty().get()).isEqualTo("U per point");
        assertThat(b.brushProperty().get()).isEqualTo(new Brush(DYSPORT.id(), DYSPORT_SOON.id(), null,
                new BigDecimal("10"), Depth.INTRAMUSCULAR, Technique.NEEDLE_BOLUS, null));

        b.productProperty().set(SCULPTRA);
        assertThat(b.amountProperty().get()).isEqualTo("0.5");
        assertThat(b.depthProperty().get()).isEqualTo(Depth.SUBCUTANEOUS);
        assertThat(b.techniqueProperty().get()).isEqualTo(Technique.CANNULA_FANNING);
        assertThat(b.unitProperty().get()).isEqualTo("mL per point");
    }

    @Test
    void theUsualPointComesFromTheCatalogueAsTheAdminLeftIt() {
        BrushModel b = Parts.brush();
        b.catalogProperty().set(new Catalog(List.of(DYSPORT.withDefaults(new BigDecimal("15"), Depth.INTRADERMAL,
                Technique.NEEDLE_MICRODROPLET)), List.of(DYSPORT_LATE)));
        b.productProperty().set(b.products().get(0));
        assertThat(b.amountProperty().get()).isEqualTo("15");
        assertThat(b.depthProperty().get()).isEqualTo(Depth.INTRADERMAL);
        assertThat(b.techniqueProperty().get()).isEqualTo(Technique.NEEDLE_MICRODROPLET);

        b.productProperty().set(null);
        b.catalogProperty().set(CATALOG);
        b.productProperty().set(FILLER);
        assertThat(b.amountProperty().get()).as("no usual point: the injector types it").isEmpty();
        assertThat(b.depthProperty().get()).isNull();
        assertThat(b.brushProperty().get()).isNull();
        assertThat(b.amountErrorProperty().get()).contains("Type the amount");
        b.amountProperty().set("0.2");
        assertThat(b.brushProperty().get().amount()).isEqualByComparingTo("0.2");
        assertThat(b.amountErrorProperty().get()).isNull();
    }

    @Test
    void theSameProductAgainKeepsWhatWasTypedAndAnotherStartsAfresh() {
        BrushModel b = Parts.brush();
        b.productProperty().set(DYSPORT);
        b.amountProperty().set("12.5");
        b.lotProperty().set(DYSPORT_LATE);
        b.techniqueProperty().set(Technique.NEEDLE_MICRODROPLET);

        b.catalogProperty().set(new Catalog(CATALOG.products(), CATALOG.lots(), CATALOG.vials()));

        assertThat(b.productProperty().get()).isEqualTo(DYSPORT);
        assertThat(b.amountProperty().get()).as("a catalogue read again keeps the brush").isEqualTo("12.5");
        assertThat(b.lotProperty().get()).isEqualTo(DYSPORT_LATE);
        assertThat(b.techniqueProperty().get()).isEqualTo(Technique.NEEDLE_MICRODROPLET);

        b.productProperty().set(BOTOX);
        assertThat(b.amountProperty().get()).as("Botox's usual point, not the Dysport dose").isEqualTo("4");
        assertThat(b.lotProperty().get()).isEqualTo(BOTOX_LOT);
        assertThat(b.techniqueProperty().get()).isEqualTo(Technique.NEEDLE_SERIAL_PUNCTURE);
    }

    @Test
    void anAmountThatIsNotOneLeavesNothingToPlace() {
        BrushModel b = Parts.brush();
        b.productProperty().set(DYSPORT);
        for (String typed : List.of("", "abc", "0", "-5", "1.2345")) {
            b.amountProperty().set(typed);
            assertThat(b.brushProperty().get()).as(typed).isNull();
            assertThat(b.amountErrorProperty().get()).as(typed).isNotNull();
        }
        b.amountProperty().set("7,5");
        assertThat(b.brushProperty().get()).as("a decimal comma is an amount").isNotNull();
    }

    @Test
    void aVialIsOnTheBrushOnlyWhenItIsOfTheBrushsLotAndProduct() {
        BrushModel b = Parts.brush();
        b.productProperty().set(DYSPORT);
        b.vialProperty().set(FRESH);
        assertThat(b.brushProperty().get().vialId()).as("FRESH is of DY-LATE, the brush is on DY-SOON").isNull();

        b.lotProperty().set(DYSPORT_LATE);
        assertThat(b.brushProperty().get().vialId()).isEqualTo(FRESH.id());
        assertThat(b.brushProperty().get().lotId()).isEqualTo(DYSPORT_LATE.id());

        b.productProperty().set(BOTOX);
        assertThat(b.brushProperty().get().vialId()).isNull();
    }

    @Test
    void aScannedPackChoosesItsProductAndLotOrSaysWhyNot() {
        BrushModel b = Parts.brush();
        b.productProperty().set(BOTOX);

        assertThat(b.scan("not a barcode")).isEmpty();
        assertThat(b.scanErrorProperty().get()).startsWith("✖ ");
        assertThat(b.productProperty().get()).as("nothing changes").isEqualTo(BOTOX);
        assertThat(b.scan("   ")).isEmpty();
        assertThat(b.scan("(01)02099990003007(17)271121(10)DY-LATE")).isPresent()
                .get().satisfies(code -> assertThat(code.lot()).isEqualTo("DY-LATE"));

        b.scanRefused("Lot DY9 of Dysport 300 U was recalled.");
        assertThat(b.scanErrorProperty().get()).isEqualTo("✖ Lot DY9 of Dysport 300 U was recalled.");

        b.scanAccepted(DYSPORT_LATE, CATALOG);
        assertThat(b.scanErrorProperty().get()).isNull();
        assertThat(b.productProperty().get()).isEqualTo(DYSPORT);
        assertThat(b.lotProperty().get()).isEqualTo(DYSPORT_LATE);
        assertThat(b.amountProperty().get()).isEqualTo("10");
        assertThat(b.scanStatusProperty().get()).contains("DY-LATE", "Dysport 300 U", "next points");

        Lot depleted = new Lot(14, DYSPORT.id(), "DY-EMPTY", Parts.TODAY.plusYears(2), org.needlepoint.inventory.LotStatus.ACTIVE,
                Parts.TODAY, 1, 0, 0, null, null, null, 0);
        b.scanAccepted(depleted, CATALOG);
        assertThat(b.lotProperty().get()).as("a lot the books show empty is listed when its pack is scanned")
                .isEqualTo(depleted);
        assertThat(b.lots()).contains(depleted);
    }

    @Test
    void aPatternIsChartedWithTheBrushOrTheFittingProductWhoseLotExpiresFirst() {
        ChartPattern glabella = new ChartPattern(1, "Dysport glabellar lines (label, 5 x 10 U)", ProductKind.TOXIN,
                Unit.U, "Dysport", true, null, List.of(
                new PatternPoint(DiagramView.FACE_FRONT, 0.5, 0.46, Region.PROCERUS, Side.MIDLINE, BigDecimal.TEN, null, null)));
        ChartPattern fan = new ChartPattern(2, "Filler fan", ProductKind.HA_FILLER, Unit.ML, null, false, null, List.of());
        BrushModel b = Parts.brush();
        b.productProperty().set(BOTOX);

        assertThat(b.productFor(glabella)).as("Botox does not fit a Dysport pattern").contains(DYSPORT);
        var keys = new AtomicInteger();
        List<InjectionPoint> points = b.apply(glabella, () -> "k" + keys.incrementAndGet()).orElseThrow();

        assertThat(b.productProperty().get()).isEqualTo(DYSPORT);
        assertThat(points).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("k1");
            assertThat(p.productId()).isEqualTo(DYSPORT.id());
            assertThat(p.lotId()).isEqualTo(DYSPORT_SOON.id());
            assertThat(p.region()).isEqualTo(Region.PROCERUS);
        });

        b.lotProperty().set(DYSPORT_LATE);
        b.vialProperty().set(FRESH);
        assertThat(b.apply(glabella, () -> "k" + keys.incrementAndGet()).orElseThrow())
                .singleElement().satisfies(p -> assertThat(p.vialId()).as("drawn from the brush's vial").isEqualTo(FRESH.id()));

        BrushModel empty = new BrushModel(() -> Parts.TODAY);
        empty.catalogProperty().set(new Catalog(List.of(DYSPORT, FILLER), List.of()));
        assertThat(empty.productFor(fan)).as("no lot of a fitting product in stock").isEmpty();
        assertThat(empty.apply(fan, () -> "x")).isEmpty();
    }
}
