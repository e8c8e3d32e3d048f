package org.needlepoint.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.needlepoint.app.Services;
import org.needlepoint.chart.SiteMap;
import org.needlepoint.testing.TestClinic;
import org.testfx.api.FxRobot;

/** The side-effect form, driven as an injector would: from a signed visit's map to a saved event and its tasks. */
class AdverseEventUiTest extends FollowUpUiBase {

    private void reportSideEffect(FxRobot robot) {
        openSignedVisit(robot, "injector");
        robot.clickOn("#reportSideEffectButton");
        settle();
    }

    @Test
    void anEventIsRecordedFromTheVisitsMapWithExactlyTheTappedPointsAndTheirLot(FxRobot robot) {
        reportSideEffect(robot);
        assertThat(text(robot, "aeSubtitle")).contains("Marrowby, Zoë").contains("visit of 21 Nov 2026");
        SiteMap map = node(robot, "eventMap");
        assertThat(map.isReadOnly()).isTrue();
        assertThat(map.points()).hasSize(5);

        tap(robot, D1);
        tap(robot, D2);
        tap(robot, F1);
        tap(robot, F1); // a second tap unselects
        assertThat(text(robot, "pointsSummary")).isEqualTo("2 points selected: lot DY301A");
        assertThat(map.points()).filteredOn(p -> p.label().startsWith("\u2713")).extracting(p -> p.key())
                .containsExactlyInAnyOrder("d1", "d2");
        assertThat(text(robot, "timingLabel")).startsWith("Early (< 14 days): onset on the day of the visit");

        robot.clickOn("#eventType");
        robot.clickOn("Eyelid ptosis");
        settle();
        robot.clickOn("#severity-2");
        settle();
        click(robot, "description");
        robot.write("Left upper lid droops 2 mm since this morning.");
        settle();
        screenshot("adverse-event-form");
        saveWithKeys(robot);

        assertThat(text(robot, "aeError")).isEmpty();
        Services other = elsewhere("admin");
        List<AdverseEventSummary> events = other.adverseEvents().patientEvents(patient.id());
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AdverseEventType.EYELID_PTOSIS);
            assertThat(e.severity()).isEqualTo(Severity.GRADE_2);
            assertThat(e.timing()).isEqualTo(TimingClass.EARLY);
        });
        AdverseEvent saved = other.adverseEvents().event(events.get(0).id());
        assertThat(saved.pointKeys()).containsExactly("d1", "d2");
        assertThat(saved.products()).singleElement().satisfies(p -> {
            assertThat(p.lotNumber()).isEqualTo("DY301A");
            assertThat(p.amount()).isEqualByComparingTo("20");
            assertThat(p.points()).isEqualTo(2);
        });
        assertThat(saved.description()).isEqualTo("Left upper lid droops 2 mm since this morning.");
        // the grade's follow-up calls are on the front desk's worklist
        LocalDate today = other.followUps().today();
        Worklist desk = other.followUps().frontDeskWorklist(today);
        assertThat(desk.upcoming()).filteredOn(r -> r.reason().contains("Eyelid ptosis"))
                .extracting(WorklistRow::due).containsExactly(today.plusDays(2), today.plusDays(7));
        assertThat(desk.upcoming()).filteredOn(r -> r.reason().contains("Eyelid ptosis"))
                .allSatisfy(r -> assertThat(r.phone()).isEqualTo("(555) 301-4455"));
        assertThat(text(robot, "aeTitle")).isEqualTo("Side effect: Eyelid ptosis");
        assertThat(node(robot, "medWatchPdfButton").isDisabled()).isFalse();
        assertThat(seen(robot, "urgentPanel")).as("not urgent").isFalse();
        screenshot("adverse-event-saved");

        // back on the signed visit, the event is linked
        robot.clickOn("#aeBackButton");
        settle();
        assertThat(seen(robot, "chartEvents")).isTrue();
        assertThat(text(robot, "chartEvent-" + saved.id())).contains("Eyelid ptosis").contains("grade 2")
                .contains("Ongoing");
        screenshot("chart-with-event");
    }

    @Test
    void selectAllOnAProductsLineTakesItsPointsAndAnotherTapLeavesThemOut(FxRobot robot) {
        reportSideEffect(robot);
        robot.clickOn("#selectLot-" + filler.id() + "-" + fillerLot.id());
        settle();
        assertThat(text(robot, "pointsSummary")).isEqualTo("2 points selected: lot HA1LA");
        robot.clickOn("#selectAllPointsButton");
        settle();
        assertThat(text(robot, "pointsSummary")).startsWith("5 points selected");
        tap(robot, D3);
        assertThat(text(robot, "pointsSummary")).isEqualTo(
                "4 points selected: lots DY301A, HA1LA");
        robot.clickOn("#clearPointsButton");
        settle();
        assertThat(text(robot, "pointsSummary")).startsWith("Tap the points");
        // pressing Save with nothing selected says so under the map
        saveWithKeys(robot);
        assertThat(seen(robot, "pointsError")).isTrue();
        assertThat(text(robot, "pointsError")).startsWith("Select the points on the map");
        assertThat(elsewhere("admin").adverseEvents().patientEvents(patient.id())).isEmpty();
    }

    @Test
    void anUrgentEventShowsTheClinicsChecklistInRedOnceSaved(FxRobot robot) {
        reportSideEffect(robot);
        robot.clickOn("#selectLot-" + filler.id() + "-" + fillerLot.id());
        settle();
        choose(robot, "eventType", AdverseEventType.VASCULAR_OCCLUSION);
        assertThat(seen(robot, "urgentHint")).isTrue();
        assertThat(seen(robot, "urgentPanel")).isFalse();
        robot.clickOn("#severity-3");
        click(robot, "visionChange");
        settle();
        saveWithKeys(robot);

        assertThat(seen(robot, "urgentPanel")).isTrue();
        assertThat(text(robot, "urgentTitle")).startsWith("URGENT: Vascular occlusion; vision change");
        assertThat(text(robot, "urgentChecklist")).isEqualTo(FollowUpSettings.DEFAULT_URGENT_CHECKLIST);
        assertThat(elsewhere("admin").adverseEvents().openUrgentEvents()).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(AdverseEventType.VASCULAR_OCCLUSION));
        screenshot("adverse-event-urgent");
    }

    @Test
    void problemsShowOnTheFieldAsTheyAreTyped(FxRobot robot) {
        reportSideEffect(robot);
        tap(robot, D3);
        choose(robot, "eventType", AdverseEventType.BRUISING);
        retype(robot, "onsetDate", "11/20/2026");
        assertThat(node(robot, "onsetDate").getStyleClass()).as("an onset before the visit").contains("field-error");
        assertThat(text(robot, "timingLabel")).contains("before the visit");
        retype(robot, "onsetDate", "11/31/2026");
        assertThat(node(robot, "onsetDate").getStyleClass()).contains("field-error");
        retype(robot, "weightKg", "sixty");
        assertThat(node(robot, "weightKg").getStyleClass()).contains("field-error");
        assertThat(node(robot, "reportedOn").getStyleClass()).as("not touched yet").doesNotContain("field-error");

        saveWithKeys(robot);
        assertThat(text(robot, "aeError")).contains("There is no such date: 11/31/2026.")
                .contains("Not a number: type the weight in kg");
        assertThat(elsewhere("admin").adverseEvents().patientEvents(patient.id())).as("nothing half-saved").isEmpty();
        screenshot("adverse-event-problems");

        retype(robot, "onsetDate", "11/21/2026");
        retype(robot, "weightKg", "64.5");
        assertThat(node(robot, "onsetDate").getStyleClass()).doesNotContain("field-error");
        click(robot, "serious-DEATH");
        settle();
        assertThat(seen(robot, "deathRow")).isTrue();
        assertThat(text(robot, "seriousError")).isEqualTo("A death is grade 5: choose grade 5.");
        click(robot, "serious-DEATH");
        settle();
        assertThat(text(robot, "expectedStatus")).isEqualTo("Recorded as an expected reaction, not an adverse reaction.");
        assertThat(node(robot, "notExpected").isDisabled()).isFalse();
        javafx.scene.control.ScrollPane fields = node(robot, "fieldsScroll");
        robot.interact(() -> fields.setVvalue(0));
        screenshot("adverse-event-expected");
        saveWithKeys(robot);
        assertThat(elsewhere("admin").adverseEvents().patientEvents(patient.id())).singleElement()
                .satisfies(e -> {
                    assertThat(e.type()).isEqualTo(AdverseEventType.BRUISING);
                    assertThat(e.expected()).as("a mild bruise on the day of the visit").isTrue();
                });
    }

    @Test
    void anEventChangedElsewhereMeanwhileIsNotOverwritten(FxRobot robot) {
        Services other = elsewhere("injector");
        AdverseEvent recorded = other.adverseEvents().recordEvent(new AdverseEventDraft(patient.id(), visit.visit().id(),
                List.of("d1"), other.adverseEvents().today(), other.adverseEvents().today(), AdverseEventType.BRUISING, null,
                Severity.GRADE_1, false, false, Set.of(), null, "Small bruise.", null, null, null, EventOutcome.ONGOING,
                null));
        openSignedVisit(robot, "injector");
        robot.clickOn("#chartEvent-" + recorded.id());
        settle();
        assertThat(text(robot, "aeTitle")).isEqualTo("Side effect: Bruising");
        assertThat(text(robot, "pointsSummary")).isEqualTo("1 point selected: lot DY301A");
        assertThat(node(robot, "historyBox").isVisible()).isTrue();

        Services admin = elsewhere("admin");
        AdverseEvent theirs = admin.adverseEvents().event(recorded.id());
        AdverseEventDraft d = theirs.toDraft();
        admin.adverseEvents().updateEvent(recorded.id(), theirs.version(), new AdverseEventDraft(d.patientId(), d.visitId(),
                d.pointKeys(), d.reportedOn(), d.onsetDate(), d.type(), null, d.severity(), false, false, d.serious(), null,
                "Bruise, 2 cm, seen by the admin.", d.actionsTaken(), null, null, d.outcome(), null));

        click(robot, "actionsTaken");
        robot.write("Arnica advised.");
        settle();
        assertThat(node(robot, "medWatchPdfButton").isDisabled()).as("unsaved changes are not exported").isTrue();
        saveWithKeys(robot);
        assertThat(text(robot, "aeError")).startsWith("This adverse event was changed by Alex Admin")
                .contains("Your changes were not saved");
        assertThat(seen(robot, "aeReloadButton")).isTrue();
        assertThat(admin.adverseEvents().event(recorded.id()).description()).isEqualTo("Bruise, 2 cm, seen by the admin.");
        screenshot("adverse-event-stale");

        robot.clickOn("#aeReloadButton");
        settle();
        assertThat(text(robot, "description")).isEqualTo("Bruise, 2 cm, seen by the admin.");
        click(robot, "actionsTaken");
        robot.write("Arnica advised.");
        saveWithKeys(robot);
        assertThat(text(robot, "aeError")).isEmpty();
        assertThat(admin.adverseEvents().event(recorded.id()).actionsTaken()).isEqualTo("Arnica advised.");
    }

    @Test
    void leavingWithUnsavedChangesAsksFirst(FxRobot robot) {
        reportSideEffect(robot);
        tap(robot, D1);
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Keep editing");
        settle();
        assertThat(seen(robot, "eventMap")).isTrue();
        assertThat(text(robot, "pointsSummary")).isEqualTo("1 point selected: lot DY301A");

        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Discard changes");
        settle();
        assertThat(seen(robot, "reportSideEffectButton")).as("back on the signed visit").isTrue();
        assertThat(elsewhere("admin").adverseEvents().patientEvents(patient.id())).isEmpty();
    }

    @Test
    void theFrontDeskHasNoSideEffectButtonOnASignedVisit(FxRobot robot) {
        openSignedVisit(robot, "desk");
        assertThat(node(robot, "reportSideEffectButton").isVisible()).isFalse();
        assertThat(robot.lookup("#navSafety").tryQuery().map(n -> n.isVisible()).orElse(false)).isFalse();
    }

    @Test
    void aPatientsPhonedReportIsRecordedOnTheVisitTheInjectorChooses(FxRobot robot) {
        PatientReport phoned = elsewhere("desk").adverseEvents().logPatientReport(patient.id(),
                "Left eyelid drooping since yesterday", clinic.clock.instant().minusSeconds(600));
        signIn(robot, "injector", TestClinic.PASSWORD);
        robot.interact(() -> window.recordEventFromReport(patient.id(), phoned.id(), phoned.version()));
        settle();
        assertThat(text(robot, "reportText")).isEqualTo("\u201cLeft eyelid drooping since yesterday\u201d");
        assertThat(seen(robot, "visitChooser")).isTrue();
        screenshot("adverse-event-choose-visit");
        robot.clickOn("#useVisitButton");
        settle();
        assertThat(text(robot, "description")).isEqualTo("Patient phoned 21 Nov 2026 08:50: Left eyelid drooping since yesterday");
        tap(robot, D2);
        choose(robot, "eventType", AdverseEventType.EYELID_PTOSIS);
        saveWithKeys(robot);

        Services admin = elsewhere("admin");
        assertThat(admin.adverseEvents().patientReports(patient.id())).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReportStatus.RECORDED);
            assertThat(r.eventId()).isNotNull();
            assertThat(admin.adverseEvents().event(r.eventId()).pointKeys()).containsExactly("d2");
        });
        assertThat(((Label) node(robot, "reportHeading")).getText()).startsWith("Recorded from the patient's call of 21 Nov 2026 08:50");
    }
}
