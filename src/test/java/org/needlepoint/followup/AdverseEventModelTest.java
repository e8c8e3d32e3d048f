package org.needlepoint.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.needlepoint.followup.SideEffectFormData.CATALOG;
import static org.needlepoint.followup.SideEffectFormData.CLOCK;
import static org.needlepoint.followup.SideEffectFormData.NOW;
import static org.needlepoint.followup.SideEffectFormData.PATIENT;
import static org.needlepoint.followup.SideEffectFormData.SIGNED;
import static org.needlepoint.followup.SideEffectFormData.VISIT;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.needlepoint.chart.VisitStatus;
import org.needlepoint.common.ValidationException;
import org.needlepoint.store.StaleRecordException;

/** The side-effect form as a whole, without a window or a database: the ways in, checking, saving, leaving. */
class AdverseEventModelTest {
    private final AdverseEventModel model = new AdverseEventModel(CLOCK, new AdverseEventFormModel(),
            new AdverseEventPointsModel(), new MedWatchExportModel());
    private int changes;

    @BeforeEach
    void listen() {
        model.setOnChange(() -> changes++);
    }

    private void newEventOnTheVisit() {
        model.startOnVisit(PATIENT, "Marrowby, Zoë \u00b7 chart 1001");
        assertThat(model.show(SIGNED, CATALOG, null, List.of(), null)).isTrue();
    }

    @Test
    void aNewEventStartsTodayAtGradeOneOngoingWithNothingSelected() {
        model.startOnVisit(PATIENT, "Marrowby, Zoë \u00b7 chart 1001");
        assertThat(model.subtitleProperty().get()).isEqualTo("Opening\u2026");
        assertThat(model.formShownProperty().get()).isFalse();
        assertThat(model.check()).as("nothing to check before the visit is shown").isNull();
        model.show(SIGNED, CATALOG, null, List.of(), null);

        assertThat(model.titleProperty().get()).isEqualTo("Report a side effect");
        assertThat(model.subtitleProperty().get()).isEqualTo("Marrowby, Zoë \u00b7 chart 1001 \u00b7 visit of 21 Nov 2026"
                + " by NP Ivy Injector");
        assertThat(model.saveStatusProperty().get()).isEqualTo("Not saved yet");
        assertThat(model.formShownProperty().get()).isTrue();
        assertThat(model.isDirty()).isFalse();
        assertThat(changes).as("the new form is checked at once").isEqualTo(1);
        AdverseEventDraft d = model.draft();
        assertThat(d.patientId()).isEqualTo(PATIENT);
        assertThat(d.visitId()).isEqualTo(VISIT);
        assertThat(d.onsetDate()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(d.severity()).isEqualTo(Severity.GRADE_1);
        assertThat(d.outcome()).isEqualTo(EventOutcome.ONGOING);
        assertThat(d.pointKeys()).isEmpty();
    }

    @Test
    void aVisitNotSignedIsRefused() {
        model.startOnVisit(PATIENT, "Marrowby, Zoë \u00b7 chart 1001");
        assertThat(model.show(SideEffectFormData.chart(VisitStatus.DRAFT, SIGNED.points()), CATALOG, null, List.of(),
                null)).isFalse();
        assertThat(model.errorProperty().get()).startsWith("This visit's chart is not signed yet");
        assertThat(model.subtitleProperty().get()).isEqualTo("Marrowby, Zoë \u00b7 chart 1001");
        assertThat(model.formShownProperty().get()).isFalse();
    }

    @Test
    void editsInEitherPartMakeTheFormDirtyAndAreChecked() {
        newEventOnTheVisit();
        changes = 0;
        model.points().toggle("d1");
        assertThat(model.isDirty()).isTrue();
        assertThat(changes).isEqualTo(1);
        model.points().toggle("d1");
        assertThat(model.isDirty()).isFalse();
        model.form().descriptionProperty().set("Bruise.");
        assertThat(model.isDirty()).isTrue();
        assertThat(changes).isEqualTo(3);
        assertThat(model.draft().description()).isEqualTo("Bruise.");
        model.keepAsIs();
        assertThat(model.isDirty()).isFalse();
    }

    @Test
    void aSlowerEarlierCheckIsIgnoredAndProblemsShowWhereTheyBelong() {
        newEventOnTheVisit();
        model.points().toggle("d1");
        model.form().onsetDateProperty().set("11/20/2026");
        AdverseEventModel.Check older = model.check();
        AdverseEventModel.Check newer = model.check();
        model.checked(newer, Map.of("onsetDate", "The onset is before the visit."));
        model.checked(older, Map.of("onsetDate", "stale answer", "type", "stale"));
        assertThat(model.form().shownProblems()).containsExactly(Map.entry("onsetDate", "The onset is before the visit."));
        model.checkFailed(older, "stale failure");
        assertThat(model.errorProperty().get()).isNull();
        model.checkFailed(newer, "The database is not reachable.");
        assertThat(model.errorProperty().get()).isEqualTo("The database is not reachable.");
    }

    @Test
    void aSaveSendsTheDraftAndIsRefusedWithTheScreensProblemsToo() {
        newEventOnTheVisit();
        model.form().weightKgProperty().set("sixty");
        AdverseEventModel.Save s = model.save();
        assertThat(model.save()).as("one save at a time").isNull();
        assertThat(model.saveStatusProperty().get()).isEqualTo("Saving\u2026");
        assertThat(model.export().isPossible()).isFalse();
        assertThat(s.before()).isNull();
        assertThat(s.draft().weightKg()).isNull();
        assertThatThrownBy(() -> s.refuseIfProblems(Map.of("points", "Select the points on the map.")))
                .isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.fieldErrors())
                        .containsOnlyKeys("points", "weightKg"));

        ValidationException refused = new ValidationException(Map.of("points", "Select the points on the map.",
                "weightKg", "Not a number.", "visit", "The visit is not signed."));
        assertThat(model.saveFailed(refused, refused.getMessage())).containsExactlyInAnyOrder("points", "weightKg",
                "visit");
        assertThat(model.points().errorProperty().get()).as("every problem shows once Save was pressed")
                .isEqualTo("Select the points on the map.");
        assertThat(model.form().shownProblems()).containsOnlyKeys("weightKg");
        assertThat(model.errorProperty().get()).isEqualTo(refused.getMessage());
        assertThat(model.saveStatusProperty().get()).isEqualTo("Not saved yet");
        assertThat(model.save()).as("another try").isNotNull();
    }

    @Test
    void aSavedEventShowsItsStatusTheExportAndForAnUrgentOneTheChecklist() {
        newEventOnTheVisit();
        model.points().toggle("f1");
        model.form().typeProperty().set(AdverseEventType.VASCULAR_OCCLUSION);
        AdverseEventModel.Save s = model.save();
        AdverseEvent saved = SideEffectFormData.event(9, List.of("f1"), AdverseEventType.VASCULAR_OCCLUSION, true, 1);
        String status = model.saved(s, saved, List.of(SideEffectFormData.audit("recorded the event")), "1. Stop.");

        assertThat(status).isEqualTo("Recorded the side effect Vascular occlusion for Marrowby, Zoë");
        assertThat(model.titleProperty().get()).isEqualTo("Side effect: Vascular occlusion");
        assertThat(model.saveStatusProperty().get()).isEqualTo("Saved 21 Nov 2026 09:01");
        assertThat(model.form().urgentTitleProperty().get()).isEqualTo("URGENT: Vascular occlusion; vision change. Act"
                + " now, in this order:");
        assertThat(model.form().urgentHintProperty().get()).as("the alert is up").isEmpty();
        assertThat(model.form().history()).containsExactly("21 Nov 2026 09:00 \u00b7 injector: recorded the event");
        assertThat(model.export().isPossible()).isTrue();
        assertThat(model.isDirty()).isFalse();

        model.form().actionsTakenProperty().set("Hyaluronidase.");
        assertThat(model.saveStatusProperty().get()).isEqualTo("Changes not saved");
        assertThat(model.export().isPossible()).as("not what was saved").isFalse();
        AdverseEventModel.Save again = model.save();
        assertThat(again.before()).isEqualTo(saved);
        assertThat(model.saved(again, SideEffectFormData.event(9, List.of("f1"), AdverseEventType.VASCULAR_OCCLUSION,
                true, 2), List.of(), null)).startsWith("Saved the side effect");
    }

    @Test
    void aConflictOffersToReloadTheSavedEvent() {
        AdverseEvent recorded = SideEffectFormData.event(9, List.of("d1"), AdverseEventType.BRUISING, false, 1);
        model.openingEvent();
        assertThat(model.titleProperty().get()).isEqualTo("Side effect");
        model.show(SIGNED, CATALOG, recorded, List.of(), null);
        assertThat(model.points().summaryProperty().get()).isEqualTo("1 point selected: lot DY301A");
        assertThat(model.saveStatusProperty().get()).isEqualTo("Recorded 21 Nov 2026 09:00 by NP Ivy Injector");
        model.form().actionsTakenProperty().set("Arnica advised.");
        model.save();
        model.saveFailed(new StaleRecordException("This adverse event was changed by Alex Admin."),
                "This adverse event was changed by Alex Admin.");
        assertThat(model.reloadShownProperty().get()).isTrue();
        assertThat(model.saveStatusProperty().get()).isEqualTo("Changes not saved");
        assertThat(model.reload()).isEqualTo(9L);
        assertThat(model.reloadShownProperty().get()).isFalse();
    }

    @Test
    void aPhonedReportIsRecordedOnAChosenVisitWithThePatientsWords() {
        model.startFromReport(PATIENT, 3);
        assertThat(model.chooserShownProperty().get()).isTrue();
        assertThat(model.titleProperty().get()).isEqualTo("Record a side effect from a patient's call");
        PatientReport waiting = report(ReportStatus.WAITING);
        assertThat(model.reportLoaded(waiting, List.of())).isTrue();
        assertThat(model.reportShownProperty().get()).isTrue();
        assertThat(model.reportTextProperty().get()).isEqualTo("\u201cLeft eyelid drooping since yesterday\u201d");
        assertThat(model.reportHeadingProperty().get()).isEqualTo("Patient called 21 Nov 2026 08:50 (taken by Dana Desk)"
                + " \u00b7 (555) 301-4455");
        assertThat(model.visitChoicesEmptyProperty().get()).startsWith("This patient has no signed treatment.");

        model.show(SIGNED, CATALOG, null, List.of(), null);
        assertThat(model.chooserShownProperty().get()).isFalse();
        assertThat(model.formShownProperty().get()).isTrue();
        assertThat(model.saveStatusProperty().get()).isEqualTo("Not saved yet: the report waits until you save");
        AdverseEventDraft d = model.draft();
        assertThat(d.description()).isEqualTo("Patient phoned 21 Nov 2026 08:50: Left eyelid drooping since yesterday");
        assertThat(d.reportedOn()).isEqualTo(LocalDate.of(2026, 11, 21));

        model.points().toggle("d2");
        AdverseEventModel.Save s = model.save();
        assertThat(s.report()).isEqualTo(waiting);
        assertThat(s.reportVersion()).isEqualTo(3);
        model.saved(s, SideEffectFormData.event(9, List.of("d2"), AdverseEventType.EYELID_PTOSIS, false, 1), List.of(),
                null);
        assertThat(model.reportHeadingProperty().get()).isEqualTo("Recorded from the patient's call of 21 Nov 2026 08:50"
                + " (taken by Dana Desk)");
        assertThat(model.save().report()).as("recorded once: the next save updates the event").isNull();
    }

    @Test
    void aReportAlreadyDealtWithRecordsNothing() {
        model.startFromReport(PATIENT, 3);
        assertThat(model.reportLoaded(report(ReportStatus.DISMISSED), List.of())).isFalse();
        assertThat(model.errorProperty().get()).isEqualTo("This report was already dealt with (" + ReportStatus.DISMISSED
                + ").");
        assertThat(model.visitChoicesEmptyProperty().get()).startsWith("Nothing to record");
    }

    @Test
    void aFailureWhileOpeningPutsThePatientBackInTheSubtitle() {
        model.startOnVisit(PATIENT, "Marrowby, Zoë \u00b7 chart 1001");
        model.failed("This visit no longer exists.");
        assertThat(model.subtitleProperty().get()).isEqualTo("Marrowby, Zoë \u00b7 chart 1001");
        assertThat(model.errorProperty().get()).isEqualTo("This visit no longer exists.");
    }

    private static PatientReport report(ReportStatus status) {
        return new PatientReport(4, PATIENT, "Marrowby, Zoë", 1001, "(555) 301-4455",
                "Left eyelid drooping since yesterday", NOW.minusSeconds(600), 2, "Dana Desk", status, null, null, null,
                null, 3);
    }
}
