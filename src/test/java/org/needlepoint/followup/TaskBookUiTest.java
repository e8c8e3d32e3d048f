package org.needlepoint.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.needlepoint.app.Services;
import org.needlepoint.schedule.Appointment;
import org.needlepoint.schedule.AppointmentKind;
import org.needlepoint.schedule.Injector;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;

/**
 * The worklist's "Book": a toxin chart signed 14 days ago (Saturday 5 Dec 2026, 09:00) puts its review
 * on today's list; Book suggests a review today at 09:00 with the injector who treated; the desk moves
 * it to 10:30 and books: the task leaves the list closed as booked, and the appointment is in the book.
 */
class TaskBookUiTest extends UiTest {
    private FollowUpUiData data;
    private long annReview;

    @Override
    protected void prepare(TestClinic c) {
        data = new FollowUpUiData(c);
        data.toxin(c.services, data.ann);
        data.days(14);
        c.signIn("desk");
        annReview = c.services.followUps().patientTasks(data.ann.id()).stream()
                .filter(t -> t.kind() == TaskKind.REVIEW).findFirst().orElseThrow().id();
        c.services.auth().signOut();
    }

    @Test
    void bookFromTheWorklistClosesTheTaskAndTheAppointmentExists(FxRobot robot) {
        signIn(robot, "desk", TestClinic.PASSWORD);
        robot.clickOn("#navFollowups");
        settle();
        assertThat(seen(robot, "book-" + annReview)).isTrue();

        robot.clickOn("#book-" + annReview);
        settle();
        assertThat(seen(robot, "taskBookRoot")).isTrue();
        assertThat(text(robot, "taskBookSuggestion")).startsWith("Suggested: review on Saturday 5 December at 09:00 with");
        assertThat(((TextField) node(robot, "taskBookTime")).getText()).isEqualTo("09:00");
        ComboBox<Injector> injector = node(robot, "taskBookInjector");
        ComboBox<AppointmentKind> kind = node(robot, "taskBookKind");
        assertThat(injector.getValue()).isNotNull();
        assertThat(kind.getValue()).isEqualTo(AppointmentKind.REVIEW);
        screenshot("followups-worklist-book");

        TextField time = node(robot, "taskBookTime");
        robot.doubleClickOn(time).eraseText(5).write("10:30");
        robot.clickOn("#taskBookConfirm");
        settle();

        assertThat(robot.lookup("#task-" + annReview).tryQuery()).isEmpty();
        assertThat(seen(robot, "taskBookRoot")).isFalse();
        assertThat(text(robot, "worklistStatus")).contains("Booked").contains("10:30");
        Services other = data.elsewhere("admin");
        FollowUpTask t = other.followUps().task(annReview);
        assertThat(t.status()).isEqualTo(TaskStatus.DONE);
        assertThat(t.lastOutcome()).isEqualTo(CallOutcome.BOOKED);
        List<Appointment> day = other.appointments().day(data.today());
        assertThat(day).hasSize(1);
        assertThat(day.get(0).patientId()).isEqualTo(data.ann.id());
        assertThat(day.get(0).start()).isEqualTo(LocalDateTime.of(2026, 12, 5, 10, 30));
        assertThat(day.get(0).followUpTaskId()).isEqualTo(annReview);
        assertThat(day.get(0).injectorId()).isEqualTo(injector.getValue().id());
        screenshot("followups-worklist-booked");
    }
}
