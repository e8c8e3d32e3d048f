package org.needlepoint.security;

import java.time.Duration;
import java.util.List;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.Test;
import org.needlepoint.testing.AdminUiBase;
import org.needlepoint.testing.TestClinic;
import org.testfx.api.FxRobot;
import static org.assertj.core.api.Assertions.assertThat;


class AuditLogUiTest extends AdminUiBase {

    @Override
    protected void prepare(TestClinic c) {
        c.withStaff();
        for (String who : List.of("injector", "desk", "injector")) {
            c.signIn(who);
            c.services.auth().signOut();
        }
    }

    @Test
    void filteringByUserShowsOnlyTheirEntries(FxRobot robot) {
        openAdmin(robot, "auditTab");
        List<AuditEntry> all = rows(robot, "auditTable");
        assertThat(all).extracting(AuditEntry::username).contains("admin", "injector", "desk");

        ComboBox<?> users = node(robot, "auditUser");
        Object ivy = users.getItems().stream().filter(o -> o.toString().equals("Ivy Injector (injector)")).findFirst().orElseThrow();
        choose(robot, "auditUser", ivy);
        robot.clickOn("#auditApply");
        settle();

        List<AuditEntry> hers = rows(robot, "auditTable");
        long injectorId = account("injector").id();
        assertThat(hers).isNotEmpty().allMatch(e -> e.userId() != null && e.userId() == injectorId);
        assertThat(hers).filteredOn(e -> e.action().equals(Audit.SIGN_IN)).hasSize(2);
        assertThat(text(robot, "auditSummary")).isEqualTo(hers.size() + " entries, newest first.");
        screenshot("admin-audit");
    }

    @Test
    void unreadableFiltersGetAMessageAndDoNotRun(FxRobot robot) {
        openAdmin(robot, "auditTab");
        int before = rows(robot, "auditTable").size();

        robot.clickOn("#auditPatient").write("chart 12");
        robot.clickOn("#auditApply");
        settle();
        assertThat(text(robot, "auditError")).contains("Chart # is the patient's chart number").contains("\"chart 12\"");
        assertThat(node(robot, "auditPatient").getStyleClass()).contains("field-error");

        retype(robot, "auditPatient", "");
        robot.clickOn("#auditFrom").write("11/22/2026");
        robot.clickOn("#auditTo").write("11/20/2026");
        robot.clickOn("#auditApply");
        settle();
        assertThat(text(robot, "auditError"))
                .isEqualTo("The To date (11/20/2026) is before the From date (11/22/2026).");
        assertThat(node(robot, "auditPatient").getStyleClass()).doesNotContain("field-error");
        screenshot("admin-audit-refused");

        retype(robot, "auditTo", "11/31/2026");
        robot.clickOn("#auditApply");
        settle();
        assertThat(text(robot, "auditError")).isEqualTo("\"11/31/2026\" is not a date: type MM/DD/YYYY or pick one.");
        assertThat(rows(robot, "auditTable")).hasSize(before);
    }

    @Test
    void aLongLogShowsTheNewest500AndSaysSo(FxRobot robot) {
        clinic.db.tx(c -> {
            AuditStore store = new AuditStore();
            for (int i = 0; i < 520; i++) {
                clinic.clock.advance(Duration.ofSeconds(1));
                store.append(c, clinic.clock.instant(), null, "nobody", Audit.SIGN_IN_FAILED, "user", null, null,
                        "unknown username " + i);
            }
            return null;
        });
        openAdmin(robot, "auditTab");

        List<AuditEntry> shown = rows(robot, "auditTable");
        assertThat(shown).hasSize(500);
        assertThat(shown.get(0).action()).isEqualTo(Audit.SIGN_IN);
        assertThat(shown.get(1).summary()).isEqualTo("unknown username 519");
        assertThat(text(robot, "auditSummary")).isEqualTo("Showing the newest 500 entries. Narrow the filters to see older ones.");
    }
}
