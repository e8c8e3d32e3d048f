package org.needlepoint.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.needlepoint.app.Services;
import org.needlepoint.patient.PatientSummary;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The appointment book in the real window: booking through the form, dragging a block to another time and
 * injector (saved), a drag onto a taken slot refused in words with the block back in place, and another
 * PC's booking appearing within 3 s.
 */
class BookUiTest extends UiTest {
    private ScheduleFixture fx;
    private Appointment annAt10;
    private Appointment beaAt10;

    @Override
    protected void prepare(TestClinic c) {
        fx = new ScheduleFixture(c);
        c.signIn("desk");
        annAt10 = c.services.appointments().book(ScheduleFixture.draft(fx.ann, fx.ivy, fx.room1,
                ScheduleFixture.monday("10:00"), 30), false);
        beaAt10 = c.services.appointments().book(ScheduleFixture.draft(fx.bea, fx.ian, fx.room2,
                ScheduleFixture.monday("10:00"), 30), false);
        c.services.auth().signOut();
    }

    private void openMonday(FxRobot robot) {
        signIn(robot, "desk", TestClinic.PASSWORD);
        robot.clickOn("#navBook");
        settle();
        DatePicker date = node(robot, "bookDate");
        robot.interact(() -> date.setValue(ScheduleFixture.MONDAY));
        settle();
    }

    private static Point2D centre(Node n) {
        Bounds b = n.localToScreen(n.getLayoutBounds());
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    private BookGrid grid(FxRobot robot) {
        return node(robot, "bookGrid");
    }

    private static void within3s(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("the book did not show the other PC's booking within 3 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aPatientBookedThroughTheFormAppearsAsABlock(FxRobot robot) throws Exception {
        openMonday(robot);
        assertThat(text(robot, "bookTitle")).isEqualTo("Monday 23 November 2026");
        assertThat(robot.lookup("#appt-" + annAt10.id()).tryQuery()).isPresent();
        screenshot("book-day-small");
        robot.clickOn("#bookGrid");
        robot.type(javafx.scene.input.KeyCode.N);
        assertThat(seen(robot, "bookingForm")).isTrue();
        robot.clickOn("#formPatient").write("Brown");
        settle();
        ListView<PatientSummary> results = node(robot, "formPatientResults");
        assertThat(results.getItems()).extracting(PatientSummary::id).containsExactly(fx.cai.id());
        robot.clickOn(robot.lookup("#formPatientResults .list-cell").nth(0).queryAs(Node.class));
        assertThat(text(robot, "formPatientChosen")).contains("Brown, Cai");
        ComboBox<AppointmentKind> kind = node(robot, "formKind");
        robot.interact(() -> kind.setValue(AppointmentKind.CONSULTATION));
        assertThat(text(robot, "formMinutes")).isEqualTo(String.valueOf(AppointmentService.defaultMinutes(
                AppointmentKind.CONSULTATION)));
        ComboBox<Injector> injector = node(robot, "formInjector");
        robot.interact(() -> injector.setValue(injector.getItems().stream().filter(i -> i.id() == fx.ian).findFirst()
                .orElseThrow()));
        robot.doubleClickOn("#formTime").eraseText(8).write("14:00");
        robot.clickOn("#formReason").write("First consultation");
        screenshot("book-form");
        robot.clickOn("#formBook");
        settle();
        assertThat(seen(robot, "bookingForm")).isFalse();
        assertThat(text(robot, "bookStatus")).startsWith("Booked: Brown, Cai");
        var booked = fx.clinic.services.appointments().day(ScheduleFixture.MONDAY).stream()
                .filter(a -> a.patientId() == fx.cai.id()).findFirst().orElseThrow();
        assertThat(booked.start()).isEqualTo(ScheduleFixture.monday("14:00"));
        assertThat(booked.injectorId()).isEqualTo(fx.ian);
        assertThat(booked.kind()).isEqualTo(AppointmentKind.CONSULTATION);
        assertThat(booked.reason()).isEqualTo("First consultation");
        // the day is read again in the background after the booking (and again when the change feed sees it)
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#appt-" + booked.id()).tryQuery().isPresent());
        settle();
        Node block = robot.lookup("#appt-" + booked.id()).query();
        Node ianColumn = robot.lookup("#col-injector-" + fx.ian).query();
        assertThat(ianColumn.getBoundsInParent().getMinX()).isLessThan(block.getLayoutX() + block.getLayoutBounds().getWidth() / 2)
                .isLessThan(ianColumn.getBoundsInParent().getMaxX());
        screenshot("book-day-booked");
    }

    @Test
    void aBlockDraggedToAnotherTimeAndInjectorIsMovedInTheRecords(FxRobot robot) {
        openMonday(robot);
        BookGrid grid = grid(robot);
        double px = grid.layoutOfAxis().pxPerMinute();

        // its bottom edge, dragged down by 15 minutes, makes it 45 minutes long
        Node block = robot.lookup("#appt-" + annAt10.id()).query();
        Bounds b = block.localToScreen(block.getLayoutBounds());
        Point2D edge = new Point2D(b.getCenterX(), b.getMaxY() - 3);
        robot.drag(edge, MouseButton.PRIMARY).moveTo(new Point2D(edge.getX(), edge.getY() + px * 15)).release(MouseButton.PRIMARY);
        settle();
        assertThat(fx.clinic.services.appointments().appointment(annAt10.id()).minutes()).isEqualTo(45);
        block = robot.lookup("#appt-" + annAt10.id()).query();
        assertThat(block.getLayoutBounds().getHeight()).isEqualTo(px * 45 - 2);

        // dragged by its middle to Ian's column three hours later: moved, keeping its length and room
        Node ianColumn = robot.lookup("#col-injector-" + fx.ian).query();
        Point2D from = centre(block);
        Point2D to = new Point2D(centre(ianColumn).getX(), from.getY() + px * 60 * 3);
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        settle();
        Appointment moved = fx.clinic.services.appointments().appointment(annAt10.id());
        assertThat(moved.start()).isEqualTo(ScheduleFixture.monday("13:00"));
        assertThat(moved.minutes()).isEqualTo(45);
        assertThat(moved.injectorId()).isEqualTo(fx.ian);
        assertThat(moved.roomId()).as("the room stays").isEqualTo(fx.room1.id());
        assertThat(text(robot, "bookStatus")).startsWith("Moved: Smith, Ann");
        Node now = robot.lookup("#appt-" + annAt10.id()).query();
        assertThat(now.getLayoutY()).isEqualTo(BookGrid.HEADER_HEIGHT + grid.layoutOfAxis().y(java.time.LocalTime.of(13, 0)) + 1);
        assertThat(ianColumn.getBoundsInParent().getMinX()).isLessThan(now.getLayoutX());
    }

    @Test
    void aDragOntoATakenSlotIsRefusedInWordsAndTheBlockGoesBack(FxRobot robot) {
        openMonday(robot);
        Node block = robot.lookup("#appt-" + annAt10.id()).query();
        double x = block.getLayoutX();
        Node ianColumn = robot.lookup("#col-injector-" + fx.ian).query();
        Point2D from = centre(block);
        robot.drag(from, MouseButton.PRIMARY).moveTo(new Point2D(centre(ianColumn).getX(), from.getY()))
                .release(MouseButton.PRIMARY);
        settle();
        assertThat(text(robot, "bookMessage")).contains("Ian Second").contains("The appointment stays where it was.");
        assertThat(seen(robot, "bookMessage")).isTrue();
        Appointment still = fx.clinic.services.appointments().appointment(annAt10.id());
        assertThat(still.injectorId()).isEqualTo(fx.ivy);
        assertThat(still.start()).isEqualTo(annAt10.start());
        Node back = robot.lookup("#appt-" + annAt10.id()).query();
        assertThat(back.getLayoutX()).isEqualTo(x);
        screenshot("book-refused");
    }

    @Test
    void aBookingMadeOnAnotherPcAppearsWithin3s(FxRobot robot) {
        openMonday(robot);
        Services other = new Services(fx.clinic.db, fx.clinic.clock, new PasswordHasher(1_000));
        other.auth().signIn("desk", TestClinic.PASSWORD.toCharArray());
        Appointment elsewhere = other.appointments().book(new AppointmentDraft(fx.cai.id(), fx.ivy, null,
                ScheduleFixture.monday("15:00"), 45, AppointmentKind.REVIEW, null, java.util.List.of(), null), false);
        BookGrid grid = grid(robot);
        within3s(() -> grid.blockOf(elsewhere.id()) != null);
        assertThat(grid.blockOf(elsewhere.id()).getLayoutY()).isEqualTo(BookGrid.HEADER_HEIGHT
                + grid.layoutOfAxis().y(java.time.LocalTime.of(15, 0)) + 1);
    }

    @Test
    void statusActionsOfferOnlyTheNextStatusesAndCancellingNeedsAReason(FxRobot robot) {
        openMonday(robot);
        robot.clickOn("#appt-" + beaAt10.id());
        assertThat(text(robot, "apptTitle")).isEqualTo("Treatment: Jones, Bea");
        assertThat(robot.lookup("#apptActions .button").queryAll().stream().map(Node::getId).toList())
                .containsExactlyInAnyOrder(AppointmentService.nextStatuses(AppointmentStatus.BOOKED).stream()
                        .map(s -> "status-" + s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toArray(String[]::new));
        robot.clickOn("#status-confirmed");
        settle();
        assertThat(fx.clinic.services.appointments().appointment(beaAt10.id()).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(text(robot, "apptStatus")).isEqualTo("Confirmed");
        robot.clickOn("#status-cancelled");
        robot.clickOn("#apptCancelConfirm");
        settle();
        assertThat(text(robot, "apptError")).isEqualTo("Say why the appointment is cancelled.");
        assertThat(fx.clinic.services.appointments().appointment(beaAt10.id()).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        robot.clickOn("#apptCancelReason").write("Patient is unwell");
        robot.clickOn("#apptCancelConfirm");
        settle();
        Appointment gone = fx.clinic.services.appointments().appointment(beaAt10.id());
        assertThat(gone.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(gone.cancelReason()).isEqualTo("Patient is unwell");
        assertThat(grid(robot).blockOf(beaAt10.id())).as("a cancelled time is free on the grid").isNull();
    }
}
