package org.needlepoint.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.needlepoint.chart.Parts.CATALOG;
import static org.needlepoint.chart.Parts.DYSPORT;
import static org.needlepoint.chart.Parts.DYSPORT_LATE;
import static org.needlepoint.chart.Parts.DYSPORT_SOON;
import static org.needlepoint.chart.Parts.FILLER;
import static org.needlepoint.chart.Parts.FRESH;
import static org.needlepoint.chart.Parts.PAST;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Vial;

/** The vials at the chair, without a window; the brush's product and lot are set as the chart binds them. */
class VialsModelTest {
    VialsModel vials;
    final List<Lot> lotsAsked = new ArrayList<>();
    final List<Vial> overridesAsked = new ArrayList<>();

    @BeforeEach
    void setUp() {
        vials = new VialsModel(Parts.CLOCK);
        vials.setOnLotOfVial(l -> {
            lotsAsked.add(l);
            vials.lotProperty().set(l); // as the brush does
        });
        vials.setOnOverrideNeeded(overridesAsked::add);
        vials.catalogProperty().set(CATALOG);
    }

    @Test
    void aReconstitutedProductShowsItsOpenVialsOldestFirst() {
        vials.productProperty().set(FILLER);
        assertThat(vials.visibleProperty().get()).as("a syringe has no vial").isFalse();
        assertThat(vials.vials()).isEmpty();

        vials.productProperty().set(DYSPORT);
        assertThat(vials.visibleProperty().get()).isTrue();
        assertThat(vials.vials()).containsExactly(PAST, FRESH);
        assertThat(vials.vialProperty().get()).isNull();
        assertThat(vials.promptProperty().get()).startsWith("Choose the vial");
        assertThat(vials.infoProperty().get()).contains("charted from the lot");

        vials.catalogProperty().set(new Catalog(CATALOG.products(), CATALOG.lots(), List.of()));
        assertThat(vials.promptProperty().get()).isEqualTo("No open vial: open one below");
    }

    @Test
    void aVialChosenBringsItsLotAndAnotherLotLetsGoOfIt() {
        vials.productProperty().set(DYSPORT);
        vials.lotProperty().set(DYSPORT_SOON);

        vials.vialProperty().set(FRESH);

        assertThat(lotsAsked).containsExactly(DYSPORT_LATE);
        assertThat(vials.chartedProperty().get()).isEqualTo(FRESH);
        assertThat(vials.infoProperty().get()).contains("Vial 101", "Opened 08:00 by Ivy Injector", "usable until 12:00");
        assertThat(vials.infoAlertProperty().get()).isFalse();
        assertThat(overridesAsked).isEmpty();

        vials.lotProperty().set(DYSPORT_SOON);
        assertThat(vials.vialProperty().get()).isNull();
        assertThat(vials.chartedProperty().get()).isNull();
    }

    @Test
    void aVialPastItsHoursIsChartedFromOnlyOnceItsOverrideIsRecorded() {
        vials.productProperty().set(DYSPORT);
        vials.lotProperty().set(DYSPORT_SOON);

        vials.vialProperty().set(PAST);

        assertThat(overridesAsked).containsExactly(PAST);
        assertThat(vials.chartedProperty().get()).as("not before the reason is recorded").isNull();
        assertThat(vials.infoProperty().get()).contains("PAST ITS USABLE HOURS");
        assertThat(vials.infoAlertProperty().get()).isTrue();
        assertThat(vials.cellText(PAST, true)).startsWith("⚠ ").endsWith("PAST ITS HOURS");
        assertThat(vials.overrideHeader(PAST)).contains("Vial 102", "usable until 11/20/2026 12:00");

        vials.overrideRecorded(PAST.id());
        assertThat(vials.chartedProperty().get()).isEqualTo(PAST);
        assertThat(vials.infoProperty().get()).contains("override recorded for this visit");
        assertThat(vials.overridden()).containsExactly(PAST.id());

        vials.vialProperty().set(null);
        vials.vialProperty().set(PAST);
        assertThat(overridesAsked).as("asked once per visit").hasSize(1);
    }

    @Test
    void aDeclinedOverrideLeavesTheVialUnused() {
        vials.productProperty().set(DYSPORT);
        vials.vialProperty().set(PAST);
        vials.overrideDeclined(PAST);
        assertThat(vials.vialProperty().get()).isNull();
        assertThat(vials.chartedProperty().get()).isNull();
        assertThat(VialsModel.isReason("  ")).isFalse();
        assertThat(VialsModel.isReason("Kept at 4 °C")).isTrue();
    }

    @Test
    void aVialJustOpenedIsTheOneTheNextPointsComeFrom() {
        vials.productProperty().set(DYSPORT);
        vials.lotProperty().set(DYSPORT_SOON);
        Vial opened = Parts.vial(103, DYSPORT_LATE, Parts.NOW, Parts.NOW.plusSeconds(4 * 3600));

        vials.opened(opened, new Catalog(CATALOG.products(), CATALOG.lots(), List.of(PAST, FRESH, opened)));

        assertThat(vials.vials()).containsExactly(PAST, FRESH, opened);
        assertThat(vials.vialProperty().get()).isEqualTo(opened);
        assertThat(vials.chartedProperty().get()).isEqualTo(opened);
        assertThat(lotsAsked).containsExactly(DYSPORT_LATE);
        assertThat(overridesAsked).isEmpty();
    }
}
