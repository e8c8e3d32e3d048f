package org.needlepoint.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.needlepoint.testing.AdminUiBase;
import org.testfx.api.FxRobot;

/** Admin ▸ Appointment book: rooms, opening hours, an injector's working hours and the late-cancellation window. */
class ScheduleSettingsUiTest extends AdminUiBase {

    /** The window's own services: the admin is signed in on them. */
    private AppointmentService book() {
        return clinic.services.appointments();
    }

    private void type(FxRobot robot, String fxId, String text) {
        TextField f = node(robot, fxId);
        robot.interact(() -> f.setText(text));
    }

    private void press(FxRobot robot, String fxId) {
        Button b = node(robot, fxId);
        robot.interact(b::fire);
        settle();
    }

    /** Scrolls the tab's page so that the node shows, as a person would with the wheel. */
    private void scrollTo(FxRobot robot, String fxId) {
        javafx.scene.Node target = node(robot, fxId);
        robot.interact(() -> {
            javafx.scene.Node n = target;
            while (n != null && !(n instanceof javafx.scene.control.ScrollPane)) {
                n = n.getParent();
            }
            javafx.scene.control.ScrollPane pane = (javafx.scene.control.ScrollPane) n;
            double y = target.localToScene(0, 0).getY() - pane.getContent().localToScene(0, 0).getY();
            double room = pane.getContent().getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
            pane.setVvalue(room <= 0 ? 0 : Math.min(1, (y - 80) / room));
        });
        settle();
    }

    @Test
    void roomsAreAddedRenamedAndTakenOutOfUse(FxRobot robot) {
        openAdmin(robot, "appointmentBookTab");
        robot.clickOn("#roomName").write("Room 1");
        robot.clickOn("#saveRoomButton");
        settle();
        robot.clickOn("#roomName").write("Laser room");
        robot.clickOn("#saveRoomButton");
        settle();
        assertThat(text(robot, "scheduleStatus")).isEqualTo("Saved the room Laser room.");
        assertThat(rows(robot, "roomsTable")).extracting(r -> ((Room) r).name()).containsExactly("Laser room", "Room 1");

        clickCell(robot, "roomsTable", "Laser room");
        assertThat(text(robot, "saveRoomButton")).isEqualTo("Save room");
        retype(robot, "roomName", "Room 2");
        robot.clickOn("#roomActive");
        robot.clickOn("#saveRoomButton");
        settle();
        assertThat(book().rooms()).extracting(Room::name, Room::active)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Room 1", true), org.assertj.core.groups.Tuple.tuple("Room 2", false));

        // a duplicate name is refused at the field
        robot.clickOn("#newRoomButton");
        robot.clickOn("#roomName").write("room 1");
        robot.clickOn("#saveRoomButton");
        settle();
        assertThat(text(robot, "scheduleError")).isEqualTo("There is already a room called room 1.");
        assertThat(node(robot, "roomName").getStyleClass()).contains("field-error");
        screenshot("admin-appointment-book");
    }

    @Test
    void openingHoursAndAnInjectorsWorkingHoursAreSaved(FxRobot robot) {
        openAdmin(robot, "appointmentBookTab");
        assertThat(text(robot, "openingFromMONDAY")).isEqualTo("09:00");
        assertThat(((CheckBox) node(robot, "openSUNDAY")).isSelected()).isFalse();

        type(robot, "openingFromMONDAY", "8");
        type(robot, "openingToMONDAY", "17.30");
        CheckBox saturday = node(robot, "openSATURDAY");
        robot.interact(() -> saturday.setSelected(false));
        press(robot, "saveOpeningHoursButton");
        assertThat(text(robot, "scheduleStatus")).isEqualTo("Saved the opening hours.");
        ScheduleSettings s = book().settings();
        assertThat(s.openingHours().get(0)).isEqualTo(new DayHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(17, 30)));
        assertThat(s.openingHours().get(5).isClosed()).isTrue();

        // a time that cannot be read is marked at its field and nothing is saved
        type(robot, "openingToTUESDAY", "25:00");
        press(robot, "saveOpeningHoursButton");
        assertThat(text(robot, "scheduleError")).isEqualTo("Type when Tuesday ends, e.g. 18:00.");
        assertThat(node(robot, "openingToTUESDAY").getStyleClass()).contains("field-error");
        assertThat(seen(robot, "scheduleError")).isTrue();
        scrollTo(robot, "openingGrid");
        screenshot("admin-appointment-book-hours");
        type(robot, "openingToTUESDAY", "18:00");

        // the injector (the only one, chosen already): Fridays 10:00-14:00, Mondays off
        ChoiceBox<HoursForm.Choice> friday = node(robot, "injectorDayFRIDAY");
        ChoiceBox<HoursForm.Choice> monday = node(robot, "injectorDayMONDAY");
        assertThat(friday.getValue()).isEqualTo(HoursForm.Choice.CLINIC);
        robot.interact(() -> {
            friday.setValue(HoursForm.Choice.HOURS);
            monday.setValue(HoursForm.Choice.CLOSED);
        });
        type(robot, "injectorFromFRIDAY", "10:00");
        type(robot, "injectorToFRIDAY", "14:00");
        press(robot, "saveInjectorHoursButton");
        assertThat(text(robot, "scheduleStatus")).isEqualTo("Saved the working hours of NP Ivy Injector.");
        long ivy = book().injectors().get(0).id();
        assertThat(book().injectorWeek(ivy).ownDays()).containsExactly(DayHours.closed(DayOfWeek.MONDAY),
                new DayHours(DayOfWeek.FRIDAY, LocalTime.of(10, 0), LocalTime.of(14, 0)));

        type(robot, "lateCancelHours", "48");
        press(robot, "saveLateCancelButton");
        assertThat(book().settings().lateCancelHours()).isEqualTo(48);
        assertThat(text(robot, "scheduleStatus")).contains("less than 48 hours");
    }
}
