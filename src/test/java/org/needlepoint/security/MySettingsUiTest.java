package org.needlepoint.security;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.needlepoint.app.Services;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;

/** My settings: an injector sets their signing PIN and their theme; the admin's setting that requires the password. */
class MySettingsUiTest extends UiTest {

    private Services elsewhere(String user) {
        Services other = new Services(clinic.db, clinic.clock, new PasswordHasher(1_000));
        other.auth().signIn(user, TestClinic.PASSWORD.toCharArray());
        return other;
    }

    @Test
    void anInjectorSetsTheirPinAndTheDarkTheme(FxRobot robot) {
        signIn(robot, "injector", TestClinic.PASSWORD);
        robot.clickOn("#navMySettings");
        settle();
        assertThat(text(robot, "pinState")).startsWith("No signing PIN yet");
        robot.clickOn("#myPassword").write(TestClinic.PASSWORD);
        robot.clickOn("#myPin").write("2704");
        robot.clickOn("#myPinRepeat").write("2704");
        robot.clickOn("#savePinButton");
        settle();
        assertThat(node(robot, "myPin").getStyleClass()).contains("field-error");
        assertThat(elsewhere("injector").auth().hasSigningPin()).as("nothing saved").isFalse();

        robot.clickOn("#myPin").write("19");
        robot.clickOn("#myPinRepeat").write("19");
        robot.clickOn("#savePinButton");
        settle();
        assertThat(text(robot, "pinStatus")).startsWith("Saved");
        assertThat(text(robot, "pinState")).isEqualTo("You sign charts with your PIN.");
        assertThat(elsewhere("injector").auth().signingMethod()).isEqualTo(SigningMethod.PIN);
        screenshot("my-settings-light");

        robot.clickOn("#themeDark");
        settle();
        assertThat(((javafx.scene.control.ToggleButton) node(robot, "themeDark")).isSelected()).isTrue();
        assertThat(text(robot, "themeStatus")).startsWith("Dark theme");
        assertThat(window.darkTheme()).isTrue();
        assertThat(elsewhere("injector").auth().theme()).isEqualTo(Theme.DARK);
        assertThat(text(robot, "themeStatus")).startsWith("Dark theme");
        screenshot("my-settings-dark");

        // the next sign-in comes back dark; the sign-in form itself is light
        robot.clickOn("#signOutButton");
        settle();
        assertThat(window.darkTheme()).isFalse();
        signIn(robot, "injector", TestClinic.PASSWORD);
        assertThat(window.darkTheme()).isTrue();
    }

    @Test
    void anAdminMakesSigningTakeThePassword(FxRobot robot) {
        signIn(robot, "admin", TestClinic.PASSWORD);
        robot.clickOn("#navAdmin");
        settle();
        robot.clickOn("#settingsTab");
        settle();
        robot.clickOn("#requirePasswordToSign");
        settle();
        assertThat(text(robot, "signingStatus")).contains("full password");
        assertThat(elsewhere("admin").clinic().signingPasswordRequired()).isTrue();
        robot.clickOn("#navMySettings");
        settle();
        assertThat(robot.lookup("#pinState").queryAs(Label.class).getText()).startsWith("The clinic asks for the full password");
    }
}
