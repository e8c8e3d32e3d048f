package org.needlepoint.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.CheckBox;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.needlepoint.photo.ImportRequest;
import org.needlepoint.photo.Moment;
import org.needlepoint.photo.PhotoTarget;
import org.needlepoint.photo.Pose;
import org.needlepoint.photo.TestPhotos;
import org.needlepoint.security.Audit;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.TestClinic;
import org.testfx.api.FxRobot;

/** The MedWatch export from the side-effect form: the PDF through the save dialog, the text through the clipboard. */
class MedWatchUiTest extends FollowUpUiBase {
    private AdverseEvent event;

    @Override
    protected void more(TestClinic c) {
        AdverseEventService events = c.services.adverseEvents();
        event = events.recordEvent(new AdverseEventDraft(patient.id(), visit.visit().id(), List.of("d1", "f1"),
                events.today(), events.today(), AdverseEventType.HYPERSENSITIVITY, null, Severity.GRADE_2, false, false,
                Set.of(), null, "Hives on the forehead an hour after treatment.", "Cetirizine 10 mg.", null,
                new BigDecimal("61"), EventOutcome.IMPROVING, null));
        // the patient gave photography consent on paper (the record's box); a photo of the hives was taken
        c.services.patients().update(patient, TestClinic.withPhotoConsent(patient.details(), true));
        PhotoTarget onEvent = c.services.photos().targets(patient.id()).stream()
                .filter(t -> Long.valueOf(event.id()).equals(t.adverseEventId())).findFirst().orElseThrow();
        assertThat(c.services.photos().importBytes(new ImportRequest(patient.id(), onEvent, Pose.FRONT, null,
                Moment.FOLLOW_UP), "hives.jpg", TestPhotos.jpeg(640, 800, 5)).imported()).hasSize(1);
    }

    private static int images(Path pdf) throws IOException {
        int n = 0;
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    @Test
    void withTheEventsPhotosTickedThePdfCarriesThemAndWithoutConsentNone(FxRobot robot) throws IOException {
        Path target = clinic.folder.resolve("exports").resolve("medwatch-photos.pdf");
        window.setSaveDialog((owner, title, name) -> target.toFile());
        openEvent(robot);
        CheckBox photos = robot.lookup("#medWatchPhotosCheck").queryAs(CheckBox.class);
        assertThat(photos.isSelected()).as("photos are attached only when asked").isFalse();
        robot.clickOn("#medWatchPhotosCheck");
        robot.clickOn("#medWatchPdfButton");
        settle();
        assertThat(images(target)).isEqualTo(1);
        screenshot("adverse-event-medwatch-photos");

        // the patient withdrew their photography consent: the export with photos is refused, nothing written
        Files.delete(target);
        var p = clinic.services.patients().open(patient.id());
        clinic.services.patients().update(p, TestClinic.withPhotoConsent(p.details(), false));
        robot.clickOn("#medWatchPdfButton");
        settle();
        assertThat(target).doesNotExist();
        assertThat(text(robot, "aeError")).contains("no photography consent, so no photo can go into the adverse-event"
                + " report");
    }

    private void openEvent(FxRobot robot) {
        openSignedVisit(robot, "injector");
        robot.clickOn("#chartEvent-" + event.id());
        settle();
    }

    @Test
    void thePdfIsSavedWhereTheInjectorChoseAndNamesTheLots(FxRobot robot) throws IOException {
        Path target = clinic.folder.resolve("exports").resolve("medwatch-hives.pdf");
        AtomicReference<String> offered = new AtomicReference<>();
        window.setSaveDialog((owner, title, name) -> {
            offered.set(name);
            return target.toFile();
        });
        openEvent(robot);
        assertThat(node(robot, "medWatchPdfButton").isDisabled()).isFalse();
        robot.clickOn("#medWatchPdfButton");
        settle();

        assertThat(offered.get()).isEqualTo("medwatch-chart" + patient.chartNumber() + "-event" + event.id()
                + "-2026-11-21.pdf");
        assertThat(target).exists();
        String text;
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(target))) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("DY301A").contains("HA1LA").doesNotContain("Marrowby");
        assertThat(text(robot, "aeSaveStatus")).isEqualTo("MedWatch PDF saved: medwatch-hives.pdf");
        assertThat(AuditLog.withAction(clinic.db, Audit.EXPORT)).singleElement()
                .satisfies(a -> assertThat(a.summary()).contains("MedWatch-ready report (PDF"));
        screenshot("adverse-event-medwatch");
    }

    @Test
    void cancellingTheSaveDialogWritesNothing(FxRobot robot) throws IOException {
        window.setSaveDialog((owner, title, name) -> null);
        openEvent(robot);
        robot.clickOn("#medWatchPdfButton");
        settle();
        try (var files = Files.list(clinic.folder)) {
            assertThat(files.filter(p -> p.toString().endsWith(".pdf"))).isEmpty();
        }
        assertThat(AuditLog.withAction(clinic.db, Audit.EXPORT)).isEmpty();
    }

    /** The preview is a window of its own: its own picture. */
    private void dialogShot(FxRobot robot, String name) {
        if (!Boolean.getBoolean("screenshots")) {
            return;
        }
        javafx.scene.Scene scene = node(robot, "medWatchPreviewText").getScene();
        AtomicReference<javafx.scene.image.WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(scene.snapshot(null)));
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image.get(), null), "png",
                    dir.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void copyAsTextPutsTheReportOnTheClipboardAndShowsIt(FxRobot robot) {
        openEvent(robot);
        robot.clickOn("#medWatchTextButton");
        settle();
        String shown = text(robot, "medWatchPreviewText");
        assertThat(shown).contains("DY301A").contains("HA1LA").contains("Hives on the forehead");
        AtomicReference<String> clip = new AtomicReference<>();
        robot.interact(() -> clip.set(javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        assertThat(clip.get()).isEqualTo(shown);
        screenshot("adverse-event-medwatch-text");
        dialogShot(robot, "adverse-event-medwatch-preview");
        robot.clickOn("#medWatchPreviewClose");
        settle();
        assertThat(robot.lookup("#medWatchPreviewText").tryQuery()).isEmpty();
    }
}
