package org.needlepoint.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.needlepoint.app.Services;
import org.needlepoint.security.AuditFilter;
import org.needlepoint.store.ClinicLink;
import org.needlepoint.store.Database;
import org.needlepoint.testing.ServerUiBase;
import org.needlepoint.testing.TestClinic;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;

/** Admin ▸ Clinic server on the server's own PC, on a joined PC and on a PC that keeps its records itself. */
class ServerAdminUiTest extends ServerUiBase {

    private void openTab(FxRobot robot) {
        signIn(robot, "admin");
        robot.clickOn("#navAdmin");
        settle();
        robot.clickOn("#clinicServerTab");
        settle();
    }

    private List<ServerAdminModel.PcRow> rows(FxRobot robot) {
        TableView<ServerAdminModel.PcRow> table = node(robot, "pcsTable");
        return List.copyOf(table.getItems());
    }

    private ServerAdminModel.PcRow row(FxRobot robot, String name) {
        return rows(robot).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private void select(FxRobot robot, String name) {
        Node cell = robot.lookup("#pcsTable .table-cell").match(LabeledMatchers.hasText(name)).query();
        robot.clickOn(cell);
        settle();
    }

    private static boolean canConnect(Path folder) {
        try (Database db = Database.openFolder(folder)) {
            db.read(c -> null);
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }

    @Test
    void onTheServersPcTheAdminMakesACodeThatJoinsAPcAndRemovesIt(FxRobot robot) throws Exception {
        startWindow(services(server.folder)); // the served folder: the app works through the server
        openTab(robot);
        assertThat(text(robot, "serverHeadline")).isEqualTo("This PC is the clinic server.");
        assertThat(text(robot, "serverAddressCaption")).isEqualTo("Other PCs join it at");
        assertThat(text(robot, "serverAddress")).contains(":" + server.port);
        assertThat(text(robot, "serverFingerprint")).isEqualTo(JoinForm.forReading(server.fingerprint));
        assertThat(seen(robot, "becomeServerButton")).isFalse();
        assertThat(seen(robot, "joinCodeBox")).isFalse();

        robot.clickOn("#makeCodeButton");
        settle();
        String code = text(robot, "joinCodeText");
        assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(text(robot, "joinCodeUntil")).matches("Valid until \\d\\d:\\d\\d, for one PC");
        Path laptop = emptyFolder("laptop");
        new JoinClient(Clock.systemDefaultZone()).join(laptop, JoinClient.Address.parse(server.address()), code, "Laptop 3",
                server.fingerprint);
        assertThat(canConnect(laptop)).as("the code on the screen joined a PC").isTrue();

        robot.clickOn("#refreshPcsButton");
        settle();
        assertThat(row(robot, "Laptop 3").pc().revoked()).isFalse();
        assertThat(row(robot, "Laptop 3").joined()).startsWith("today ");
        assertThat(rows(robot)).anySatisfy(r -> assertThat(r.thisPc()).isTrue());
        screenshot("clinic-server-tab");

        ServerAdminModel.PcRow me = rows(robot).stream().filter(ServerAdminModel.PcRow::thisPc).findFirst().orElseThrow();
        select(robot, me.name() + "  (this PC)");
        assertThat(robot.lookup("#removePcButton").query().isDisabled()).as("this PC is not removed from itself").isTrue();
        assertThat(text(robot, "removePcHint")).startsWith("That is this PC");

        select(robot, "Laptop 3");
        robot.clickOn("#removePcButton");
        assertThat(robot.lookup("#confirmRemovePcButton").query().isDisabled()).as("a reason is needed").isTrue();
        robot.clickOn("#removePcReason").write("laptop stolen");
        screenshotDialog(robot, "clinic-server-remove-pc");
        robot.clickOn("#confirmRemovePcButton");
        settle();

        assertThat(text(robot, "serverStatus")).startsWith("\"Laptop 3\" was removed");
        assertThat(row(robot, "Laptop 3").state()).startsWith("Removed today ").endsWith(": laptop stolen");
        screenshot("clinic-server-removed");
        waitUntil(10, () -> !canConnect(laptop));
        Services server = services(ServerAdminUiTest.server.folder);
        server.auth().signIn("admin", TestClinic.PASSWORD.toCharArray());
        assertThat(server.audit().find(new AuditFilter(null, null, null, null, null, 50)))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo(ClinicPcs.AUDIT_REVOKE));
    }

    @Test
    void onAJoinedPcTheTabNamesTheServerAndItsPinnedCertificate(FxRobot robot) throws Exception {
        Path pc = emptyFolder("front-desk");
        new JoinClient(Clock.systemDefaultZone()).join(pc, JoinClient.Address.parse(server.address()), codeFromAdmin(),
                "Front desk", server.fingerprint);
        startWindow(services(pc));
        openTab(robot);

        assertThat(text(robot, "serverHeadline")).isEqualTo("This PC is joined to the clinic server of Test Clinic.");
        assertThat(text(robot, "serverAddressCaption")).isEqualTo("Clinic server");
        assertThat(text(robot, "serverAddress")).isEqualTo(ClinicLink.read(pc).orElseThrow().address());
        assertThat(text(robot, "serverFingerprint")).isEqualTo(JoinForm.forReading(server.fingerprint));
        assertThat(row(robot, "Front desk").thisPc()).isTrue();
        assertThat(row(robot, "Front desk").state()).isEqualTo("Connected now");
        screenshot("clinic-server-tab-joined");
    }

    // ---------------------------------------------------------------- a PC that keeps its records itself

    private static Path embeddedClinic(String name) throws Exception {
        Path folder = emptyFolder(name);
        try (TestClinic clinic = new TestClinic(folder).withStaff()) {
            clinic.automaticBackups(false);
        }
        return folder;
    }

    private static ServerLauncher launcher(String... options) {
        return new ServerLauncher(ServerLauncherTest.javaLauncher(ServerLauncher.MAIN), List.of(options), Duration.ofSeconds(90));
    }

    private void turnIntoServer(FxRobot robot) {
        robot.clickOn("#becomeServerButton");
        screenshotDialog(robot, "clinic-server-turn-into");
        robot.clickOn("#confirmBecomeServerButton");
        screenshot("clinic-server-starting");
        waitUntil(120, () -> background.isIdle() && robot.lookup("#signInError").tryQuery().map(Node::isVisible).orElse(false));
    }

    @Test
    void anEmbeddedPcIsTurnedIntoTheClinicServerAndSignsInAgainThroughIt(FxRobot robot) throws Exception {
        Path folder = embeddedClinic("becomes-server");
        int port = org.needlepoint.testing.ServerProcess.freePortPair();
        startApp(folder, w -> w.setServerLauncher(launcher("--bind", "127.0.0.1", "--port", Integer.toString(port))));
        openTab(robot);
        assertThat(text(robot, "serverHeadline")).isEqualTo("This PC keeps the clinic's records itself.");
        assertThat(seen(robot, "becomeServerButton")).isTrue();
        assertThat(seen(robot, "serverPcsBox")).isFalse();
        assertThat(seen(robot, "serverFacts")).isFalse();
        screenshot("clinic-server-tab-embedded");

        Path marker = folder.resolve("clinic-server.pid");
        try {
            turnIntoServer(robot);
            assertThat(text(robot, "signInError")).startsWith("This PC is now the clinic server. Sign in again.");
            assertThat(text(robot, "clinicLabel")).isEqualTo("Test Clinic");
            screenshot("clinic-server-signed-out");
            openTab(robot);
            assertThat(text(robot, "serverHeadline")).isEqualTo("This PC is the clinic server.");
            assertThat(text(robot, "serverAddress")).contains(":" + port);
            robot.clickOn("#makeCodeButton");
            settle();
            Path room = emptyFolder("room-after-switch");
            new JoinClient(Clock.systemDefaultZone()).join(room, JoinClient.Address.parse("127.0.0.1:" + port),
                    text(robot, "joinCodeText"), "Room 6", null);
            assertThat(canConnect(room)).as("another PC joins the server this PC became").isTrue();
            assertThat(openFailure).isNull();
        } finally {
            if (Files.exists(marker)) {
                long pid = Long.parseLong(Files.readString(marker).strip().split(" ")[0]);
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
                ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(60, TimeUnit.SECONDS).join());
            }
        }
    }

    @Test
    void aServerThatDoesNotStartIsSaidAndTheRecordsOpenHereAsBefore(FxRobot robot) throws Exception {
        Path folder = embeddedClinic("server-fails");
        startApp(folder, w -> w.setServerLauncher(launcher("--port", "0")));
        openTab(robot);
        turnIntoServer(robot);

        assertThat(text(robot, "signInError")).isEqualTo("The clinic server did not start: --port must be between 1 and"
                + " 65534. This PC keeps the clinic's records itself, as before.");
        screenshot("clinic-server-did-not-start");
        openTab(robot);
        assertThat(text(robot, "serverHeadline")).isEqualTo("This PC keeps the clinic's records itself.");
        assertThat(openFailure).isNull();
    }
}
