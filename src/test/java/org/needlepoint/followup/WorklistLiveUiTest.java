package org.needlepoint.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import org.junit.jupiter.api.Test;
import org.needlepoint.app.Services;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two PCs at once: a call task added on another PC appears in the worklist open on this one within 3
 * seconds, with the section's count and the tab's; the task selected here stays selected. The Today
 * card's figures follow the same way.
 */
class WorklistLiveUiTest extends UiTest {
    private FollowUpUiData data;
    private long caraCall;

    @Override
    protected void prepare(TestClinic c) {
        data = new FollowUpUiData(c);
        c.signIn("desk");
        FollowUpUiData.call(c.services, data.ann, data.today(), "Confirm Thursday's appointment");
        caraCall = FollowUpUiData.call(c.services, data.cara, data.today().plusDays(3), "Ask how the aftercare went").id();
        c.services.auth().signOut();
    }

    /** Waits at most 3 s for {@code condition}, read on the FX thread. */
    private static void within3s(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("the screen did not show the other PC's change within 3 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean shows(ListView<WorklistController.Item> list, long taskId) {
        return list.getItems().stream().anyMatch(i -> i instanceof WorklistController.Row r && r.row().taskId() == taskId);
    }

    private long selected(ListView<WorklistController.Item> list) {
        return list.getSelectionModel().getSelectedItem() instanceof WorklistController.Row r ? r.row().taskId() : -1;
    }

    @Test
    void aTaskAddedOnAnotherPcAppearsWithItsCountsAndTheSelectionStays(FxRobot robot) {
        signIn(robot, "desk", TestClinic.PASSWORD);
        robot.clickOn("#navFollowups");
        settle();
        ListView<WorklistController.Item> list = node(robot, "worklistList");
        javafx.scene.control.TabPane tabs = node(robot, "followUpsTabs");
        Tab tab = tabs.getTabs().stream().filter(t -> "worklistTab".equals(t.getId())).findFirst().orElseThrow();
        assertThat(text(robot, "count-today")).isEqualTo("1");
        assertThat(tab.getText()).isEqualTo("Calls to make (1)");
        robot.interact(() -> {
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i) instanceof WorklistController.Row r && r.row().taskId() == caraCall) {
                    list.getSelectionModel().select(i);
                }
            }
        });
        assertThat(selected(list)).isEqualTo(caraCall);

        Services other = data.elsewhere("desk");
        long beaCall = FollowUpUiData.call(other, data.bea, data.today(), "Bring the consent form").id();

        within3s(() -> shows(list, beaCall));
        assertThat(text(robot, "count-today")).isEqualTo("2");
        assertThat(tab.getText()).isEqualTo("Calls to make (2)");
        assertThat(selected(list)).as("the task selected here").isEqualTo(caraCall);
        screenshot("worklist-live");

        // the Today card counts it too, and follows the next change while it is on screen
        robot.clickOn("#navToday");
        settle();
        assertThat(text(robot, "cardDueToday")).isEqualTo("2");
        FollowUpUiData.call(other, data.cara, data.today(), "Reschedule");
        javafx.scene.control.Label dueToday = node(robot, "cardDueToday");
        within3s(() -> "3".equals(dueToday.getText()));
    }
}
