package org.needlepoint.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.needlepoint.app.Services;
import org.needlepoint.patient.PatientSummary;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.store.Database;
import org.needlepoint.store.ServerUnreachableException;
import org.needlepoint.testing.ServerProcess;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window as a client of a real clinic server (a child JVM, TLS on loopback): another PC's new
 * patient appears in its open search results within 3 s; the server killed, the status bar says so
 * within 5 s, the receptionist's typing stays and a save says nothing was saved; the server back,
 * the same save works.
 */
class ServerClientUiTest extends UiTest {
    private static Path dir;
    private static ServerProcess server;
    private static Path windowPc;
    private static Path otherPc;
    private Database windowDb;

    @BeforeAll
    static void serve() throws Exception {
        dir = Files.createTempDirectory("needlepoint-server-ui");
        Path records = dir.resolve("records");
        server = ServerProcess.serveTestClinic(records);
        windowPc = dir.resolve("front-desk");
        server.join(windowPc, "Front desk");
        otherPc = dir.resolve("room-1");
        server.join(otherPc, "Room 1");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    protected Services windowServices() {
        windowDb = Database.openFolder(windowPc);
        return new Services(windowDb, Clock.systemDefaultZone(), new PasswordHasher(1_000));
    }

    @AfterEach
    void closeWindowDb() throws Exception {
        if (windowDb != null) {
            windowDb.close();
        }
        if (!server.isAlive()) {
            server.restart(); // a test that failed while the server was away leaves it for the next
        }
    }

    private static void within(int seconds, Callable<Boolean> condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError(what + " within " + seconds + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aPatientSavedByAnotherPcAppearsInTheOpenSearchWithin3Seconds(FxRobot robot) {
        signIn(robot, "desk", TestClinic.PASSWORD);
        assertThat(text(robot, "statusServer")).isEqualTo("Clinic server: connected");
        assertThat(text(robot, "statusData")).contains(server.address());
        robot.clickOn("#searchField").write("quenby");
        settle();
        TableView<PatientSummary> table = node(robot, "resultsTable");
        assertThat(table.getItems()).isEmpty();

        long id;
        try (Database db = Database.openFolder(otherPc)) {
            Services other = new Services(db, Clock.systemDefaultZone(), new PasswordHasher(1_000));
            other.auth().signIn("desk", TestClinic.PASSWORD.toCharArray());
            id = other.patients().create(TestClinic.patient("Ola", "Quenby", "1981-04-05", "555-010-3131"), true).id();
        }
        within(3, () -> table.getItems().stream().anyMatch(p -> p.id() == id), "the other PC's patient did not appear");
        assertThat(text(robot, "searchField")).isEqualTo("quenby");
        screenshot("server-client-search");
    }

    @Test
    void theServerGoneTheBarSaysSoTheTypingStaysAndTheSaveWorksOnceItIsBack(FxRobot robot) throws Exception {
        signIn(robot, "desk", TestClinic.PASSWORD);
        robot.clickOn("#newPatientButton");
        settle();
        robot.clickOn("#firstName").write("Wren");
        robot.clickOn("#lastName").write("Outagely");
        robot.clickOn("#birthDate").write("1988-08-08");
        robot.clickOn("#sex").clickOn("Female");
        robot.clickOn("#mobilePhone").write("555 010 8888");

        server.kill();
        Label bar = node(robot, "statusServer");
        within(5, () -> bar.getText().startsWith("Clinic server not reachable"), "the status bar did not say the server is away");
        assertThat(bar.getStyleClass()).contains("server-down");
        screenshot("server-client-away");

        robot.clickOn("#saveButton");
        settle();
        assertThat(text(robot, "patientError")).isEqualTo(ServerUnreachableException.NOTHING_SAVED);
        assertThat(text(robot, "lastName")).isEqualTo("Outagely");
        assertThat(text(robot, "mobilePhone")).contains("8888");

        server.restart();
        within(10, () -> bar.getText().equals("Clinic server: connected"), "the status bar did not see the server back");
        robot.clickOn("#saveButton");
        settle();
        assertThat(text(robot, "patientError")).isEmpty();
        try (Database db = Database.openFolder(otherPc)) {
            Services other = new Services(db, Clock.systemDefaultZone(), new PasswordHasher(1_000));
            other.auth().signIn("desk", TestClinic.PASSWORD.toCharArray());
            assertThat(other.patients().search("outagely")).hasSize(1);
        }
    }
}
