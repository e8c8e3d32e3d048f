package org.needlepoint.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.schedule.ConsentCoverage;
import org.needlepoint.schedule.ConsentKind;
import org.needlepoint.schedule.SignedConsent;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Screening and consent, without a window. */
class ScreeningModelTest {
    final ScreeningModel model = new ScreeningModel();
    final AtomicInteger changes = new AtomicInteger();

    @BeforeEach
    void setUp() {
        model.setOnChange(changes::incrementAndGet);
    }

    private static VisitChart chart(VisitStatus status, boolean redacted, List<ScreeningEntry> screening) {
        return new VisitChart(Parts.visit(status, false, false), List.of(), screening, List.of(), redacted);
    }

    private ScreeningEntry entry(ScreeningItem item) {
        return model.entries().stream().filter(e -> e.item() == item).findFirst().orElseThrow();
    }

    @Test
    void theChecklistFollowsTheProductsChartedPreFlaggedFromTheRecord() {
        model.load(chart(VisitStatus.DRAFT, false, List.of()));
        assertThat(model.notesProperty().get()).isEqualTo("Notes.");
        assertThat(changes).as("loading is not a change").hasValue(0);

        model.update(List.of(Parts.DYSPORT), Parts.patient("Cow's milk protein", null));

        assertThat(model.entries()).extracting(ScreeningEntry::item).contains(ScreeningItem.NEUROMUSCULAR,
                ScreeningItem.COWS_MILK_ALLERGY).doesNotContain(ScreeningItem.KELOIDS);
        assertThat(entry(ScreeningItem.COWS_MILK_ALLERGY)).satisfies(e -> {
            assertThat(e.answer()).isEqualTo(ScreeningAnswer.YES);
            assertThat(ScreeningModel.label(e)).endsWith("(on the patient's record)");
        });
        assertThat(changes).as("the checklist growing with the products is not the injector's change").hasValue(0);

        model.toggled(ScreeningItem.NEUROMUSCULAR, false, true);
        assertThat(entry(ScreeningItem.NEUROMUSCULAR).answer()).isEqualTo(ScreeningAnswer.NO);
        model.toggled(ScreeningItem.NEUROMUSCULAR, false, false);
        assertThat(entry(ScreeningItem.NEUROMUSCULAR).answer()).as("released: open again").isEqualTo(ScreeningAnswer.UNANSWERED);
        assertThat(changes).hasValue(2);

        model.update(List.of(Parts.DYSPORT, Parts.SCULPTRA), Parts.patient("Cow's milk protein", null));
        assertThat(model.entries()).extracting(ScreeningEntry::item).contains(ScreeningItem.KELOIDS);
        model.answerRestNo();
        assertThat(model.answers()).allSatisfy(e -> assertThat(e.answer()).isNotEqualTo(ScreeningAnswer.UNANSWERED));
        assertThat(entry(ScreeningItem.COWS_MILK_ALLERGY).answer()).as("a Yes stays Yes").isEqualTo(ScreeningAnswer.YES);
        assertThat(changes).hasValue(3);
    }

    @Test
    void theConsentStepFollowsTheSignedConsentsOnFileForTheKindsCharted() {
        model.load(chart(VisitStatus.DRAFT, false, List.of()));
        model.update(List.of(Parts.SCULPTRA), Parts.patient(null, null));
        ScreeningModel.CoverageQuery q = model.coverageQueryProperty().get();
        assertThat(q.kinds()).containsExactly(ProductKind.BIOSTIMULATOR);
        assertThat(model.neededKinds()).containsExactly(ConsentKind.BIOSTIMULATOR);
        assertThat(model.consentMissing()).as("not looked up yet").startsWith("Looking");

        LocalDate day = LocalDate.of(2026, 11, 21);
        model.showCoverage(q, new ConsentCoverage(day, Map.of(), Set.of(ConsentKind.BIOSTIMULATOR)));
        assertThat(model.consentMissing()).isEqualTo("No valid consent on file for Sculptra (PLLA), with off-label use.");
        assertThat(model.consentProperty().get()).isFalse();

        SignedConsent sculptra = new SignedConsent(4, 1, 9, ConsentKind.BIOSTIMULATOR, 2, "Sculptra consent",
                Instant.parse("2026-11-20T15:00:00Z"), day.minusDays(1), 3, "Dana Desk", null, day.plusMonths(12));
        model.showCoverage(q, new ConsentCoverage(day, Map.of(ConsentKind.BIOSTIMULATOR, sculptra), Set.of()));
        assertThat(model.consentMissing()).isNull();
        assertThat(model.consentLines()).singleElement().asString()
                .contains("Sculptra (PLLA)", "text version 2", "signed 20 Nov 2026", "valid until 21 Nov 2027");
        assertThat(model.consentProperty().get()).as("the draft records the consent on file").isTrue();
        assertThat(model.offLabelConsentProperty().get()).as("its off-label-use section").isTrue();
        assertThat(changes).as("each flag change saves").hasValue(2);

        // a late answer to an older question is dropped
        model.update(List.of(Parts.DYSPORT), Parts.patient(null, null));
        model.showCoverage(q, new ConsentCoverage(day, Map.of(), Set.of(ConsentKind.BIOSTIMULATOR)));
        assertThat(model.consentProperty().get()).isTrue();
        model.notesProperty().set("Temples.");
        assertThat(changes).hasValue(3);
    }

    @Test
    void beforeAnythingIsChartedTheConsentsOnFileShowWithoutCallingAnyMissing() {
        model.load(chart(VisitStatus.DRAFT, false, List.of()));
        model.update(List.of(), Parts.patient(null, null));
        ScreeningModel.CoverageQuery q = model.coverageQueryProperty().get();
        assertThat(q.charted()).isFalse();
        assertThat(q.kinds()).containsExactlyInAnyOrder(ProductKind.values());
        LocalDate day = LocalDate.of(2026, 11, 21);
        SignedConsent toxin = new SignedConsent(5, 1, 9, ConsentKind.TOXIN, 1, "Toxin consent",
                Instant.parse("2026-11-21T09:00:00Z"), day, 3, "Dana Desk", null, day.plusMonths(12).minusDays(1));
        model.showCoverage(q, new ConsentCoverage(day, Map.of(ConsentKind.TOXIN, toxin),
                Set.of(ConsentKind.HA_FILLER, ConsentKind.BIOSTIMULATOR)));
        assertThat(model.consentLines()).singleElement().asString().contains("Botulinum toxin", "signed 21 Nov 2026");
        assertThat(model.consentMissing()).as("nothing charted needs one yet").isNull();
        assertThat(model.neededKinds()).isEmpty();
        assertThat(model.consentProperty().get()).as("no treatment to consent to yet").isFalse();
        assertThat(changes).hasValue(0);

        model.update(List.of(Parts.DYSPORT), Parts.patient(null, null));
        assertThat(model.coverageQueryProperty().get().charted()).isTrue();
        assertThat(model.neededKinds()).containsExactly(ConsentKind.TOXIN);
    }

    @Test
    void aSignedChartIsLocked() {
        List<ScreeningEntry> answered = List.of(new ScreeningEntry(ScreeningItem.PREGNANCY, ScreeningAnswer.NO, false, null));
        model.load(chart(VisitStatus.SIGNED, false, answered));
        assertThat(model.lockedProperty().get()).isTrue();

        model.answer(ScreeningItem.PREGNANCY, ScreeningAnswer.YES);
        model.answerRestNo();
        model.update(List.of(Parts.DYSPORT), Parts.patient("Cow's milk protein", null));

        assertThat(model.answers()).isEqualTo(answered);
        assertThat(changes).hasValue(0);

        model.load(chart(VisitStatus.DRAFT, true, List.of()));
        assertThat(model.lockedProperty().get()).as("what the front desk reads").isTrue();
        model.load(chart(VisitStatus.DRAFT, false, List.of()));
        assertThat(model.lockedProperty().get()).isFalse();
    }
}
