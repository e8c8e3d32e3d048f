package org.needlepoint.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.needlepoint.app.Services;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;

/**
 * The front desk works the call list: a toxin chart signed 14 days ago puts its review on today's
 * list; call outcomes by mouse (two clicks) and keyboard (4, Enter); snooze; the overdue section
 * once the clock moves; a call someone else logged meanwhile; who may close which task.
 */
class WorklistUiTest extends UiTest {
    private FollowUpUiData data;
    private long annReview;
    private long beaCall;
    private long caraCall;

    @Override
    protected void prepare(TestClinic c) {
        data = new FollowUpUiData(c);
        data.toxin(c.services, data.ann);
        data.days(14);
        c.signIn("desk");
        beaCall = FollowUpUiData.call(c.services, data.bea, data.today(), "Confirm Thursday's appointment").id();
        caraCall = FollowUpUiData.call(c.services, data.cara, data.today().plusDays(3), "Ask how the aftercare went").id();
        annReview = c.services.followUps().patientTasks(data.ann.id()).stream()
                .filter(t -> t.kind() == TaskKind.REVIEW).findFirst().orElseThrow().id();
        c.services.auth().signOut();
    }

    /** The rows on screen, by section. */
    private Worklist shown(FxRobot robot) {
        ListView<WorklistController.Item> list = node(robot, "worklistList");
        List<WorklistRow> overdue = new ArrayList<>();
        List<WorklistRow> today = new ArrayList<>();
        List<WorklistRow> upcoming = new ArrayList<>();
        for (WorklistController.Item i : list.getItems()) {
            if (i instanceof WorklistController.Row r) {
                (r.section() == WorklistSection.OVERDUE ? overdue : r.section() == WorklistSection.DUE_TODAY ? today
                        : upcoming).add(r.row());
            }
        }
        return new Worklist(data.today(), 7, overdue, today, upcoming);
    }

    private static List<Long> ids(List<WorklistRow> rows) {
        return rows.stream().map(WorklistRow::taskId).toList();
    }

    private void openFollowUps(FxRobot robot, String user) {
        signIn(robot, user, TestClinic.PASSWORD);
        robot.clickOn("#navFollowups");
        settle();
    }

    private List<CallAttempt> attempts(long taskId) {
        return data.elsewhere("admin").followUps().attempts(taskId);
    }

    private FollowUpTask task(long taskId) {
        return data.elsewhere("admin").followUps().task(taskId);
    }

    @Test
    void theDeskLogsCallsSnoozesAndSeesOverdueTasks(FxRobot robot) {
        openFollowUps(robot, "desk");
        Worklist w = shown(robot);
        assertThat(ids(w.dueToday())).containsExactlyInAnyOrder(annReview, beaCall);
        assertThat(ids(w.upcoming())).containsExactly(caraCall);
        assertThat(ids(w.overdue())).isEmpty();
        assertThat(text(robot, "phone-" + beaCall)).isEqualTo("(555) 010-9876");
        assertThat(text(robot, "count-today")).isEqualTo("2");
        assertThat(text(robot, "count-upcoming")).isEqualTo("1");
        assertThat(seen(robot, "task-" + annReview)).isTrue();
        screenshot("followups-worklist-desk");

        // No answer: two clicks, the task stays with one attempt
        robot.clickOn("#logCall-" + beaCall);
        settle();
        screenshot("followups-log-call");
        robot.clickOn("#outcomeNoAnswer");
        settle();
        assertThat(ids(shown(robot).dueToday())).contains(beaCall);
        assertThat(text(robot, "attempts-" + beaCall)).startsWith("1 call · last: No answer");
        assertThat(attempts(beaCall)).extracting(CallAttempt::outcome).containsExactly(CallOutcome.NO_ANSWER);
        assertThat(text(robot, "worklistStatus")).contains("No answer").contains("Jones, Bea");

        // Reached, with a note: the call task is done and leaves the list
        robot.clickOn("#logCall-" + beaCall);
        robot.clickOn("#callNote").write("Confirmed for Thursday 10:30");
        robot.clickOn("#outcomeReached");
        settle();
        assertThat(ids(shown(robot).dueToday())).containsExactly(annReview);
        assertThat(robot.lookup("#task-" + beaCall).tryQuery()).isEmpty();
        assertThat(attempts(beaCall)).extracting(CallAttempt::outcome)
                .containsExactly(CallOutcome.NO_ANSWER, CallOutcome.REACHED);
        assertThat(attempts(beaCall).get(1).note()).isEqualTo("Confirmed for Thursday 10:30");
        assertThat(task(beaCall).status()).isEqualTo(TaskStatus.DONE);

        // snooze to tomorrow: off today's list
        robot.clickOn("#snooze-" + annReview);
        settle();
        screenshot("followups-snooze");
        robot.clickOn("#snoozeTomorrow");
        settle();
        assertThat(shown(robot).dueToday()).isEmpty();
        assertThat(text(robot, "count-today")).isEqualTo("0");
        assertThat(task(annReview).snoozedUntil()).isEqualTo(data.today().plusDays(1));

        // the next morning it is back, overdue by a day
        data.days(1);
        robot.clickOn("#worklistRefresh");
        settle();
        w = shown(robot);
        assertThat(ids(w.overdue())).containsExactly(annReview);
        assertThat(ids(w.upcoming())).containsExactly(caraCall);
        assertThat(text(robot, "count-overdue")).isEqualTo("1");
        assertThat(text(robot, "worklistTitle")).contains(data.today().getDayOfMonth() + "");
        screenshot("followups-overdue");

        // keyboard: select the row, 4 (Booked), Enter
        robot.clickOn("#task-" + annReview);
        robot.type(KeyCode.DIGIT4);
        settle();
        assertThat(seen(robot, "outcomeBooked")).isTrue();
        assertThat(node(robot, "outcomeBooked").getStyleClass()).contains("chosen");
        robot.type(KeyCode.ENTER);
        settle();
        assertThat(shown(robot).overdue()).isEmpty();
        assertThat(attempts(annReview)).extracting(CallAttempt::outcome).containsExactly(CallOutcome.BOOKED);
        assertThat(task(annReview).status()).isEqualTo(TaskStatus.DONE);
        assertThat(seen(robot, "outcomeBooked")).isFalse();
    }

    @Test
    void aCallLoggedMeanwhileElsewhereIsReportedAndTheListReloads(FxRobot robot) {
        openFollowUps(robot, "desk");
        // the click comes before the feed's next look (which would reload the list by itself: WorklistLiveUiTest)
        clinic.services.changes().close();
        Services other = data.elsewhere("injector");
        FollowUpTask t = other.followUps().task(beaCall);
        other.followUps().logCall(beaCall, t.version(), CallOutcome.NO_ANSWER, null);

        robot.clickOn("#logCall-" + beaCall);
        robot.clickOn("#outcomeMessage");
        settle();
        assertThat(text(robot, "worklistError")).contains("Ivy Injector").contains("reloaded");
        assertThat(text(robot, "attempts-" + beaCall)).startsWith("1 call · last: No answer");
        screenshot("followups-stale");

        robot.clickOn("#logCall-" + beaCall);
        robot.clickOn("#outcomeMessage");
        settle();
        assertThat(text(robot, "attempts-" + beaCall)).startsWith("2 calls · last: Left a message");
        assertThat(seen(robot, "worklistError")).isFalse();
    }

    @Test
    void theDeskClosesOnlyNonClinicalTasksAndHasNoReviewTab(FxRobot robot) {
        openFollowUps(robot, "desk");
        assertThat(robot.lookup("Review").tryQuery()).isEmpty();
        robot.clickOn("#logCall-" + annReview);
        settle();
        assertThat(seen(robot, "closeWithoutCall")).as("a clinical task").isFalse();
        robot.clickOn("#logCall-" + beaCall);
        settle();
        assertThat(seen(robot, "closeWithoutCall")).as("a call the desk added").isTrue();

        robot.clickOn("#closeWithoutCall");
        robot.clickOn("#closeCancel");
        settle();
        assertThat(text(robot, "taskActionError")).contains("reason");
        robot.clickOn("#closeNote").write("Patient moved away");
        robot.clickOn("#closeCancel");
        settle();
        assertThat(task(beaCall).status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(task(beaCall).closeNote()).isEqualTo("Patient moved away");
        assertThat(robot.lookup("#task-" + beaCall).tryQuery()).isEmpty();
    }

    @Test
    void anInjectorClosesAClinicalTaskAndOpensThePatientFromTheList(FxRobot robot) {
        openFollowUps(robot, "injector");
        robot.clickOn("#logCall-" + annReview);
        robot.clickOn("#closeWithoutCall");
        robot.clickOn("#closeNote").write("Reviewed when she came in for filler");
        robot.clickOn("#closeDone");
        settle();
        assertThat(task(annReview).status()).isEqualTo(TaskStatus.DONE);

        robot.clickOn("#openPatient-" + caraCall);
        settle();
        assertThat(((ToggleButton) node(robot, "navPatients")).isSelected()).isTrue();
        assertThat(text(robot, "headerName")).isEqualTo("Lind, Cara");
    }
}
