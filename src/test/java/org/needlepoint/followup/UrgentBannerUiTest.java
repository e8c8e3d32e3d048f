package org.needlepoint.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.needlepoint.app.Services;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;

/** The red banner: on every screen for every role while an urgent event is open; injectors close it with a note. */
class UrgentBannerUiTest extends UiTest {
    private FollowUpUiData data;
    private VisitChart caraVisit;
    private long annEvent;

    @Override
    protected void prepare(TestClinic c) {
        data = new FollowUpUiData(c);
        VisitChart annVisit = data.filler(c.services, data.ann);
        caraVisit = data.filler(c.services, data.cara);
        annEvent = FollowUpUiData.urgentEvent(c.services, annVisit).id();
        c.clock.advance(Duration.ofMinutes(12));
        c.services.auth().signOut();
    }

    private AdverseEvent stored(long id) {
        return data.elsewhere("admin").adverseEvents().event(id);
    }

    @Test
    void everyoneSeesItAndAnInjectorClosesItWithANote(FxRobot robot) {
        signIn(robot, "desk", TestClinic.PASSWORD);
        assertThat(seen(robot, "urgentBanner")).isTrue();
        assertThat(text(robot, "urgentWhat-" + annEvent)).contains("Vascular occlusion; vision change");
        assertThat(robot.lookup("#urgent-" + annEvent).lookup("Smith, Ann (chart 1001)").tryQuery()).isPresent();
        assertThat(robot.lookup("#urgent-" + annEvent).lookup("12 min ago · NP Ivy Injector").tryQuery()).isPresent();
        assertThat(robot.lookup("#urgentClose-" + annEvent).tryQuery()).as("the desk cannot close it").isEmpty();
        assertThat(seen(robot, "urgentChecklistText")).isFalse();
        screenshot("urgent-banner-desk");

        robot.clickOn("#urgentChecklistToggle");
        assertThat(seen(robot, "urgentChecklistText")).isTrue();
        assertThat(text(robot, "urgentChecklistText")).contains("Stop injecting at once");
        screenshot("urgent-banner-checklist");
        robot.clickOn("#urgentChecklistToggle");
        robot.clickOn("#navFollowups");
        settle();
        assertThat(seen(robot, "urgentBanner")).as("on every section").isTrue();

        robot.clickOn("#signOutButton");
        settle();
        signIn(robot, "injector", TestClinic.PASSWORD);
        assertThat(seen(robot, "urgentBanner")).isTrue();

        // another injector records a second urgent event; the app's hook refreshes the banner
        Services other = data.elsewhere("injector");
        long caraEvent = FollowUpUiData.urgentEvent(other, caraVisit).id();
        robot.interact(() -> window.followUpsChanged());
        settle();
        assertThat(robot.lookup("#urgent-" + caraEvent).tryQuery()).isPresent();

        robot.clickOn("#urgentClose-" + annEvent);
        robot.clickOn("#urgentCloseConfirm");
        settle();
        assertThat(text(robot, "urgentCloseError")).contains("Write what was done");
        assertThat(stored(annEvent).urgentOpen()).isTrue();
        robot.clickOn("#urgentCloseNote").write("Hyaluronidase given, reperfused, review tomorrow 9:00");
        screenshot("urgent-banner-close");
        robot.clickOn("#urgentCloseConfirm");
        settle();
        assertThat(robot.lookup("#urgent-" + annEvent).tryQuery()).isEmpty();
        assertThat(seen(robot, "urgentBanner")).isTrue();
        AdverseEvent closed = stored(annEvent);
        assertThat(closed.urgentOpen()).isFalse();
        assertThat(closed.urgentCloseNote()).isEqualTo("Hyaluronidase given, reperfused, review tomorrow 9:00");
        assertThat(closed.urgentClosedByName()).contains("Ivy Injector");

        // the last one is closed from the review list: the banner goes
        robot.clickOn("#navFollowups");
        robot.clickOn("#reviewTab");
        settle();
        screenshot("followups-review-urgent");
        robot.clickOn("#closeUrgent-" + caraEvent);
        robot.clickOn("#reviewNote").write("Patient seen, blanching resolved");
        robot.clickOn("#reviewNoteConfirm");
        settle();
        assertThat(stored(caraEvent).urgentOpen()).isFalse();
        assertThat(seen(robot, "urgentBanner")).isFalse();
        assertThat(text(robot, "reviewCount-urgent")).isEqualTo("0");
    }

    @Test
    void agoReadsAsAPersonWouldSayIt() {
        java.time.Instant t = java.time.Instant.parse("2026-11-21T09:00:00Z");
        assertThat(UrgentBannerController.ago(t, t.plusSeconds(20))).isEqualTo("just now");
        assertThat(UrgentBannerController.ago(t, t.plus(Duration.ofMinutes(12)))).isEqualTo("12 min ago");
        assertThat(UrgentBannerController.ago(t, t.plus(Duration.ofMinutes(185)))).isEqualTo("3 h 5 min ago");
        assertThat(UrgentBannerController.ago(t, t.plus(Duration.ofHours(2)))).isEqualTo("2 h ago");
        assertThat(UrgentBannerController.ago(t, t.plus(Duration.ofHours(30)))).isEqualTo("1 day ago");
        assertThat(UrgentBannerController.ago(t, t.plus(Duration.ofDays(3)))).isEqualTo("3 days ago");
    }
}
