package org.needlepoint.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.DatePicker;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.needlepoint.followup.CallOutcome;
import org.needlepoint.followup.FollowUpTask;
import org.needlepoint.followup.TaskStatus;
import org.needlepoint.schedule.Appointment;
import org.needlepoint.schedule.AppointmentService;
import org.needlepoint.schedule.AppointmentStatus;
import org.needlepoint.testing.CollectingPrinter;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Checkout in the real window, on the test clock's Saturday 21 Nov 2026 09:00: Ann's Dysport glabella
 * treatment with Ivy signed, Bea's filler still a draft. Today's "Ready for checkout" lists Ann (Bea is
 * still with the injector); its Checkout opens the checkout screen: the aftercare sheet printed (the
 * pages reach the printer, none blank), the 2-week review booked in one click (the task closed as
 * booked), the appointment completed and gone from the list. From the book, Bea's checkout says the
 * injector must sign first and completes nothing.
 */
class CheckoutUiTest extends UiTest {
    private CheckoutFixture f;
    private Appointment ann;
    private Appointment bea;
    private Appointment cai;

    @Override
    protected void prepare(TestClinic c) {
        f = new CheckoutFixture(c);
        ann = f.treated(f.ann, "09:00", f.glabella(), true);
        bea = f.treated(f.bea, "09:30", f.fillerPoints(), false);
        cai = f.treated(f.cai, "10:00", f.fillerPoints(), true);
    }

    /** Saves a PNG of the checkout window when -Dscreenshots=true. */
    private void shootCheckout(FxRobot robot, String name) {
        if (!Boolean.getBoolean("screenshots")) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        try {
            Window w = robot.listTargetWindows().stream().filter(x -> x.getScene() != null && x.getScene().getRoot() != null
                    && "checkoutRoot".equals(x.getScene().getRoot().getId())).reduce((a, b) -> b).orElseThrow();
            var image = WaitForAsyncUtils.asyncFx(() -> w.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name + ".png").toFile());
        } catch (Exception e) {
            throw new AssertionError("screenshot " + name + " failed", e);
        }
    }

    /** Waits (up to 10 s) for what the screen shows after work that runs in steps (the PDF made, the dialog, the pages sent). */
    private void until(java.util.concurrent.Callable<Boolean> shown, String what) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(shown).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(what, e);
        }
        settle();
    }

    private FollowUpTask review() {
        return clinic.services.followUps().patientTasks(f.ann.id()).stream()
                .filter(t -> "TOXIN_REVIEW".equals(t.ruleCode())).findFirst().orElseThrow();
    }

    @Test
    void readyForCheckoutThenPrintBookTheNextVisitAndComplete(FxRobot robot) {
        CollectingPrinter printer = new CollectingPrinter(120);
        window.setPrinter(printer);
        signIn(robot, "desk", TestClinic.PASSWORD);
        robot.clickOn("#navToday");
        settle();
        assertThat(seen(robot, "readyCheckout-" + ann.id())).isTrue();
        assertThat(robot.lookup("#readyCheckout-" + bea.id()).tryQuery()).isEmpty();
        assertThat(text(robot, "readyCheckoutWaiting")).contains("Still with the injector").contains("Jones, Bea");
        screenshot("checkout-ready-card");

        robot.clickOn("#checkout-" + ann.id());
        settle();
        assertThat(text(robot, "checkoutPatient")).startsWith("Smith, Ann");
        assertThat(text(robot, "checkoutState")).isEqualTo("Arrived");
        FollowUpTask task = review();
        assertThat(text(robot, "nextVisitDetail-" + task.id())).contains("Sat 5 Dec 2026 at 09:00").contains("Ivy Injector");
        shootCheckout(robot, "checkout-screen");

        robot.clickOn("#printAftercareButton");
        until(() -> text(robot, "printMessage").startsWith("Aftercare sheet sent"), "the sheet was not sent");
        assertThat(printer.dialogs).isEqualTo(1);
        assertThat(printer.ended).isTrue();
        assertThat(printer.pages).isNotEmpty();
        printer.pages.forEach(p -> assertThat(CollectingPrinter.inked(p.image())).isGreaterThan(0.005));
        assertThat(text(robot, "printMessage")).startsWith("Aftercare sheet sent to Front desk laser")
                .contains(printer.pages.size() + (printer.pages.size() == 1 ? " page" : " pages"));

        robot.clickOn("#bookTask-" + task.id());
        settle();
        FollowUpTask closed = review();
        assertThat(closed.status()).isEqualTo(TaskStatus.DONE);
        assertThat(closed.lastOutcome()).isEqualTo(CallOutcome.BOOKED);
        assertThat(text(robot, "checkoutStatus")).isEqualTo("Booked: review on Sat 5 Dec 2026 at 09:00 with NP Ivy Injector.");
        assertThat(text(robot, "nextVisitDetail-" + task.id())).startsWith("Booked");
        assertThat(robot.lookup("#bookTask-" + task.id()).tryQuery()).isEmpty();

        robot.clickOn("#completeCheckoutButton");
        settle();
        assertThat(clinic.services.appointments().appointment(ann.id()).status()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(text(robot, "checkoutState")).isEqualTo("Completed");
        assertThat(node(robot, "completeCheckoutButton").isDisabled()).isTrue();
        shootCheckout(robot, "checkout-done");
        WaitForAsyncUtils.waitForFxEvents();
        List<Appointment> next = clinic.services.appointments().patientAppointments(f.ann.id()).upcoming();
        assertThat(next).singleElement().satisfies(a -> assertThat(a.followUpTaskId()).isEqualTo(task.id()));

        robot.clickOn("#closeCheckoutButton");
        settle();
        // the card follows the change feed: Ann has gone from it
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#readyCheckout-" + ann.id()).tryQuery().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Ann still listed as ready for checkout", e);
        }
    }

    @Test
    void fromTheBookAVisitNotYetSignedCannotBeCheckedOut(FxRobot robot) {
        clinic.signIn("desk");
        clinic.services.appointments().changeStatus(bea.id(), bea.version(), AppointmentStatus.IN_TREATMENT, null);
        clinic.services.auth().signOut();
        signIn(robot, "desk", TestClinic.PASSWORD);
        robot.clickOn("#navBook");
        settle();
        DatePicker date = node(robot, "bookDate");
        robot.interact(() -> date.setValue(clinic.services.appointments().today()));
        settle();
        robot.clickOn("#appt-" + bea.id());
        settle();
        assertThat(robot.lookup("#status-completed").tryQuery()).as("completing goes through checkout").isEmpty();

        robot.clickOn("#apptCheckout");
        settle();

        assertThat(text(robot, "checkoutError")).isEqualTo(AppointmentService.UNSIGNED);
        assertThat(node(robot, "completeCheckoutButton").isDisabled()).isTrue();
        assertThat(seen(robot, "printAftercareButton")).as("no step to take").isFalse();
        assertThat(text(robot, "checkoutPatient")).isEqualTo("Not ready for checkout");
        shootCheckout(robot, "checkout-unsigned");
        clinic.signIn("desk");
        assertThat(clinic.services.appointments().appointment(bea.id()).status()).isEqualTo(AppointmentStatus.IN_TREATMENT);
    }

    @Test
    void withNoPrinterTheSheetIsSavedAsAPdfAndTheNextVisitIsBookedFromTheOfferedForm(FxRobot robot) throws Exception {
        window.setPrinter(new org.needlepoint.ui.PagePrinter() {
            @Override
            public boolean installed() {
                return false;
            }

            @Override
            public java.util.Optional<Job> begin(Window owner, String jobName) {
                throw new AssertionError("no print dialog without a printer");
            }
        });
        Path saved = Files.createTempDirectory("needlepoint-aftercare").resolve("aftercare.pdf");
        window.setSaveDialog((owner, title, name) -> saved.toFile());
        signIn(robot, "desk", TestClinic.PASSWORD);
        robot.clickOn("#navToday");
        settle();
        robot.clickOn("#checkout-" + cai.id());
        settle();
        assertThat(text(robot, "nextVisitOffer")).contains("No follow-up is due").contains("Sat 19 Dec 2026 at 09:00");
        assertThat(seen(robot, "nextVisitForm")).isTrue();
        assertThat(text(robot, "nextTime")).isEqualTo("09:00");

        robot.clickOn("#printAftercareButton");
        settle();
        assertThat(text(robot, "printMessage")).startsWith("No printer is installed on this PC");
        shootCheckout(robot, "checkout-no-printer");
        robot.clickOn("#saveAftercareButton");
        settle();
        assertThat(Files.readString(saved, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
        assertThat(text(robot, "printMessage")).startsWith("Saved ");

        robot.clickOn("#bookNextButton");
        settle();
        List<Appointment> next = clinic.services.appointments().patientAppointments(f.cai.id()).upcoming().stream()
                .filter(a -> a.id() != cai.id()).toList();
        assertThat(next).singleElement().satisfies(a -> {
            assertThat(a.start()).isEqualTo(java.time.LocalDateTime.of(2026, 12, 19, 9, 0));
            assertThat(a.injectorId()).isEqualTo(f.ivy);
            assertThat(a.reason()).isEqualTo(CheckoutService.NEXT_VISIT_REASON);
        });
        assertThat(seen(robot, "nextVisitForm")).as("not offered twice").isFalse();
        assertThat(text(robot, "checkoutStatus")).startsWith("Booked: treatment on Sat 19 Dec 2026 at 09:00");
    }
}
