package org.needlepoint.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.needlepoint.app.Services;
import org.needlepoint.chart.ChartPattern;
import org.needlepoint.chart.ScreeningAnswer;
import org.needlepoint.chart.ScreeningEntry;
import org.needlepoint.chart.ScreeningItem;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.inventory.Product;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Check-in end to end, on the test clock's Saturday 21 Nov 2026 09:00: Ann Smith is booked at 10:00 with Ivy
 * Injector for Dysport. The desk marks her arrived, checks her in (identity, a new email, screening, a consent she
 * signs by the robot dragging across the pad); Ivy finds her on "My patients today" and opens the draft the check-in
 * prepared, with the desk's answers and the consent on file.
 */
class CheckInUiTest extends UiTest {
    private ScheduleFixture f;
    private Appointment ann;

    @Override
    protected void prepare(TestClinic c) {
        f = new ScheduleFixture(c);
        c.signIn("admin");
        Product dysport = c.services.charts().catalog().products().stream()
                .filter(p -> p.name().equals("Dysport 300 U")).findFirst().orElseThrow();
        c.receive(dysport, "DY301A", c.services.charts().today().plusYears(1), 10);
        c.signIn("desk");
        AppointmentService book = c.services.appointments();
        ann = book.book(new AppointmentDraft(f.ann.id(), f.ivy, f.room1.id(), book.today().atTime(10, 0), 30,
                AppointmentKind.TREATMENT, "Glabellar lines", List.of(dysport.id()), null), false);
        c.services.auth().signOut();
    }

    private Services elsewhere(String user) {
        Services other = new Services(clinic.db, clinic.clock, new PasswordHasher(1_000));
        other.auth().signIn(user, TestClinic.PASSWORD.toCharArray());
        return other;
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

    /** A PNG of the window {@code n} is in (check-in opens in a window of its own), when -Dscreenshots=true. */
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

    private void waitUntil(FxRobot robot, String what, java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
                settle();
                return condition.call();
            });
        } catch (TimeoutException e) {
            throw new AssertionError(what + " did not happen within 5 s", e);
        }
    }

    private boolean selected(FxRobot robot, String id) {
        return ((ToggleButton) node(robot, id)).isSelected();
    }

    /** Books Bea Jones today at 11:00 with Ivy for Dysport through the book's form, as the desk does. */
    private Appointment bookBeaAt11WithIvyForDysport(FxRobot robot) {
        robot.clickOn("#navBook");
        settle();
        robot.clickOn("#bookGrid").type(KeyCode.N);
        robot.clickOn("#formPatient").write("Jones");
        settle();
        robot.clickOn(robot.lookup("#formPatientResults .list-cell").nth(0).queryAs(Node.class));
        javafx.scene.control.ComboBox<AppointmentKind> kind = node(robot, "formKind");
        robot.interact(() -> kind.setValue(AppointmentKind.TREATMENT));
        javafx.scene.control.ComboBox<Injector> injector = node(robot, "formInjector");
        robot.interact(() -> injector.setValue(injector.getItems().stream().filter(i -> i.id() == f.ivy).findFirst()
                .orElseThrow()));
        robot.doubleClickOn("#formTime").eraseText(8).write("11:00");
        org.controlsfx.control.CheckListView<Product> products = node(robot, "formProducts");
        robot.interact(() -> products.getCheckModel().check(products.getItems().stream()
                .filter(p -> p.name().equals("Dysport 300 U")).findFirst().orElseThrow()));
        robot.clickOn("#formBook");
        settle();
        assertThat(text(robot, "bookStatus")).startsWith("Booked: Jones, Bea");
        return elsewhere("admin").appointments().day(clinic.services.appointments().today()).stream()
                .filter(a -> a.patientId() == f.bea.id()).findFirst().orElseThrow();
    }

    @Test
    void bookArrivedCheckInWithScreeningAndASignedConsentThenTheInjectorOpensTheDraft(FxRobot robot) {
        signIn(robot, "desk", TestClinic.PASSWORD);
        Appointment bea = bookBeaAt11WithIvyForDysport(robot);
        robot.clickOn("#navToday");
        settle();
        robot.clickOn("#arrived-" + bea.id());
        settleChanges(); // the day's list reloads again when the change feed brings the arrival: its rows are new ones
        assertThat(text(robot, "todayApptStatus-" + bea.id())).isEqualTo("Arrived");
        assertThat(robot.lookup("#arrived-" + bea.id()).tryQuery()).isEmpty();
        screenshot("today-check-in-button");

        robot.clickOn("#checkIn-" + bea.id());
        settle();
        assertThat(text(robot, "checkInPatient")).isEqualTo("Jones, Bea");
        assertThat(text(robot, "checkInIdentity")).contains("Bea Jones", "born 2 Jun 1979", "47 years",
                "chart " + f.bea.chartNumber());
        assertThat(text(robot, "checkInMobile")).isEqualTo("(555) 010-3456");
        assertThat(text(robot, "checkInConsent-TOXIN")).contains("no valid consent on file");

        // Enter at once: the identity tick is required, said at the tick, and nothing is saved
        robot.clickOn("#checkInIdentity").type(KeyCode.ENTER);
        settle();
        assertThat(seen(robot, "checkInIdentityError")).isTrue();
        assertThat(text(robot, "checkInIdentityError")).contains("Confirm the patient's identity");
        assertThat(elsewhere("admin").appointments().appointment(bea.id()).checkedInAt()).isNull();
        shot("check-in-identity-required", node(robot, "checkInRoot"));

        robot.clickOn("#checkInIdentityConfirmed");
        assertThat(seen(robot, "checkInIdentityError")).isFalse();
        robot.clickOn("#checkInEmail").write("bea.jones@example.com");
        robot.clickOn("#checkInRewardsMember").write("EV-204060");
        robot.clickOn("#checkInScreen-PREGNANCY-no").clickOn("#checkInScreen-COLD_SORES-yes").clickOn("#checkInAllNo");
        assertThat(text(robot, "checkInScreeningSummary")).isEqualTo("All answered. 1 Yes for the injector to review.");

        // a member number without its programme is refused at the field, and nothing is saved
        robot.clickOn("#checkInMobile").type(KeyCode.ENTER);
        settle();
        assertThat(text(robot, "checkInError")).contains("rewards programme");
        assertThat(node(robot, "checkInRewardsProgramme").getStyleClass()).contains("field-error");
        assertThat(elsewhere("admin").appointments().appointment(bea.id()).checkedInAt()).isNull();
        robot.clickOn("#checkInRewardsProgramme").write("Evolus Rewards");

        // the patient signs the toxin consent at the desk by drawing on the pad
        robot.clickOn("#checkInSignConsent");
        settle();
        assertThat(((CheckBox) node(robot, "consentKind-TOXIN")).isSelected()).as("the missing kind comes ticked").isTrue();
        signOnThePad(robot);
        robot.clickOn("#signConsentButton");
        settle();
        settle();
        assertThat(robot.lookup("#signConsentButton").tryQuery()).as("the consent window closed").isEmpty();
        assertThat(text(robot, "checkInConsent-TOXIN")).contains("on file", "version 1", "signed 21 Nov 2026");
        shot("check-in", node(robot, "checkInRoot"));

        robot.clickOn("#checkInMobile").type(KeyCode.ENTER);
        settle();
        assertThat(robot.lookup("#checkInRoot").tryQuery()).as("the check-in window closed").isEmpty();
        assertThat(text(robot, "todayApptCheckedIn-" + bea.id())).isEqualTo("Checked in 09:00");
        assertThat(robot.lookup("#checkIn-" + bea.id()).tryQuery()).isEmpty();
        screenshot("today-checked-in");

        Services admin = elsewhere("admin");
        Appointment done = admin.appointments().appointment(bea.id());
        assertThat(done.visitId()).isNotNull();
        assertThat(admin.patients().open(f.bea.id()).details().email()).isEqualTo("bea.jones@example.com");
        assertThat(admin.patients().open(f.bea.id()).details().rewardsMember()).isEqualTo("EV-204060");
        assertThat(admin.consents().signedConsents(f.bea.id())).singleElement()
                .satisfies(s -> assertThat(s.kind()).isEqualTo(ConsentKind.TOXIN));

        // the injector's PC: My patients today lists her, checked in, consent on file
        robot.clickOn("#signOutButton");
        settle();
        signIn(robot, "injector", TestClinic.PASSWORD);
        robot.clickOn("#navToday");
        settle();
        assertThat(text(robot, "myPatient-" + bea.id())).isEqualTo("Jones, Bea");
        assertThat(text(robot, "myPatientCheckedIn-" + bea.id())).isEqualTo("Checked in 09:00");
        assertThat(text(robot, "myPatientConsent-" + bea.id())).isEqualTo("Consent on file");
        assertThat(text(robot, "myPatientStatus-" + bea.id())).isEqualTo("Arrived");
        screenshot("my-patients-today");

        robot.clickOn("#myPatientOpen-" + bea.id());
        settle();
        settle();
        assertThat(admin.appointments().appointment(bea.id()).status()).isEqualTo(AppointmentStatus.IN_TREATMENT);
        robot.clickOn("#screeningTab");
        settle();
        assertThat(selected(robot, "screen-PREGNANCY-no")).as("the desk's No").isTrue();
        assertThat(selected(robot, "screen-COLD_SORES-yes")).as("the desk's Yes").isTrue();
        assertThat(selected(robot, "screen-NEUROMUSCULAR-no")).as("the rest No").isTrue();
        // before anything is charted, the consent step already shows the consent signed at the desk
        waitUntil(robot, "the desk's consent shown", () -> !robot.lookup(".consent-ok").queryAll().isEmpty());
        assertThat(robot.lookup(".consent-ok").queryAllAs(Labeled.class)).extracting(Labeled::getText)
                .singleElement().asString().contains("Botulinum toxin", "signed 21 Nov 2026");
        assertThat(seen(robot, "consentMissing")).isFalse();
        screenshot("chart-opened-from-my-patients");

        // the injector charts the Dysport: the consent step shows the consent signed at the desk
        ChartPattern glabella = admin.charts().patterns().stream().filter(p -> p.name().startsWith("Dysport glabellar"))
                .findFirst().orElseThrow();
        robot.clickOn("#brushTab").clickOn("#pattern-" + glabella.id());
        settle();
        robot.clickOn("#screeningTab");
        waitUntil(robot, "the consent on file shown", () -> !robot.lookup(".consent-ok").queryAll().isEmpty());
        assertThat(robot.lookup(".consent-ok").queryAllAs(Labeled.class)).extracting(Labeled::getText)
                .singleElement().asString().contains("Botulinum toxin", "signed 21 Nov 2026");
        assertThat(seen(robot, "consentMissing")).isFalse();
        screenshot("chart-after-check-in");

        VisitChart chart = admin.charts().openVisit(done.visitId());
        assertThat(chart.visit().injectorId()).isEqualTo(f.ivy);
        assertThat(chart.screening()).filteredOn(e -> e.item() == ScreeningItem.COLD_SORES)
                .extracting(ScreeningEntry::answer).containsExactly(ScreeningAnswer.YES);
    }

    @Test
    void aCheckInAtTheDeskShowsOnTheInjectorsCardByItself(FxRobot robot) {
        signIn(robot, "injector", TestClinic.PASSWORD);
        robot.clickOn("#navToday");
        settle();
        assertThat(text(robot, "myPatientCheckedIn-" + ann.id())).isEqualTo("Not checked in yet");
        assertThat(node(robot, "myPatientOpen-" + ann.id()).isDisabled()).isTrue();
        assertThat(text(robot, "myPatientConsent-" + ann.id())).startsWith("Consent missing");

        Services desk = elsewhere("desk");
        CheckInSheet s = desk.checkIns().sheet(ann.id());
        desk.checkIns().complete(new CheckInForm(s.appointment(), f.ann.id(), s.patient().version(),
                true, "(555) 010-2345", null, null, null, null, null, null, null, null, s.screening()));

        waitUntil(robot, "the check-in shown", () -> text(robot, "myPatientCheckedIn-" + ann.id()).startsWith("Checked in"));
        assertThat(node(robot, "myPatientOpen-" + ann.id()).isDisabled()).isFalse();
    }

    @Test
    void theBookChecksInTheSelectedAppointmentEscCancelsAndEnterCompletes(FxRobot robot) {
        signIn(robot, "desk", TestClinic.PASSWORD);
        robot.clickOn("#navBook");
        settle();
        robot.clickOn("#appt-" + ann.id());
        settle();
        robot.clickOn("#bookCheckIn");
        settle();
        assertThat(text(robot, "checkInPatient")).isEqualTo("Smith, Ann");
        robot.clickOn("#checkInIdentityConfirmed");
        robot.type(KeyCode.ESCAPE);
        settle();
        assertThat(robot.lookup("#checkInRoot").tryQuery()).as("Esc closed the check-in").isEmpty();
        assertThat(elsewhere("admin").appointments().appointment(ann.id()).checkedInAt()).as("nothing saved").isNull();

        robot.clickOn("#bookCheckIn");
        settle();
        assertThat(((CheckBox) node(robot, "checkInIdentityConfirmed")).isSelected()).as("a fresh sheet").isFalse();
        robot.clickOn("#checkInIdentityConfirmed").clickOn("#checkInAllNo").clickOn("#checkInMobile").type(KeyCode.ENTER);
        settle();
        assertThat(robot.lookup("#checkInRoot").tryQuery()).isEmpty();
        Appointment done = elsewhere("admin").appointments().appointment(ann.id());
        assertThat(done.status()).as("checked in straight from booked: arrived").isEqualTo(AppointmentStatus.ARRIVED);
        assertThat(done.visitId()).isNotNull();
        assertThat(text(robot, "bookCheckedIn")).isEqualTo("Checked in 09:00");
        assertThat(text(robot, "bookStatus")).contains("Smith, Ann is checked in (09:00)", "NP Ivy Injector");
        assertThat(text(robot, "bookMessage")).startsWith("Consent missing");
        screenshot("book-checked-in");
    }

    @Test
    void theDeskDoesNotSeeMyPatientsToday(FxRobot robot) {
        signIn(robot, "desk", TestClinic.PASSWORD);
        robot.clickOn("#navToday");
        settle();
        assertThat(seen(robot, "myPatientsCard")).isFalse();
        assertThat(seen(robot, "todayAppt-" + ann.id())).isTrue();
    }
}
