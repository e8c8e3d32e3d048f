package org.needlepoint.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

        model.update(List.of(Parts.DYSPORT), Parts.patient("Cow's milk protein", null), false);

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

        model.update(List.of(Parts.DYSPORT, Parts.SCULPTRA), Parts.patient("Cow's milk protein", null), false);
        assertThat(model.entries()).extracting(ScreeningEntry::item).contains(ScreeningItem.KELOIDS);
        model.answerRestNo();
        assertThat(model.answers()).allSatisfy(e -> assertThat(e.answer()).isNotEqualTo(ScreeningAnswer.UNANSWERED));
        assertThat(entry(ScreeningItem.COWS_MILK_ALLERGY).answer()).as("a Yes stays Yes").isEqualTo(ScreeningAnswer.YES);
        assertThat(changes).hasValue(3);
    }

    @Test
    void consentsAndNotesAreChangesAndTheOffLabelConsentIsAskedWhenSculptraGoesOffLabel() {
        model.load(chart(VisitStatus.DRAFT, false, List.of()));
        assertThat(model.offLabelAskedProperty().get()).isFalse();

        model.update(List.of(Parts.SCULPTRA), Parts.patient(null, null), true);
        assertThat(model.offLabelAskedProperty().get()).isTrue();
        model.offLabelConsentProperty().set(true);
        model.consentProperty().set(true);
        model.notesProperty().set("Temples and lips.");
        assertThat(changes).hasValue(3);

        model.update(List.of(Parts.SCULPTRA), Parts.patient(null, null), false);
        assertThat(model.offLabelAskedProperty().get()).as("confirmed: stays in view").isTrue();
    }

    @Test
    void aSignedChartIsLocked() {
        List<ScreeningEntry> answered = List.of(new ScreeningEntry(ScreeningItem.PREGNANCY, ScreeningAnswer.NO, false, null));
        model.load(chart(VisitStatus.SIGNED, false, answered));
        assertThat(model.lockedProperty().get()).isTrue();

        model.answer(ScreeningItem.PREGNANCY, ScreeningAnswer.YES);
        model.answerRestNo();
        model.update(List.of(Parts.DYSPORT), Parts.patient("Cow's milk protein", null), false);

        assertThat(model.answers()).isEqualTo(answered);
        assertThat(changes).hasValue(0);

        model.load(chart(VisitStatus.DRAFT, true, List.of()));
        assertThat(model.lockedProperty().get()).as("what the front desk reads").isTrue();
        model.load(chart(VisitStatus.DRAFT, false, List.of()));
        assertThat(model.lockedProperty().get()).isFalse();
    }
}
