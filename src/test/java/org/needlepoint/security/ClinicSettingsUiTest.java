package org.needlepoint.security;

import org.junit.jupiter.api.Test;
import org.needlepoint.clinic.Clinic;
import org.needlepoint.clinic.ClinicService;
import org.needlepoint.testing.AdminUiBase;
import org.testfx.api.FxRobot;
import static org.assertj.core.api.Assertions.assertThat;


class ClinicSettingsUiTest extends AdminUiBase {

    @Test
    void theIdleLockAndClinicNameAreSaved(FxRobot robot) {
        openAdmin(robot, "settingsTab");
        assertThat(text(robot, "clinicNameField")).isEqualTo("Test Clinic");
        assertThat(text(robot, "idleMinutes")).isEqualTo(Integer.toString(ClinicService.DEFAULT_IDLE_LOCK_MINUTES));

        retype(robot, "clinicNameField", "Glow Aesthetics");
        retype(robot, "idleMinutes", "25");
        robot.clickOn("#saveSettingsButton");
        settle();

        assertThat(text(robot, "settingsStatus")).startsWith("Saved. The screen now locks after 25 minutes");
        assertThat(clinic.services.clinic().idleLockMinutes()).isEqualTo(25);
        Clinic saved = clinic.services.clinic().clinic().orElseThrow();
        assertThat(saved.name()).isEqualTo("Glow Aesthetics");
        assertThat(saved.address()).isEqualTo("1 Test Street");
        screenshot("admin-settings");
    }

    @Test
    void outOfRangeMinutesAreRefusedAndNothingIsSaved(FxRobot robot) {
        openAdmin(robot, "settingsTab");
        retype(robot, "clinicNameField", "Glow Aesthetics");
        retype(robot, "idleMinutes", "500");
        robot.clickOn("#saveSettingsButton");
        settle();

        assertThat(text(robot, "settingsError")).isEqualTo("The idle lock must be between 1 and 240 minutes.");
        assertThat(node(robot, "idleMinutes").getStyleClass()).contains("field-error");
        assertThat(clinic.services.clinic().idleLockMinutes()).isEqualTo(ClinicService.DEFAULT_IDLE_LOCK_MINUTES);
        assertThat(clinic.services.clinic().clinic().orElseThrow().name()).isEqualTo("Test Clinic");

        retype(robot, "idleMinutes", "ten");
        robot.clickOn("#saveSettingsButton");
        settle();
        assertThat(text(robot, "settingsError")).isEqualTo("Type the idle lock as a whole number of minutes, 1 to 240.");
    }
}
