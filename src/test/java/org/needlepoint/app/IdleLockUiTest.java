package org.needlepoint.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

class IdleLockUiTest extends UiTest {

    private void idleFor(Duration d) {
        clinic.clock.advance(d);
        WaitForAsyncUtils.asyncFx(() -> window.idleMonitor().check());
        settle();
    }

    @Test
    void idleLockHidesTheScreenAndKeepsUnsavedInput(FxRobot robot) {
        signIn(robot, "desk", TestClinic.PASSWORD);
        robot.clickOn("#newPatientButton");
        settle();
        robot.clickOn("#firstName").write("Unsaved");
        robot.clickOn("#lastName").write("Typing");

        idleFor(Duration.ofMinutes(9));
        assertThat(robot.lookup("#unlockPassword").tryQuery()).as("not yet locked at 9 minutes").isEmpty();

        idleFor(Duration.ofMinutes(1));
        assertThat(robot.lookup("#unlockPassword").tryQuery()).isPresent();
        assertThat(seen(robot, "firstName")).as("form hidden behind the lock").isFalse();
        screenshot("idle-lock");

        robot.clickOn("#unlockPassword").write("wrong-password");
        robot.clickOn("#unlockButton");
        settle();
        assertThat(text(robot, "lockError")).contains("Wrong username or password");

        robot.clickOn("#unlockPassword").write(TestClinic.PASSWORD);
        robot.clickOn("#unlockButton");
        settle();
        assertThat(robot.lookup("#unlockPassword").tryQuery()).isEmpty();
        assertThat(seen(robot, "firstName")).isTrue();
        assertThat(text(robot, "firstName")).isEqualTo("Unsaved");
        assertThat(text(robot, "lastName")).isEqualTo("Typing");
    }

    @Test
    void theIdleTimeoutIsAClinicSetting(FxRobot robot) {
        clinic.signIn("admin");
        clinic.services.clinic().setIdleLockMinutes(2);
        clinic.services.auth().signOut();
        signIn(robot, "desk", TestClinic.PASSWORD);
        idleFor(Duration.ofMinutes(2));
        assertThat(robot.lookup("#unlockPassword").tryQuery()).isPresent();
    }

    @Test
    void switchUserAtTheLockReturnsToSignIn(FxRobot robot) {
        signIn(robot, "desk", TestClinic.PASSWORD);
        robot.clickOn("#lockButton");
        settle();
        robot.clickOn("#switchUserButton");
        settle();
        assertThat(robot.lookup("#signInButton").tryQuery()).isPresent();
        assertThat(clinic.services.session().user()).isEmpty();
        signIn(robot, "injector", TestClinic.PASSWORD);
        assertThat(text(robot, "statusUser")).contains("Ivy Injector");
        assertThat(robot.lookup("#navAdmin").queryAs(Node.class).isVisible()).as("injectors have no Admin").isFalse();
    }
}
