package org.needlepoint.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;

/**
 * A drag to a time the injector does not work asks first: "No, leave it" leaves the appointment where it
 * was, "Book anyway" moves it. Ian works Mondays from 12:00 only, and his morning is shaded.
 */
class BookHoursUiTest extends UiTest {
    private ScheduleFixture fx;
    private Appointment ann;

    @Override
    protected void prepare(TestClinic c) {
        fx = new ScheduleFixture(c);
        c.signIn("admin");
        c.services.appointments().saveInjectorHours(fx.ian, List.of(new DayHours(DayOfWeek.MONDAY, LocalTime.of(12, 0),
                LocalTime.of(18, 0))));
        ann = c.services.appointments().book(ScheduleFixture.draft(fx.ann, fx.ivy, null, ScheduleFixture.monday("10:00"), 30),
                false);
        c.services.auth().signOut();
    }

    private static Point2D centre(Node n) {
        Bounds b = n.localToScreen(n.getLayoutBounds());
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    private void dragToIan(FxRobot robot) {
        Node block = robot.lookup("#appt-" + ann.id()).query();
        Node ian = robot.lookup("#col-injector-" + fx.ian).query();
        Point2D from = centre(block);
        robot.drag(from, MouseButton.PRIMARY).moveTo(new Point2D(centre(ian).getX(), from.getY())).release(MouseButton.PRIMARY);
        settle();
    }

    @Test
    void aDragOutsideTheInjectorsHoursAsksAndMovesOnlyOnYes(FxRobot robot) {
        signIn(robot, "desk", TestClinic.PASSWORD);
        robot.clickOn("#navBook");
        settle();
        DatePicker date = node(robot, "bookDate");
        robot.interact(() -> date.setValue(ScheduleFixture.MONDAY));
        settle();
        assertThat(robot.lookup(".book-closed").queryAll()).as("Ian's morning").hasSize(1);

        dragToIan(robot);
        assertThat(seen(robot, "bookQuestion")).isTrue();
        assertThat(text(robot, "bookQuestionText")).contains("Ian Second");
        screenshot("book-outside-hours");
        robot.clickOn("#bookQuestionNo");
        settle();
        assertThat(seen(robot, "bookQuestion")).isFalse();
        assertThat(fx.clinic.services.appointments().appointment(ann.id()).injectorId()).isEqualTo(fx.ivy);

        dragToIan(robot);
        robot.clickOn("#bookQuestionYes");
        settle();
        Appointment moved = fx.clinic.services.appointments().appointment(ann.id());
        assertThat(moved.injectorId()).isEqualTo(fx.ian);
        assertThat(moved.start()).isEqualTo(ScheduleFixture.monday("10:00"));
        assertThat(text(robot, "bookStatus")).startsWith("Moved: Smith, Ann");
    }
}
