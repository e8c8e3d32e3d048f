package org.needlepoint.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.needlepoint.patient.Patient;
import org.needlepoint.schedule.ConsentKind;
import org.needlepoint.testing.Consents;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The treatment record exported from the charting screen (Print, Treatment record) with the before/after pair of
 * the view chosen in its dialog, saved where the save dialog says: the PDF holds that view's two photos, and no
 * other view's.
 */
class RecordPhotosUiTest extends UiTest {
    private Patient patient;

    @Override
    protected void prepare(TestClinic c) {
        c.withStaff();
        c.signIn("injector");
        patient = c.services.patients().create(TestClinic.patient("Wren", "Halloway", "1979-11-03", "(555) 301-6622"), false);
        Consents.onFile(c.services, patient.id());
        c.services.consents().sign(patient.id(), EnumSet.of(ConsentKind.PHOTOGRAPHY), Consents.signature(), null);
        // today's visit, a draft the injector resumes with New treatment, photographed in two views
        long visitId = c.services.charts().startVisit(patient.id()).visit().id();
        PhotoTarget visit = c.services.photos().targets(patient.id()).stream()
                .filter(t -> Long.valueOf(visitId).equals(t.visitId())).findFirst().orElseThrow();
        // the front photos are landscape, the left profiles portrait: the PDF's images tell which pair went in
        importOne(c, visit, Pose.FRONT, Moment.BEFORE, TestPhotos.jpeg(800, 600, 1));
        importOne(c, visit, Pose.FRONT, Moment.AFTER, TestPhotos.jpeg(800, 600, 2));
        importOne(c, visit, Pose.LEFT_PROFILE, Moment.BEFORE, TestPhotos.jpeg(600, 900, 3));
        importOne(c, visit, Pose.LEFT_PROFILE, Moment.AFTER, TestPhotos.jpeg(600, 900, 4));
        c.services.auth().signOut();
    }

    private void importOne(TestClinic c, PhotoTarget visit, Pose pose, Moment moment, byte[] jpeg) {
        assertThat(c.services.photos().importBytes(new ImportRequest(patient.id(), visit, pose, null, moment),
                pose.name().toLowerCase() + "-" + moment.name().toLowerCase() + ".jpg", jpeg).imported()).hasSize(1);
    }

    /** Opens Print, Treatment record, and answers its photo dialog with {@code view}. */
    private void exportRecord(FxRobot robot, String view) {
        robot.clickOn("#printMenu");
        robot.clickOn("#printSummaryItem");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = node(robot, "recordPhotosDialog");
        ComboBox<String> views = node(robot, "recordPhotosView");
        assertThat(views.getItems()).contains("Front", "Left profile", "No photos");
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> views.setValue(view));
        screenshot("record-photos-dialog", dialog);
        robot.clickOn(dialog.lookupButton(ButtonType.OK));
        settle();
    }

    @Test
    void theTreatmentRecordCarriesTheChosenViewsBeforeAndAfterPair(FxRobot robot) throws IOException {
        Path target = clinic.folder.resolve("exports").resolve("record.pdf");
        Files.createDirectories(target.getParent());
        AtomicReference<String> suggested = new AtomicReference<>();
        window.setSaveDialog((owner, title, name) -> {
            suggested.set(name);
            return target.toFile();
        });
        signIn(robot, "injector", TestClinic.PASSWORD);
        robot.clickOn("#searchField").write("halloway");
        settle();
        robot.type(KeyCode.ENTER);
        settle();
        robot.clickOn("#newTreatmentButton");
        settle();

        exportRecord(robot, "Left profile");
        assertThat(suggested.get()).startsWith("treatment-record-chart").endsWith(".pdf");
        assertThat(target).exists();
        List<int[]> images = images(target);
        assertThat(images).hasSize(2);
        assertThat(images).allSatisfy(wh -> assertThat(wh[1]).as("a left profile (portrait)").isGreaterThan(wh[0]));
        String text = text(target);
        assertThat(text).contains("Left profile · before", "Left profile · after").doesNotContain("Front · before");

        // the same record without photos: none in the PDF
        Files.delete(target);
        exportRecord(robot, "No photos");
        assertThat(images(target)).isEmpty();
        assertThat(text(target)).doesNotContain("Left profile · before");
    }

    /** The width and height of each image on the PDF's pages. */
    private static List<int[]> images(Path pdf) throws IOException {
        List<int[]> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject img) {
                        out.add(new int[] {img.getWidth(), img.getHeight()});
                    }
                }
            }
        }
        return out;
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
