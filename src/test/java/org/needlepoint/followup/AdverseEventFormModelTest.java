package org.needlepoint.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.needlepoint.followup.SideEffectFormData.VISIT_DAY;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The side-effect form's fields without a window: what follows from what is typed, and what it checks itself. */
class AdverseEventFormModelTest {
    private final AdverseEventFormModel form = new AdverseEventFormModel();
    private final List<String> edits = new ArrayList<>();

    @BeforeEach
    void fill() {
        form.setVisitDate(VISIT_DAY);
        form.setOnEdited(edits::add);
        form.fill(AdverseEventDraft.start(7, 40, List.of(), VISIT_DAY));
    }

    @Test
    void aFilledFormIsUnchangedAndUntouched() {
        assertThat(edits).isEmpty();
        assertThat(form.isDirty()).isFalse();
        assertThat(form.onsetDateProperty().get()).isEqualTo("11/21/2026");
        assertThat(form.severityProperty().get()).isEqualTo(Severity.GRADE_1);
        assertThat(form.outcomeProperty().get()).isEqualTo(EventOutcome.ONGOING);
        assertThat(form.timingProperty().get()).isEqualTo("Early (< 14 days): onset on the day of the visit of 21 Nov 2026");

        form.descriptionProperty().set("Bruise.");
        assertThat(edits).containsExactly("description");
        assertThat(form.isDirty()).isTrue();
        form.descriptionProperty().set("");
        assertThat(form.isDirty()).isFalse();
        form.descriptionProperty().set("Bruise.");
        form.keepAsIs();
        assertThat(form.isDirty()).as("kept as is when leaving").isFalse();
    }

    @Test
    void theTimingFollowsTheOnsetAsItIsTyped() {
        form.onsetDateProperty().set("11/22/2026");
        assertThat(form.timingProperty().get()).isEqualTo("Early (< 14 days): onset 1 day after the visit of 21 Nov 2026");
        form.onsetDateProperty().set("12/15/2026");
        assertThat(form.timingProperty().get()).isEqualTo("Late (14 days - 1 year): onset 24 days after the visit of 21 Nov 2026");
        form.onsetDateProperty().set("11/20/2026");
        assertThat(form.timingProperty().get()).isEqualTo("\u2013 (the onset is before the visit of 21 Nov 2026)");
        form.onsetDateProperty().set("11/2");
        assertThat(form.timingProperty().get()).startsWith("Enter the onset");
    }

    @Test
    void aBruiseWithinTheWindowIsExpectedUnlessTheInjectorSaysOtherwise() {
        assertThat(form.expectedFitsProperty().get()).as("no type yet").isFalse();
        form.typeProperty().set(AdverseEventType.BRUISING);
        form.onsetDateProperty().set("11/23/2026");
        assertThat(form.expectedFitsProperty().get()).isTrue();
        assertThat(form.expectedStatusProperty().get()).startsWith("Recorded as an expected reaction");
        assertThat(form.draft(7, 40, List.of()).notExpected()).isFalse();

        form.notExpectedProperty().set(true);
        assertThat(form.expectedStatusProperty().get()).startsWith("Recorded as an adverse reaction");
        assertThat(form.draft(7, 40, List.of()).notExpected()).isTrue();
        assertThat(edits).contains("notExpected");

        form.severityProperty().set(Severity.GRADE_3);
        assertThat(form.expectedFitsProperty().get()).as("a severe bruise is not the expected reaction").isFalse();
        form.severityProperty().set(Severity.GRADE_1);
        form.onsetDateProperty().set("12/10/2026");
        assertThat(form.expectedFitsProperty().get()).as("19 days after the visit: outside the window").isFalse();
        form.onsetDateProperty().set("11/21/2026");
        form.typeProperty().set(AdverseEventType.PAPULE_NODULE);
        assertThat(form.expectedFitsProperty().get()).isFalse();
    }

    @Test
    void rowsShowWhenTheirAnswerNeedsThem() {
        assertThat(form.otherShownProperty().get()).isFalse();
        form.typeProperty().set(AdverseEventType.OTHER);
        assertThat(form.otherShownProperty().get()).isTrue();
        assertThat(form.deathShownProperty().get()).isFalse();
        form.seriousProperty(SeriousOutcome.DEATH).set(true);
        assertThat(form.deathShownProperty().get()).isTrue();
        assertThat(form.outcomeDateEnabledProperty().get()).isFalse();
        form.outcomeProperty().set(EventOutcome.RESOLVED);
        assertThat(form.outcomeDateEnabledProperty().get()).isTrue();
        form.severityProperty().set(Severity.GRADE_3);
        assertThat(form.severityMeaningProperty().get())
                .isEqualTo("Grade 3 \u2013 Severe: medically significant; not immediately life-threatening.");
    }

    @Test
    void anUrgentTypeOrSignSaysWhatSavingDoesUntilTheAlertIsUp() {
        assertThat(form.urgentHintProperty().get()).isEmpty();
        form.typeProperty().set(AdverseEventType.VASCULAR_OCCLUSION);
        form.visionChangeProperty().set(true);
        assertThat(form.urgentHintProperty().get()).startsWith("URGENT (Vascular occlusion, vision change): saving raises"
                + " the red alert");
        form.setUrgentAlreadyRaised(true);
        assertThat(form.urgentHintProperty().get()).as("the red panel says it all").isEmpty();
        form.setUrgentAlreadyRaised(false);
        form.typeProperty().set(AdverseEventType.BRUISING);
        form.visionChangeProperty().set(false);
        form.breathingDifficultyProperty().set(true);
        assertThat(form.urgentHintProperty().get()).startsWith("URGENT (breathing or swallowing difficulty)");

        form.showUrgent("1. Stop injecting.", "Vascular occlusion", true, false);
        assertThat(form.urgentTitleProperty().get()).isEqualTo("URGENT: Vascular occlusion; vision change. Act now, in"
                + " this order:");
        assertThat(form.urgentChecklistProperty().get()).isEqualTo("1. Stop injecting.");
        form.showUrgent(null, "Bruising", false, false);
        assertThat(form.urgentChecklistProperty().get()).isNull();
    }

    @Test
    void theDraftHoldsWhatIsTypedAndLeavesOutRowsThatAreNotShown() {
        form.typeProperty().set(AdverseEventType.EYELID_PTOSIS);
        form.otherDescriptionProperty().set("left over from OTHER");
        form.onsetDateProperty().set("11/22/2026");
        form.weightKgProperty().set("64.5");
        form.deathDateProperty().set("11/30/2026");
        form.outcomeDateProperty().set("11/30/2026");
        form.descriptionProperty().set("  Left lid droops.  ");
        AdverseEventDraft d = form.draft(7, 40, List.of("d1", "d2"));
        assertThat(d.pointKeys()).containsExactly("d1", "d2");
        assertThat(d.onsetDate()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(d.type()).isEqualTo(AdverseEventType.EYELID_PTOSIS);
        assertThat(d.otherDescription()).as("only for OTHER").isNull();
        assertThat(d.deathDate()).as("death not ticked").isNull();
        assertThat(d.outcomeDate()).as("not resolved").isNull();
        assertThat(d.weightKg()).isEqualByComparingTo("64.5");
        assertThat(d.description()).isEqualTo("Left lid droops.");

        form.seriousProperty(SeriousOutcome.DEATH).set(true);
        form.outcomeProperty().set(EventOutcome.RESOLVED);
        AdverseEventDraft d2 = form.draft(7, 40, List.of("d1"));
        assertThat(d2.serious()).containsExactly(SeriousOutcome.DEATH);
        assertThat(d2.deathDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(d2.outcomeDate()).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void textThatIsNoDateOrNumberIsAProblemOnlyTheScreenSees() {
        form.onsetDateProperty().set("11/31/2026");
        form.reportedOnProperty().set("yesterday");
        form.weightKgProperty().set("sixty");
        form.outcomeDateProperty().set("soon");
        assertThat(form.localProblems()).containsExactly(
                Map.entry("onsetDate", "There is no such date: 11/31/2026."),
                Map.entry("reportedOn", "Not a date: type MM/DD/YYYY."),
                Map.entry("weightKg", "Not a number: type the weight in kg, e.g. 64.5, or leave it empty."));
        form.outcomeProperty().set(EventOutcome.RESOLVED_WITH_SEQUELAE);
        assertThat(form.localProblems()).containsKey("outcomeDate");
        AdverseEventDraft d = form.draft(7, 40, List.of("d1"));
        assertThat(d.onsetDate()).isNull();
        assertThat(d.weightKg()).isNull();
    }

    @Test
    void problemsShowOnTheFieldsTouchedAndOnAllOnceSaveWasPressed() {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("onsetDate", "The onset cannot be before the visit.");
        problems.put("type", "Choose the side effect.");
        problems.put("serious", "A death is grade 5: choose grade 5.");
        problems.put("points", "Select the points on the map.");

        form.onsetDateProperty().set("11/20/2026");
        form.showProblems(problems, false);
        assertThat(form.shownProblems()).containsOnlyKeys("onsetDate");
        assertThat(form.seriousErrorProperty().get()).isNull();

        form.severityProperty().set(Severity.GRADE_3);
        form.showProblems(problems, false);
        assertThat(form.seriousErrorProperty().get()).as("changing the grade shows the serious outcomes' problem")
                .isEqualTo("A death is grade 5: choose grade 5.");

        form.showProblems(problems, true);
        assertThat(form.shownProblems()).as("the points' problem is not the fields'").containsOnlyKeys("onsetDate", "type");

        form.fill(AdverseEventDraft.start(7, 40, List.of(), VISIT_DAY));
        assertThat(form.shownProblems()).isEmpty();
        assertThat(form.seriousErrorProperty().get()).isNull();
        form.showProblems(problems, false);
        assertThat(form.shownProblems()).as("nothing touched after filling").isEmpty();
    }

    @Test
    void aRecordedEventFillsEveryField() {
        AdverseEventDraft d = new AdverseEventDraft(7, 40, List.of("d1"), VISIT_DAY, VISIT_DAY.plusDays(1),
                AdverseEventType.OTHER, "Metallic taste", Severity.GRADE_2, true, false,
                Set.of(SeriousOutcome.HOSPITALIZATION), null, "Since the morning.", "Advice.", "None.",
                new BigDecimal("61.5"), EventOutcome.RESOLVED, VISIT_DAY.plusDays(3));
        form.fill(d);
        assertThat(form.weightKgProperty().get()).isEqualTo("61.5");
        form.fill(new AdverseEventDraft(7, 40, List.of(), VISIT_DAY, VISIT_DAY, null, null, null, false, false, null, null,
                null, null, null, new BigDecimal("61.50"), null, null));
        assertThat(form.weightKgProperty().get()).as("trailing zeros dropped").isEqualTo("61.5");
        form.fill(d);
        assertThat(form.otherDescriptionProperty().get()).isEqualTo("Metallic taste");
        assertThat(form.seriousProperty(SeriousOutcome.HOSPITALIZATION).get()).isTrue();
        assertThat(form.outcomeDateProperty().get()).isEqualTo("11/24/2026");
        assertThat(form.draft(7, 40, List.of("d1"))).isEqualTo(d);
        assertThat(form.isDirty()).isFalse();
    }
}
