package org.needlepoint.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;

/** "Patient called reporting …" at the front desk, and the injector's review list. */
class ReviewUiTest extends UiTest {
    private FollowUpUiData data;
    private long beaReport;

    @Override
    protected void prepare(TestClinic c) {
        data = new FollowUpUiData(c);
        c.signIn("desk");
        beaReport = c.services.adverseEvents().logPatientReport(data.bea.id(), "Bruise on the left cheek, getting lighter",
                c.clock.instant().minus(Duration.ofMinutes(40))).id();
        c.services.auth().signOut();
    }

    private void openFollowUps(FxRobot robot, String user) {
        signIn(robot, user, TestClinic.PASSWORD);
        robot.clickOn("#navFollowups");
        settle();
    }

    private List<PatientReport> reports(long patientId) {
        return data.elsewhere("admin").adverseEvents().patientReports(patientId);
    }

    @Test
    void theDeskLogsAPatientsCallAndAnInjectorDismissesIt(FxRobot robot) {
        openFollowUps(robot, "desk");
        robot.clickOn("#patientCallTab");
        settle();
        robot.clickOn("#callSave");
        settle();
        assertThat(text(robot, "callError")).contains("Choose the patient").contains("what the patient reported");
        assertThat(reports(data.ann.id())).isEmpty();

        robot.clickOn("#callSearch").write("smith");
        settle();
        robot.type(KeyCode.ENTER);
        settle();
        assertThat(text(robot, "callPatient")).contains("Smith, Ann").contains("(555) 010-2345");
        robot.clickOn("#callText").write("Left eyelid drooping since yesterday, no trouble seeing");
        robot.clickOn("#callTime").type(KeyCode.END).eraseText(5).write("08:45");
        screenshot("followups-patient-call");
        robot.clickOn("#callSave");
        settle();
        assertThat(text(robot, "callDone")).contains("Smith, Ann").contains("08:45").contains("waiting for an injector's review");
        assertThat(seen(robot, "callError")).isFalse();
        List<PatientReport> logged = reports(data.ann.id());
        assertThat(logged).hasSize(1);
        PatientReport r = logged.get(0);
        assertThat(r.text()).isEqualTo("Left eyelid drooping since yesterday, no trouble seeing");
        assertThat(r.takenByName()).isEqualTo("Dana Desk");
        assertThat(r.status()).isEqualTo(ReportStatus.WAITING);
        assertThat(r.phonedAt()).isEqualTo(Instant.parse("2026-11-21T08:45:00Z"));
        assertThat(text(robot, "callText")).isEmpty();

        robot.clickOn("#signOutButton");
        settle();
        openFollowUps(robot, "injector");
        robot.clickOn("#reviewTab");
        settle();
        assertThat(seen(robot, "report-" + r.id())).isTrue();
        assertThat(seen(robot, "report-" + beaReport)).isTrue();
        assertThat(text(robot, "reviewCount-reports")).isEqualTo("2");
        screenshot("followups-review");

        robot.clickOn("#dismissReport-" + r.id());
        robot.clickOn("#reviewNoteConfirm");
        settle();
        assertThat(text(robot, "reviewNoteError")).contains("Write why");
        robot.clickOn("#reviewNote").write("Mild ptosis expected to settle; reviewed by phone, seen Friday");
        screenshot("followups-review-dismiss");
        robot.clickOn("#reviewNoteConfirm");
        settle();
        assertThat(robot.lookup("#report-" + r.id()).tryQuery()).isEmpty();
        assertThat(text(robot, "reviewCount-reports")).isEqualTo("1");
        PatientReport dismissed = reports(data.ann.id()).get(0);
        assertThat(dismissed.status()).isEqualTo(ReportStatus.DISMISSED);
        assertThat(dismissed.reviewNote()).isEqualTo("Mild ptosis expected to settle; reviewed by phone, seen Friday");
        assertThat(dismissed.reviewedByName()).contains("Ivy Injector");
    }

    @Test
    void recordAsSideEffectHandsTheReportToTheAdverseEventForm(FxRobot robot) {
        openFollowUps(robot, "injector");
        robot.clickOn("#reviewTab");
        settle();
        robot.clickOn("#recordReport-" + beaReport);
        settle();
        // the side-effect form opens on the report, asking which signed visit it follows
        assertThat(robot.lookup("#aeRoot").tryQuery()).isPresent();
        assertThat(robot.lookup("#visitChoices").tryQuery()).isPresent();
    }

    @Test
    void signingOutAsksBeforeDroppingATypedReport(FxRobot robot) {
        openFollowUps(robot, "desk");
        robot.clickOn("#patientCallTab");
        robot.clickOn("#callText").write("Headache since the treatment");
        robot.clickOn("#signOutButton");
        settle();
        robot.clickOn("Keep working");
        settle();
        assertThat(text(robot, "callText")).isEqualTo("Headache since the treatment");
        assertThat(robot.lookup("#username").tryQuery()).isEmpty();
    }

    @Test
    void theFrontDeskCannotSeeTheReviewList(FxRobot robot) {
        openFollowUps(robot, "desk");
        assertThat(robot.lookup("#reviewTab").tryQuery()).isEmpty();
        assertThat(robot.lookup("#report-" + beaReport).tryQuery()).isEmpty();
    }
}
