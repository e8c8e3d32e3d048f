package org.needlepoint.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.needlepoint.chart.Catalog;
import org.needlepoint.chart.ChartPattern;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.inventory.Product;
import org.needlepoint.patient.Patient;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.testing.CollectingPrinter;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Consent, driven as people do: the patient signs by dragging across the pad (the robot's drag stands
 * for a finger or a pen), the chart's consent step, the patient record's list, and Admin ▸ Consent texts.
 */
class ConsentUiTest extends UiTest {
    private Patient patient;

    @Override
    protected void prepare(TestClinic c) {
        c.withStaff();
        c.signIn("admin");
        Catalog catalog = c.services.charts().catalog();
        Product dysport = catalog.products().stream().filter(p -> p.name().equals("Dysport 300 U")).findFirst().orElseThrow();
        c.receive(dysport, "DY301A", c.services.charts().today().plusYears(1), 10);
        c.signIn("desk");
        patient = c.services.patients().create(TestClinic.patient("Zoë", "Marrowby", "1984-02-29", "(555) 301-4455"), false);
        c.services.auth().signOut();
    }

    private void openPatient(FxRobot robot, String user) {
        signIn(robot, user, TestClinic.PASSWORD);
        robot.clickOn("#searchField").write("marrowby");
        settle();
        robot.type(KeyCode.ENTER);
        settle();
    }

    /** Signs across the pad as a hand would: a loop down and up, then a long wavy stroke. */
    private void signOnThePad(FxRobot robot) {
        Node pad = node(robot, "signaturePad");
        Bounds b = pad.localToScreen(pad.getBoundsInLocal());
        double x = b.getMinX();
        double y = b.getMinY();
        double h = b.getHeight();
        robot.drag(new Point2D(x + 60, y + h * 0.6), MouseButton.PRIMARY)
                .moveTo(new Point2D(x + 90, y + h * 0.25)).moveTo(new Point2D(x + 120, y + h * 0.65))
                .moveTo(new Point2D(x + 150, y + h * 0.4)).drop();
        robot.drag(new Point2D(x + 170, y + h * 0.55), MouseButton.PRIMARY)
                .moveTo(new Point2D(x + 230, y + h * 0.35)).moveTo(new Point2D(x + 290, y + h * 0.6))
                .moveTo(new Point2D(x + 350, y + h * 0.35)).moveTo(new Point2D(x + 420, y + h * 0.62)).drop();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A PNG of the window {@code n} is in (the consent screen opens in a window of its own), when -Dscreenshots=true. */
    private void shot(String name, Node n) {
        if (!Boolean.getBoolean("screenshots")) {
            return;
        }
        try {
            var image = WaitForAsyncUtils.asyncFx(() -> n.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name + ".png").toFile());
        } catch (Exception e) {
            throw new AssertionError("screenshot " + name + " failed", e);
        }
    }

    private List<SignedConsent> stored() {
        var other = new org.needlepoint.app.Services(clinic.db, clinic.clock, new PasswordHasher(1_000));
        other.auth().signIn("admin", TestClinic.PASSWORD.toCharArray());
        return other.consents().signedConsents(patient.id());
    }

    @Test
    void theDeskHasThePatientSignByDraggingAcrossThePadFromTheirRecord(FxRobot robot) throws Exception {
        openPatient(robot, "desk");
        robot.clickOn("#consentsTab");
        settle();
        robot.clickOn("#patientSignConsentButton");
        settle();
        Button sign = node(robot, "signConsentButton");
        assertThat(sign.isDisabled()).as("nothing ticked, nothing drawn").isTrue();
        robot.clickOn("#consentKind-TOXIN").clickOn("#consentKind-PHOTOGRAPHY");
        assertThat(sign.isDisabled()).as("ticked, not signed").isTrue();
        assertThat(robot.lookup(".consent-text-title").queryAll()).hasSize(2);

        // a tap is not a signature: the service refuses it, and says so at the pad
        Node pad = node(robot, "signaturePad");
        Bounds b = pad.localToScreen(pad.getBoundsInLocal());
        robot.clickOn(new Point2D(b.getMinX() + 100, b.getMinY() + 100));
        assertThat(sign.isDisabled()).isFalse();
        robot.clickOn("#signConsentButton");
        settle();
        assertThat(text(robot, "consentError")).contains("too small to be a signature");
        assertThat(stored()).isEmpty();

        robot.clickOn("#clearSignatureButton");
        signOnThePad(robot);
        shot("consent-screen", node(robot, "consentRoot"));
        robot.clickOn("#signConsentButton");
        settle();

        List<SignedConsent> signed = stored();
        assertThat(signed).extracting(SignedConsent::kind)
                .containsExactlyInAnyOrder(ConsentKind.TOXIN, ConsentKind.PHOTOGRAPHY);
        assertThat(signed).allSatisfy(s -> {
            assertThat(s.textVersion()).isEqualTo(1);
            assertThat(s.witnessName()).isEqualTo("Dana Desk");
            assertThat(s.validUntil()).isEqualTo(LocalDate.of(2027, 11, 20));
        });
        var other = new org.needlepoint.app.Services(clinic.db, clinic.clock, new PasswordHasher(1_000));
        other.auth().signIn("admin", TestClinic.PASSWORD.toCharArray());
        Signature drawn = other.consents().signature(signed.get(0).id());
        assertThat(drawn.strokes()).as("one stroke per drag").hasSize(2);
        assertThat(drawn.ink()).isGreaterThan(300);
        assertThat(drawn.problem()).isEmpty();

        // the window closed; the record lists both, newest first, and each opens its PDF
        assertThat(robot.lookup("#signConsentButton").tryQuery()).isEmpty();
        TableView<SignedConsent> table = node(robot, "patientConsentsTable");
        assertThat(table.getItems()).hasSize(2);
        robot.clickOn("#patientConsentsTable .table-row-cell");
        robot.clickOn("#viewConsentPdfButton");
        settle();
        settle();
        assertThat(robot.lookup("#consentPdfPage-1").tryQuery()).as("the PDF's first page on screen").isPresent();
        shot("consent-pdf", node(robot, "consentPdfRoot"));
        screenshot("patient-consents");

        // printed on the clinic's printer at its resolution (150 dpi here), not the screen's images
        CollectingPrinter printer = new CollectingPrinter(150);
        window.setPrinter(printer);
        robot.clickOn("#printConsentPdfButton");
        settle();
        assertThat(printer.ended).as("the job was sent").isTrue();
        assertThat(printer.pages).isNotEmpty().allSatisfy(p -> {
            assertThat((double) p.image().getWidth()).isCloseTo(p.widthPoints() / 72 * 150, Offset.offset(2.0));
            assertThat(CollectingPrinter.inked(p.image())).as("ink on the page").isGreaterThan(0.005);
        });
        assertThat(text(robot, "consentPdfStatus")).startsWith("The signed consent was sent to ");

        // and saved where the person chooses, the PDF kept with the record byte for byte
        Path saved = Files.createTempDirectory("consent-pdf").resolve("signed.pdf");
        window.setSaveDialog((owner, title, name) -> saved.toFile());
        robot.clickOn("#saveConsentPdfButton");
        settle();
        assertThat(saved).exists();
        assertThat(Files.readAllBytes(saved)).isEqualTo(other.consents().pdf(table.getSelectionModel().getSelectedItem().id()));
        assertThat(text(robot, "consentPdfStatus")).startsWith("Saved ");
    }

    @Test
    void theChartShowsNoValidConsentUntilThePatientSignsThenSigns(FxRobot robot) {
        openPatient(robot, "injector");
        robot.clickOn("#newTreatmentButton");
        settle();
        var other = new org.needlepoint.app.Services(clinic.db, clinic.clock, new PasswordHasher(1_000));
        other.auth().signIn("admin", TestClinic.PASSWORD.toCharArray());
        ChartPattern glabella = other.charts().patterns().stream().filter(p -> p.name().startsWith("Dysport glabellar"))
                .findFirst().orElseThrow();
        robot.clickOn("#pattern-" + glabella.id());
        settle();
        robot.clickOn("#screeningTab").clickOn("#screeningAllNoButton");
        settle();
        assertThat(seen(robot, "consentMissing")).isTrue();
        assertThat(text(robot, "consentMissing")).isEqualTo("No valid consent on file for Botulinum toxin (neuromodulator).");
        screenshot("chart-consent-missing");

        // signing the chart now is refused, with the reason on the chart
        robot.clickOn("#signButton");
        settle();
        assertThat(text(robot, "chartError")).contains("No valid signed consent");

        robot.clickOn("#chartSignConsentButton");
        settle();
        CheckBox toxin = node(robot, "consentKind-TOXIN");
        assertThat(toxin.isSelected()).as("what the treatment needs comes ticked").isTrue();
        assertThat(((CheckBox) node(robot, "consentKind-BIOSTIMULATOR")).isSelected()).isFalse();
        signOnThePad(robot);
        robot.clickOn("#signConsentButton");
        settle();
        settle();

        assertThat(seen(robot, "consentMissing")).isFalse();
        assertThat(robot.lookup(".consent-ok").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText).singleElement().asString()
                .contains("Botulinum toxin", "text version 1", "signed 21 Nov 2026", "valid until 20 Nov 2027");
        screenshot("chart-consent-on-file");
        assertThat(stored()).singleElement().satisfies(s -> assertThat(s.visitId()).as("signed for this visit").isNotNull());

        robot.clickOn("#signButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#signPassword").write(TestClinic.PASSWORD).type(KeyCode.ENTER);
        settle();
        settle();
        assertThat(text(robot, "chartVisitInfo")).as(text(robot, "chartError")).contains("SIGNED by");
        VisitChart chart = other.charts().history(patient.id()).stream().findFirst()
                .map(v -> other.charts().openChart(patient.id(), v.id()).chart()).orElseThrow();
        assertThat(chart.visit().consentConfirmed()).isTrue();
    }

    @Test
    void theAdminEditsATextIntoANewVersionAndSetsTheValidity(FxRobot robot) {
        signIn(robot, "admin", TestClinic.PASSWORD);
        robot.clickOn("#navAdmin");
        settle();
        robot.clickOn("#consentTextsTab");
        settle();
        robot.clickOn("#consentKindRow-BIOSTIMULATOR");
        settle();
        assertThat(((javafx.scene.control.TextField) node(robot, "consentTitleField")).getText()).contains("Sculptra");
        assertThat(node(robot, "saveConsentTextButton").isDisabled()).isTrue();

        robot.clickOn("#consentBodyArea").push(KeyCode.CONTROL, KeyCode.END).write("\n\nAsk us for the written aftercare sheet.");
        assertThat(node(robot, "saveConsentTextButton").isDisabled()).isFalse();
        robot.clickOn("#saveConsentTextButton");
        settle();
        settle();
        assertThat(text(robot, "consentTextsStatus")).isEqualTo(
                "Saved version 2 of the Sculptra (PLLA), with off-label use consent.");
        ComboBox<ConsentText> versions = node(robot, "consentVersionChoice");
        assertThat(versions.getItems()).extracting(ConsentText::textVersion).containsExactly(2, 1);
        screenshot("admin-consent-texts");

        // the old version reads as it was, and cannot be edited
        robot.interact(() -> versions.getSelectionModel().select(1));
        settle();
        assertThat(text(robot, "consentBodyArea")).doesNotContain("written aftercare sheet");
        assertThat(((javafx.scene.control.TextArea) node(robot, "consentBodyArea")).isEditable()).isFalse();

        robot.doubleClickOn("#consentValidMonths").push(KeyCode.CONTROL, KeyCode.A).write("18");
        robot.clickOn("#saveValidityButton");
        settle();
        var other = new org.needlepoint.app.Services(clinic.db, clinic.clock, new PasswordHasher(1_000));
        other.auth().signIn("desk", TestClinic.PASSWORD.toCharArray());
        assertThat(other.consents().validityMonths()).isEqualTo(18);
        assertThat(other.consents().versions(ConsentKind.BIOSTIMULATOR).get(0).body()).endsWith("written aftercare sheet.");
    }

    @Test
    void theRewardsProgrammeIsEditedWithTheContactFieldsAndValidated(FxRobot robot) {
        openPatient(robot, "desk");
        robot.clickOn("#rewardsMember").write("EV-2231 9087");
        robot.clickOn("#saveButton");
        settle();
        assertThat(node(robot, "rewardsProgramme").getStyleClass()).as("the programme is missing").contains("field-error");
        ComboBox<String> programme = node(robot, "rewardsProgramme");
        robot.interact(() -> programme.getSelectionModel().select("Evolus Rewards"));
        robot.clickOn("#saveButton");
        settle();
        screenshot("patient-rewards");
        var other = new org.needlepoint.app.Services(clinic.db, clinic.clock, new PasswordHasher(1_000));
        other.auth().signIn("desk", TestClinic.PASSWORD.toCharArray());
        var saved = other.patients().open(patient.id()).details();
        assertThat(saved.rewardsProgramme()).isEqualTo("Evolus Rewards");
        assertThat(saved.rewardsMember()).isEqualTo("EV-2231 9087");
    }
}
