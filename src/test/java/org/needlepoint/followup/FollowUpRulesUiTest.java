package org.needlepoint.followup;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.needlepoint.app.Services;
import org.needlepoint.security.Audit;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;

/** Admin ▸ Follow-up rules: a rule's offsets and who works it, turning it off, and the follow-up settings. */
class FollowUpRulesUiTest extends UiTest {

    private void openRules(FxRobot robot) {
        signIn(robot, "admin", TestClinic.PASSWORD);
        robot.clickOn("#navAdmin");
        settle();
        robot.clickOn("#followUpRulesTab");
        settle();
    }

    private void clickRule(FxRobot robot, String name) {
        Node cell = robot.lookup("#rulesTable .table-cell").match(LabeledMatchers.hasText(name)).query();
        robot.clickOn(cell);
        settle();
    }

    private void retype(FxRobot robot, String fxId, String text) {
        // focused rather than clicked: the settings sit low on the scrolled page, where a click can miss
        javafx.scene.control.TextInputControl field = robot.lookup("#" + fxId)
                .match(n -> n instanceof javafx.scene.control.TextInputControl).query();
        robot.interact(() -> {
            field.requestFocus();
            field.selectAll();
        });
        robot.push(KeyCode.BACK_SPACE);
        if (!text.isEmpty()) {
            robot.write(text);
        }
    }

    private Services elsewhere() {
        Services other = new Services(clinic.db, clinic.clock, new org.needlepoint.security.PasswordHasher(1_000));
        other.auth().signIn("admin", TestClinic.PASSWORD.toCharArray());
        return other;
    }

    private FollowUpRule stored(String code) {
        return elsewhere().followUps().rules().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void aRulesOffsetAndMinimumAreChangedAndKept(FxRobot robot) {
        openRules(robot);
        clickRule(robot, "Toxin re-treatment reminder");
        assertThat(text(robot, "ruleOffset")).isEqualTo("3");
        assertThat(text(robot, "ruleMinDays")).isEqualTo("90");
        retype(robot, "ruleOffset", "4");
        retype(robot, "ruleMinDays", "100");
        robot.clickOn("#saveRuleButton");
        settle();

        FollowUpRule r = stored("TOXIN_RETREAT");
        assertThat(r.offsetAmount()).isEqualTo(4);
        assertThat(r.offsetUnit()).isEqualTo(OffsetUnit.MONTHS);
        assertThat(r.minDays()).isEqualTo(100);
        assertThat(text(robot, "ruleStatus")).startsWith("Saved.");
        assertThat(robot.lookup("#rulesTable .table-cell").match(LabeledMatchers.hasText("Call at 4 months (not before 100 days)"))
                .tryQuery()).isPresent();
        assertThat(AuditLog.withAction(clinic.db, Audit.UPDATE)).last().satisfies(a -> {
            assertThat(a.recordType()).isEqualTo("followup_rule");
            assertThat(a.summary()).contains("TOXIN_RETREAT").contains("call at 4 months (not before 100 days)");
        });
        screenshot("admin-followup-rules");

        // the Sculptra course length is edited on its rule only
        clickRule(robot, "Next Sculptra session of the course");
        assertThat(seen(robot, "ruleCourse")).isTrue();
        retype(robot, "ruleCourse", "4");
        robot.clickOn("#saveRuleButton");
        settle();
        assertThat(stored("SCULPTRA_NEXT").courseSessions()).isEqualTo(4);
        clickRule(robot, "Toxin review 2 weeks after treatment");
        assertThat(seen(robot, "ruleCourse")).isFalse();
    }

    @Test
    void badInputIsMarkedAndSavesNothing(FxRobot robot) {
        openRules(robot);
        clickRule(robot, "Toxin review 2 weeks after treatment");
        retype(robot, "ruleOffset", "two weeks");
        robot.clickOn("#saveRuleButton");
        settle();
        assertThat(node(robot, "ruleOffset").getStyleClass()).contains("field-error");
        assertThat(text(robot, "ruleError")).isEqualTo("Type the offset as a whole number, e.g. 14.");
        retype(robot, "ruleOffset", "99999");
        robot.clickOn("#saveRuleButton");
        settle();
        assertThat(text(robot, "ruleError")).isEqualTo("The offset is between 0 and 10 years.");
        assertThat(stored("TOXIN_REVIEW").offsetAmount()).isEqualTo(14);
    }

    @Test
    void aRuleIsTurnedOffAndOnAgain(FxRobot robot) {
        openRules(robot);
        clickRule(robot, "Side-effect check call (grade 1)");
        robot.clickOn("#ruleEnabledButton");
        settle();
        assertThat(stored("EVENT_G1_CALL_3D").enabled()).isFalse();
        assertThat(text(robot, "ruleEnabledButton")).isEqualTo("Turn this rule on");
        assertThat(text(robot, "ruleTitle")).endsWith("(off)");
        robot.clickOn("#ruleEnabledButton");
        settle();
        assertThat(stored("EVENT_G1_CALL_3D").enabled()).isTrue();
    }

    @Test
    void aRuleChangedElsewhereMeanwhileIsNotOverwritten(FxRobot robot) {
        openRules(robot);
        clickRule(robot, "Toxin review 2 weeks after treatment");
        FollowUpRule theirs = stored("TOXIN_REVIEW");
        elsewhere().followUps().setRuleEnabled(theirs.id(), theirs.version(), false);
        retype(robot, "ruleOffset", "21");
        robot.clickOn("#saveRuleButton");
        settle();
        assertThat(text(robot, "ruleError")).contains("was changed by Alex Admin");
        assertThat(stored("TOXIN_REVIEW").offsetAmount()).isEqualTo(14);
        assertThat(stored("TOXIN_REVIEW").enabled()).isFalse();
    }

    @Test
    void theSettingsAreSavedAndKept(FxRobot robot) {
        openRules(robot);
        javafx.scene.control.ScrollPane page = node(robot, "rulesScroll");
        robot.interact(() -> page.setVvalue(1)); // scrolled down to the settings
        settle();
        retype(robot, "upcomingDays", "10");
        retype(robot, "signalEvents", "2");
        retype(robot, "signalDays", "14");
        retype(robot, "urgentChecklistText", "1. Call Dr Reyes on 555-0199.");
        robot.clickOn("#saveFollowUpSettingsButton");
        settle();
        FollowUpSettings s = elsewhere().followUps().settings();
        assertThat(s.upcomingDays()).isEqualTo(10);
        assertThat(s.signalEvents()).isEqualTo(2);
        assertThat(s.signalDays()).isEqualTo(14);
        assertThat(s.urgentChecklist()).isEqualTo("1. Call Dr Reyes on 555-0199.");
        assertThat(text(robot, "fuSettingsStatus")).isEqualTo("Saved.");
        assertThat(AuditLog.withAction(clinic.db, Audit.UPDATE)).extracting(a -> a.summary())
                .contains("urgent checklist changed");

        retype(robot, "signalEvents", "1");
        robot.clickOn("#saveFollowUpSettingsButton");
        settle();
        assertThat(node(robot, "signalEvents").getStyleClass()).contains("field-error");
        assertThat(elsewhere().followUps().settings().signalEvents()).isEqualTo(2);
        screenshot("admin-followup-settings");
    }
}
