package org.needlepoint.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;

class SignInUiTest extends UiTest {

    @Test
    void goodPasswordOpensThePatientScreen(FxRobot robot) {
        screenshot("sign-in");
        signIn(robot, "desk", TestClinic.PASSWORD);
        assertThat(text(robot, "statusUser")).contains("Dana Desk");
        assertThat(text(robot, "statusRole")).contains("Front desk");
        assertThat(robot.lookup("#searchField").tryQuery()).isPresent();
        screenshot("patients-empty");
    }

    @Test
    void badPasswordIsRefusedOnTheForm(FxRobot robot) {
        signIn(robot, "desk", "not-the-password");
        assertThat(text(robot, "signInError")).isEqualTo("Wrong username or password.");
        assertThat(robot.lookup("#searchField").tryQuery()).isEmpty();
        assertThat(clinic.services.session().user()).isEmpty();
    }
}
