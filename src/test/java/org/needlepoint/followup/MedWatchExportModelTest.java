package org.needlepoint.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the MedWatch export is offered and possible, and what the file is called; no window. */
class MedWatchExportModelTest {
    private final MedWatchExportModel export = new MedWatchExportModel();

    @Test
    void offeredOnceRecordedAndPossibleOnlyWhileWhatIsShownIsWhatWasSaved() {
        assertThat(export.shownProperty().get()).isFalse();
        assertThat(export.isPossible()).isFalse();
        assertThatThrownBy(export::fileName).hasMessage("no event");

        export.eventProperty().set(SideEffectFormData.event(5, List.of("d1"), AdverseEventType.BRUISING, false, 1));
        assertThat(export.shownProperty().get()).isTrue();
        assertThat(export.isPossible()).isTrue();
        assertThat(export.pdfHintProperty().get()).isEqualTo(MedWatchExportModel.PDF_HINT);

        export.dirtyProperty().set(true);
        assertThat(export.isPossible()).isFalse();
        assertThat(export.pdfHintProperty().get()).isEqualTo("Save the changes first: the report shows the event as saved.");
        export.dirtyProperty().set(false);
        export.savingProperty().set(true);
        assertThat(export.isPossible()).as("not while saving").isFalse();
    }

    @Test
    void theFileIsNamedByChartEventAndOnset() {
        export.eventProperty().set(SideEffectFormData.event(5, List.of("d1"), AdverseEventType.BRUISING, false, 1));
        assertThat(export.fileName()).isEqualTo("medwatch-chart1001-event5-2026-11-21.pdf");
    }

    @Test
    void progressAndFailuresGoWhereTheFormShowsThem() {
        List<String> status = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        export.setOnStatus(status::add);
        export.setOnError(errors::add);
        export.makingPdf();
        export.pdfSaved("medwatch-hives.pdf");
        export.failed("The disk is full.");
        assertThat(status).containsExactly("Making the PDF\u2026", "MedWatch PDF saved: medwatch-hives.pdf");
        assertThat(errors).containsExactly("The disk is full.");
    }
}
