package org.needlepoint.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.needlepoint.cli.SeedDemo;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;

/** The front desk's screen over a demo registry: keyboard-only search and open. */
class PatientScreenUiTest extends UiTest {

    @Override
    protected void prepare(TestClinic c) {
        c.withStaff();
        c.signIn("admin");
        Random rnd = new Random(3);
        for (int i = 0; i < 150; i++) {
            c.services.patients().create(SeedDemo.patient(rnd, c.services.patients().today()), true);
        }
        c.services.auth().signOut();
    }

    @Test
    void keyboardOnlySearchAndOpen(FxRobot robot) {
        signIn(robot, "desk", TestClinic.PASSWORD);
        robot.write("bal");
        settle();
        TableView<PatientSummary> table = node(robot, "resultsTable");
        assertThat(table.getItems()).isNotEmpty()
                .allSatisfy(s -> assertThat(clinic.services.patients().search("bal")).contains(s));
        screenshot("readme-patients");

        PatientSummary second = table.getItems().size() > 1 ? table.getItems().get(1) : table.getItems().get(0);
        robot.type(KeyCode.DOWN);
        if (table.getItems().size() > 1) {
            robot.type(KeyCode.DOWN);
        }
        robot.type(KeyCode.ENTER);
        settle();
        assertThat(text(robot, "headerChart")).isEqualTo("Chart " + second.chartNumber());
        screenshot("readme-patient-record");
    }
}
