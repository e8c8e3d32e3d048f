package org.needlepoint.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.needlepoint.security.Role;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;

class SetupUiTest extends UiTest {
    @Override
    protected boolean automaticBackups() {
        return true; // what these tests try
    }


    @Override
    protected void prepare(TestClinic c) {
        // a brand-new data folder: no clinic, no users
    }

    @Test
    void firstRunCreatesTheClinicAndItsAdministrator(FxRobot robot) {
        assertThat(robot.lookup("#clinicName").tryQuery()).isPresent();
        assertThat(text(robot, "setupDataFolder")).startsWith("The clinic's records will be kept in " + clinic.folder + ".")
                .contains("check that the disk or network share holding them is connected, or restore a backup");
        screenshot("setup");
        robot.clickOn("#clinicName").write("Harbour Skin Clinic");
        robot.clickOn("#clinicAddress").write("2 Quay Road, Demo Town");
        robot.clickOn("#clinicPhone").write("(555) 010-7788");
        robot.clickOn("#adminFullName").write("Pat Owner");
        robot.clickOn("#adminUsername").write("powner");
        robot.clickOn("#adminPassword").write("longenough1");
        robot.clickOn("#adminConfirm").write("longenough1");
        robot.clickOn("#createButton");
        settle();

        assertThat(clinic.services.clinic().clinic()).get().extracting(Clinic::name).isEqualTo("Harbour Skin Clinic");
        assertThat(clinic.services.session().user()).get().satisfies(u -> {
            assertThat(u.username()).isEqualTo("powner");
            assertThat(u.role()).isEqualTo(Role.ADMIN);
        });
        assertThat(text(robot, "statusUser")).contains("Pat Owner");
        assertThat(robot.lookup("#navAdmin").queryAs(javafx.scene.Node.class).isVisible()).isTrue();
        assertThat(org.needlepoint.backup.BackupFile.list(clinic.folder.resolve("backups")))
                .as("the day's first backup, made as soon as the clinic exists").hasSize(1);
    }

    @Test
    void mismatchedPasswordsAreRefusedAndNothingIsCreated(FxRobot robot) {
        robot.clickOn("#clinicName").write("Harbour Skin Clinic");
        robot.clickOn("#clinicAddress").write("2 Quay Road");
        robot.clickOn("#clinicPhone").write("555 010 7788");
        robot.clickOn("#adminFullName").write("Pat Owner");
        robot.clickOn("#adminUsername").write("powner");
        robot.clickOn("#adminPassword").write("longenough1");
        robot.clickOn("#adminConfirm").write("longenough2");
        robot.clickOn("#createButton");
        settle();

        assertThat(text(robot, "setupError")).contains("do not match");
        assertThat(clinic.services.clinic().isSetUp()).isFalse();
        assertThat(robot.lookup("#createButton").tryQuery()).isPresent();
    }
}
