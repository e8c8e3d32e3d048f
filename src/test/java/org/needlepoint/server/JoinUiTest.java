package org.needlepoint.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.needlepoint.store.ClinicLink;
import org.needlepoint.store.Database;
import org.needlepoint.testing.ServerUiBase;
import org.testfx.api.FxRobot;

/** First run on an empty data folder: "Join this clinic's server", against a real clinic server. */
class JoinUiTest extends ServerUiBase {

    private void fill(FxRobot robot, String address, String code, String name) {
        robot.clickOn("#joinAddress").write(address);
        robot.clickOn("#joinCode").write(code);
        retype(robot, "joinPcName", name);
    }

    @Test
    void aGoodCodeJoinsShowsTheFingerprintAndOpensTheClinicsSignIn(FxRobot robot) throws Exception {
        Path folder = emptyFolder("room-2");
        startApp(folder);
        assertThat(seen(robot, "newClinicButton")).isTrue();
        assertThat(seen(robot, "joinButton")).isTrue();
        assertThat(filesIn(folder)).as("nothing is created before a choice is made").isEmpty();
        screenshot("first-run");

        fill(robot, server.address(), server.joinCode.toLowerCase(), "Room 2");
        robot.clickOn("#joinButton");
        settle();

        assertThat(seen(robot, "joinFingerprint")).isTrue();
        assertThat(text(robot, "joinFingerprint")).isEqualTo(JoinForm.forReading(server.fingerprint));
        assertThat(text(robot, "joinCompare")).isEqualTo("Compare this with the fingerprint on the server's screen:");
        assertThat(text(robot, "joinedClinic")).contains("Test Clinic");
        assertThat(robot.lookup("#newClinicCard").query().isDisabled()).as("no new clinic once joined").isTrue();
        screenshot("join-fingerprint");

        robot.clickOn("#joinContinueButton");
        settle();
        assertThat(text(robot, "clinicLabel")).isEqualTo("Test Clinic");
        assertThat(text(robot, "signInError")).contains("This PC has joined the clinic server of Test Clinic");
        screenshot("join-sign-in");
        signIn(robot, "desk");
        assertThat(text(robot, "statusUser")).contains("Dana Desk");
        assertThat(filesIn(folder)).as("the link only: the records stay on the server").containsExactly(ClinicLink.FILE);
        assertThat(ClinicLink.read(folder).orElseThrow().pcName()).isEqualTo("Room 2");
        assertThat(openFailure).isNull();
    }

    @Test
    void aWrongCodeIsSaidUnderTheCodeAndTheFolderStaysEmpty(FxRobot robot) throws Exception {
        Path folder = emptyFolder("wrong-code");
        startApp(folder);
        fill(robot, server.address(), "AAAA-BBBB-CCCC", "Room 3");
        robot.type(KeyCode.ENTER); // Enter in the form joins, as the button does
        settle();

        assertThat(seen(robot, "joinCodeError")).isTrue();
        assertThat(text(robot, "joinCodeError")).isEqualTo("This join code is not one the clinic server made. Check the code,"
                + " or make a new one on the server.");
        assertThat(seen(robot, "joinAddressError")).isFalse();
        assertThat(seen(robot, "joinError")).isFalse();
        assertThat(seen(robot, "joinButton")).isTrue();
        screenshot("join-wrong-code");
        assertThat(filesIn(folder)).isEmpty();
    }

    @Test
    void anAddressWhereNoServerAnswersIsSaidUnderTheAddress(FxRobot robot) throws Exception {
        int nobody;
        try (ServerSocket s = new ServerSocket(0)) {
            nobody = s.getLocalPort();
        }
        Path folder = emptyFolder("no-server");
        startApp(folder);
        fill(robot, "127.0.0.1:" + nobody, codeFromAdmin(), "Room 4");
        robot.clickOn("#joinButton");
        settle();

        assertThat(text(robot, "joinAddressError")).contains("is not reachable").contains("127.0.0.1:" + nobody);
        assertThat(seen(robot, "joinCodeError")).isFalse();
        assertThat(filesIn(folder)).isEmpty();
    }

    @Test
    void aMistypedFormIsSaidFieldByFieldWithoutAskingTheServer(FxRobot robot) throws Exception {
        Path folder = emptyFolder("mistyped");
        startApp(folder);
        fill(robot, "", "7K3M-Q9", "");
        robot.clickOn("#joinButton");
        settle();

        assertThat(text(robot, "joinAddressError")).startsWith("Type the clinic server's address");
        assertThat(text(robot, "joinCodeError")).startsWith("That is not a join code");
        assertThat(text(robot, "joinPcNameError")).startsWith("Give this PC a name");
        screenshot("join-mistyped");
        assertThat(filesIn(folder)).isEmpty();
    }

    @Test
    void aFingerprintThatDiffersUndoesTheJoin(FxRobot robot) throws Exception {
        Path folder = emptyFolder("differs");
        startApp(folder);
        fill(robot, server.address(), codeFromAdmin(), "Room 5");
        robot.clickOn("#joinButton");
        settle();
        assertThat(filesIn(folder)).containsExactly(ClinicLink.FILE);

        robot.clickOn("#joinRejectButton");
        settle();
        assertThat(filesIn(folder)).as("no link is kept to a server the person did not recognise").isEmpty();
        assertThat(seen(robot, "joinButton")).isTrue();
        assertThat(text(robot, "joinError")).startsWith("This PC did not join").contains("\"Room 5\"");
        assertThat(text(robot, "joinCode")).isEmpty();
    }

    @Test
    void aNewClinicIsStillSetUpFromTheSameScreen(FxRobot robot) throws Exception {
        Path folder = emptyFolder("new-clinic");
        startApp(folder);
        robot.clickOn("#newClinicButton");
        settle();

        assertThat(seen(robot, "clinicName")).isTrue();
        assertThat(seen(robot, "createButton")).isTrue();
        assertThat(filesIn(folder)).contains(Database.DB_FILE);
    }
}
