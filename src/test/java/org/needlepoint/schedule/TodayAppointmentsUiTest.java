package org.needlepoint.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.needlepoint.app.Services;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;

/**
 * The Today screen's appointment cards and a patient's Appointments tab, on the test clock's Saturday
 * 21 Nov 2026 09:00: Ann at 10:00 with Ivy in Room 1 and Bea at 11:00 with Ian in Room 2 today; tomorrow
 * (Sunday, booked outside the hours) Cai at 10:00 and Bea at 11:00. Ann also missed 09:00 today
 * (no-show) and cancelled Sunday 08:00 late (within 24 hours), so her record counts one of each.
 */
class TodayAppointmentsUiTest extends UiTest {
    private ScheduleFixture f;
    private Appointment annToday;
    private Appointment beaToday;
    private Appointment caiTomorrow;
    private Appointment beaTomorrow;
    private Appointment missed;

    @Override
    protected void prepare(TestClinic c) {
        f = new ScheduleFixture(c);
        c.signIn("desk");
        AppointmentService s = c.services.appointments();
        LocalDate today = s.today();
        LocalDate tomorrow = today.plusDays(1);
        annToday = s.book(draft(f.ann, f.ivy, f.room1, today.atTime(10, 0)), false);
        beaToday = s.book(draft(f.bea, f.ian, f.room2, today.atTime(11, 0)), false);
        caiTomorrow = s.book(draft(f.cai, f.ivy, f.room1, tomorrow.atTime(10, 0)), true);
        beaTomorrow = s.book(draft(f.bea, f.ian, f.room2, tomorrow.atTime(11, 0)), true);
        missed = s.book(draft(f.ann, f.ian, null, today.atTime(9, 0)), false);
        s.changeStatus(missed.id(), missed.version(), AppointmentStatus.NO_SHOW, null);
        Appointment late = s.book(draft(f.ann, f.ivy, null, tomorrow.atTime(8, 0)), true);
        s.cancel(late.id(), late.version(), "Car broke down");
        c.services.auth().signOut();
    }

    private static AppointmentDraft draft(org.needlepoint.patient.Patient p, long injector, Room room, LocalDateTime at) {
        return ScheduleFixture.draft(p, injector, room, at, 30);
    }

    private Services elsewhere() {
        Services other = new Services(clinic.db, clinic.clock, new PasswordHasher(1_000));
        other.auth().signIn("admin", TestClinic.PASSWORD.toCharArray());
        return other;
    }

    private void openToday(FxRobot robot) {
        signIn(robot, "desk", TestClinic.PASSWORD);
        robot.clickOn("#navToday");
        settle();
    }

    @Test
    void todaysCardListsTheDayByTimeAndArrivedChangesTheStatus(FxRobot robot) {
        openToday(robot);
        assertThat(seen(robot, "todayAppt-" + annToday.id())).isTrue();
        assertThat(text(robot, "todayApptPatient-" + annToday.id())).isEqualTo("Smith, Ann");
        assertThat(text(robot, "todayApptStatus-" + annToday.id())).isEqualTo("Booked");
        assertThat(seen(robot, "arrived-" + annToday.id())).isTrue();
        assertThat(robot.lookup("#todayAppt-" + caiTomorrow.id()).tryQuery()).isEmpty();
        screenshot("today-appointments");

        robot.clickOn("#arrived-" + annToday.id());
        settle();

        assertThat(elsewhere().appointments().appointment(annToday.id()).status()).isEqualTo(AppointmentStatus.ARRIVED);
        assertThat(text(robot, "todayApptStatus-" + annToday.id())).isEqualTo("Arrived");
        assertThat(robot.lookup("#arrived-" + annToday.id()).tryQuery()).isEmpty();
        assertThat(text(robot, "todayApptStatus-" + beaToday.id())).isEqualTo("Booked");
        // the no-show of 09:00 is listed without an Arrived button
        assertThat(text(robot, "todayApptStatus-" + missed.id())).isEqualTo("No-show");
        assertThat(robot.lookup("#arrived-" + missed.id()).tryQuery()).isEmpty();
    }

    @Test
    void anotherPcsBookingAppearsOnTheCardByItself(FxRobot robot) {
        openToday(robot);
        Appointment more = elsewhere().appointments().book(draft(f.cai, f.ian, null,
                clinic.services.appointments().today().atTime(12, 0)), false);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        waitUntilSeen(robot, "todayAppt-" + more.id());
        assertThat(seen(robot, "todayAppt-" + more.id())).isTrue();
    }

    private void waitUntilSeen(FxRobot robot, String id) {
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> {
                settle();
                return robot.lookup("#" + id).tryQuery().isPresent();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(id + " did not appear within 5 s", e);
        }
    }

    @Test
    void tomorrowsListRecordsAConfirmedOutcomeAndACancellationWithItsReason(FxRobot robot) {
        openToday(robot);
        assertThat(text(robot, "confirmPhone-" + caiTomorrow.id())).isEqualTo("(555) 010-4567");
        assertThat(text(robot, "confirmLast-" + caiTomorrow.id())).isEqualTo("Not called yet");

        robot.clickOn("#confirmYes-" + caiTomorrow.id());
        settle();
        Services other = elsewhere();
        assertThat(other.appointments().appointment(caiTomorrow.id()).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(other.appointments().calls(caiTomorrow.id())).extracting(ConfirmationCall::outcome)
                .containsExactly(ConfirmationOutcome.CONFIRMED);
        assertThat(text(robot, "confirmLast-" + caiTomorrow.id())).startsWith("1 call · last: Confirmed");
        assertThat(text(robot, "confirmStatus-" + caiTomorrow.id())).isEqualTo("Confirmed");

        robot.clickOn("#confirmCancel-" + beaTomorrow.id());
        settle();
        screenshot("today-tomorrow-ask");
        robot.clickOn("#confirmCancelDo");
        settle();
        assertThat(text(robot, "confirmError")).contains("why");
        assertThat(other.appointments().appointment(beaTomorrow.id()).status()).isEqualTo(AppointmentStatus.BOOKED);
        robot.clickOn("#confirmCancelReason").write("Away on business");
        screenshot("today-tomorrow-cancel");
        robot.type(KeyCode.ENTER);
        settle();
        Appointment cancelled = other.appointments().appointment(beaTomorrow.id());
        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("Away on business");
        assertThat(text(robot, "confirmStatus-" + beaTomorrow.id())).isEqualTo("Cancelled");
        assertThat(robot.lookup("#confirmYes-" + beaTomorrow.id()).tryQuery()).isEmpty();
        screenshot("today-tomorrow-confirmed");
    }

    @Test
    void thePatientsRecordListsTheAppointmentsWithTheirCounts(FxRobot robot) {
        signIn(robot, "desk", TestClinic.PASSWORD);
        robot.clickOn("#searchField").write("smith");
        settle();
        robot.type(KeyCode.ENTER);
        settle();
        robot.clickOn("#appointmentsTab");
        settle();

        PatientAppointmentsControllerView shown = new PatientAppointmentsControllerView(robot);
        assertThat(shown.upcoming()).containsExactly(annToday.id());
        assertThat(shown.past()).hasSize(2);
        assertThat(text(robot, "paNoShows")).isEqualTo("1");
        assertThat(text(robot, "paLateCancels")).isEqualTo("1");
        assertThat(text(robot, "paUpcomingCount")).isEqualTo("1");
        screenshot("patient-appointments");

        // a booking on another PC shows by itself
        Appointment next = elsewhere().appointments().book(draft(f.ann, f.ivy, null, LocalDateTime.of(2026, 11, 23, 9, 30)),
                false);
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> {
                settle();
                return shown.upcoming().contains(next.id());
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the new booking did not show within 5 s", e);
        }
        assertThat(shown.upcoming()).containsExactly(annToday.id(), next.id());
    }

    /** The rows of the Appointments tab's tables, by appointment id. */
    private final class PatientAppointmentsControllerView {
        private final FxRobot robot;

        PatientAppointmentsControllerView(FxRobot robot) {
            this.robot = robot;
        }

        List<Long> upcoming() {
            javafx.scene.control.TableView<Appointment> t = node(robot, "paUpcoming");
            return t.getItems().stream().map(Appointment::id).toList();
        }

        List<Long> past() {
            javafx.scene.control.TableView<Appointment> t = node(robot, "paPast");
            return t.getItems().stream().map(Appointment::id).toList();
        }
    }
}
