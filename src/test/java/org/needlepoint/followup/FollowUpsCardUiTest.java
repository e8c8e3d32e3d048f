package org.needlepoint.followup;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;

/** The Today screen's follow-up card: its figures by role, the urgent line, and the way into the section. */
class FollowUpsCardUiTest extends UiTest {
    private FollowUpUiData data;

    @Override
    protected void prepare(TestClinic c) {
        data = new FollowUpUiData(c);
        VisitChart annToxin = data.toxin(c.services, data.ann);
        VisitChart beaFiller = data.filler(c.services, data.bea);
        c.signIn("desk");
        FollowUpUiData.call(c.services, data.cara, data.today().plusDays(7), "Ask how the aftercare went");
        data.days(14); // Ann's review is due today, Cara's call a week overdue
        FollowUpUiData.call(c.services, data.bea, data.today(), "Confirm Thursday's appointment");
        c.services.adverseEvents().logPatientReport(data.bea.id(), "Bruise on the cheek", c.clock.instant());
        c.signIn("injector");
        FollowUpUiData.bruise(c.services, annToxin);
        FollowUpUiData.urgentEvent(c.services, beaFiller);
        c.services.auth().signOut();
    }

    private WorklistCounts expected() {
        return data.elsewhere("admin").followUps().worklistCounts(data.today());
    }

    @Test
    void anInjectorSeesEveryFigure(FxRobot robot) {
        signIn(robot, "injector", TestClinic.PASSWORD);
        robot.clickOn("#navToday");
        settle();
        WorklistCounts c = expected();
        assertThat(c.overdue()).isEqualTo(1);
        assertThat(c.dueToday()).isEqualTo(2);
        assertThat(c.waitingReports()).isEqualTo(1);
        assertThat(c.openEvents()).isEqualTo(2);
        assertThat(c.openUrgent()).isEqualTo(1);
        assertThat(text(robot, "cardOverdue")).isEqualTo("1");
        assertThat(node(robot, "cardOverdue").getStyleClass()).contains("alarm");
        assertThat(text(robot, "cardDueToday")).isEqualTo("2");
        assertThat(text(robot, "cardUpcoming")).isEqualTo(Integer.toString(c.upcoming()));
        assertThat(text(robot, "cardUpcomingLabel")).isEqualTo("next 7 days");
        assertThat(text(robot, "cardWaiting")).isEqualTo("1");
        assertThat(text(robot, "cardOpenEvents")).isEqualTo("2");
        assertThat(seen(robot, "cardUrgent")).isTrue();
        assertThat(text(robot, "cardUrgent")).startsWith("1 urgent side effect is open");
        screenshot("today-followups-card-injector");

        robot.clickOn("#followUpsCard");
        settle();
        assertThat(((ToggleButton) node(robot, "navFollowups")).isSelected()).isTrue();
        assertThat(seen(robot, "worklistList")).isTrue();
    }

    @Test
    void theDeskSeesItsCallsAndTheUrgentLine(FxRobot robot) {
        signIn(robot, "desk", TestClinic.PASSWORD);
        robot.clickOn("#navToday");
        settle();
        assertThat(text(robot, "cardOverdue")).isEqualTo("1");
        assertThat(text(robot, "cardDueToday")).isEqualTo("2");
        assertThat(seen(robot, "cardWaiting")).isFalse();
        assertThat(seen(robot, "cardUrgent")).isTrue();
        screenshot("today-followups-card-desk");
        robot.clickOn("#cardOpen");
        settle();
        assertThat(((ToggleButton) node(robot, "navFollowups")).isSelected()).isTrue();
    }
}
