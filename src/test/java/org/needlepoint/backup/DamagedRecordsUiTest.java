package org.needlepoint.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.app.AppWindow;
import org.needlepoint.store.Database;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.ui.Background;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on records that went back in time (the file replaced by an older copy of itself): it
 * says so in plain words instead of the sign-in form, offers the newest backup with its seal, and
 * restoring it (or, for an admin, using the records as they are) leads to the sign-in form.
 */
@ExtendWith(ApplicationExtension.class)
class DamagedRecordsUiTest {
    @TempDir
    Path dir;
    private Path data;
    private final Background background = new Background();
    private Stage stage;
    private TestClinic clinic;
    private String damaged;

    @BeforeEach
    void aClinicWhoseFileWasReplacedByAnOlderCopy() throws Exception {
        data = dir.resolve("data");
        try (TestClinic c = new TestClinic(data).withStaff()) {
            c.signIn("admin");
            c.services.patients().create(TestClinic.patient("Ann", "Early", "1985-03-14", "(555) 010-1000"), false);
        }
        Files.copy(data.resolve(Database.DB_FILE), dir.resolve("older.mv.db"));
        try (TestClinic c = new TestClinic(data)) {
            c.signIn("admin");
            c.services.patients().create(TestClinic.patient("Bea", "Backedup", "1986-03-14", "(555) 010-2000"), false);
            c.services.backups().backUpNow(BackupProgress.NONE);
            c.services.patients().create(TestClinic.patient("Cy", "Lost", "1987-03-14", "(555) 010-3000"), false);
        }
        Files.copy(dir.resolve("older.mv.db"), data.resolve(Database.DB_FILE), StandardCopyOption.REPLACE_EXISTING);
        damaged = sha(data.resolve(Database.DB_FILE));
        FxToolkit.setupFixture(() -> {
            stage = new Stage();
            new AppWindow(background).startOpening(stage, () -> {
                clinic = new TestClinic(data);
                return clinic.services;
            }, error -> {
                throw new AssertionError("the damaged records should have their own screen", error);
            });
        });
        settle();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.close()).get(10, TimeUnit.SECONDS);
        background.close();
        if (clinic != null) {
            clinic.close();
        }
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, background::isIdle);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private long patients() {
        return clinic.db.read(c -> org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM patient"));
    }

    /** Waits for the records to open again after a restore or accept (a second piece of background work). */
    private void signInShown(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#signInButton").tryQuery().isPresent());
        settle();
    }

    private static String sha(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** A PNG of the window in target/screenshots when -Dscreenshots=true. */
    private void screenshot(String name) throws Exception {
        if (!Boolean.getBoolean("screenshots")) {
            return;
        }
        var image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png",
                shots.resolve(name + ".png").toFile());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    private static boolean shown(FxRobot robot, String id) {
        for (Node n = robot.lookup("#" + id).query(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theRefusalIsExplainedAndTheNewestBackupBringsTheRecordsBack(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#signInButton").tryQuery()).as("no sign-in on records that went back").isEmpty();
        assertThat(text(robot, "damagedMessage")).matches("The clinic's records on this PC are older than they were at"
                + " \\d\\d:\\d\\d today: the file may be damaged or was replaced\\. Nothing has been changed\\. Restore the"
                + " latest backup, or call for help\\.");
        assertThat(text(robot, "newestBackup")).startsWith("Made Saturday 21 November at 09:00").contains(", sealed at transaction ")
                .contains("2 patients").contains("needlepoint-20261121-090000.zip")
                .contains("What was saved after it");
        assertThat(sha(data.resolve(Database.DB_FILE))).as("the refused file is not touched").isEqualTo(damaged);
        screenshot("damaged-records");

        robot.clickOn("#restoreUser").write("admin");
        robot.clickOn("#restorePassword").write("wrong password");
        robot.clickOn("#restoreButton");
        settle();
        assertThat(shown(robot, "restoreError")).isTrue();
        assertThat(text(robot, "restoreError")).isEqualTo("Wrong username or password.");
        assertThat(sha(data.resolve(Database.DB_FILE))).isEqualTo(damaged);

        robot.clickOn("#restorePassword").write(TestClinic.PASSWORD);
        robot.clickOn("#restoreButton");
        signInShown(robot);
        Button signIn = robot.lookup("#signInButton").queryButton();
        assertThat(signIn.isDisabled()).isFalse();
        assertThat(text(robot, "signInError")).startsWith("The clinic's records were restored from the backup made Saturday 21 November at 09:00")
                .contains("(2 patients)").contains("replaced-");
        assertThat(patients()).isEqualTo(2);
        assertThat(AuditLog.withAction(clinic.db, BackupService.AUDIT_RESTORE)).singleElement()
                .satisfies(e -> assertThat(e.username()).isEqualTo("admin"));
        try (var aside = Files.list(data)) {
            Path kept = aside.filter(p -> p.getFileName().toString().startsWith("replaced-")).findFirst().orElseThrow();
            assertThat(sha(kept.resolve(Database.DB_FILE))).as("the refused records, kept aside as they were").isEqualTo(damaged);
        }

        robot.clickOn("#username").write("admin");
        robot.clickOn("#password").write(TestClinic.PASSWORD);
        robot.clickOn("#signInButton");
        settle();
        assertThat(robot.lookup("#statusUser").queryAs(Label.class).getText()).contains("Alex Admin");
    }

    @Test
    void anAdminCanUseTheOlderRecordsKnowinglyAndItIsAudited(FxRobot robot) throws Exception {
        robot.clickOn("#acceptUser").write("admin");
        robot.clickOn("#acceptPassword").write(TestClinic.PASSWORD);
        robot.clickOn("#acceptConfirmation").write("yes");
        robot.clickOn("#acceptButton");
        settle();
        assertThat(text(robot, "acceptError")).isEqualTo("Type \"use older records\" to use the records as they are.");
        assertThat(sha(data.resolve(Database.DB_FILE))).isEqualTo(damaged);

        robot.clickOn("#acceptPassword").write(TestClinic.PASSWORD);
        robot.doubleClickOn("#acceptConfirmation").eraseText(3).write("use older records");
        robot.clickOn("#acceptButton");
        signInShown(robot);
        assertThat(text(robot, "signInError")).isEqualTo("The records on this PC were accepted as they are by Alex Admin."
                + " Sign in.");
        assertThat(patients()).as("the older records: the first patient only").isEqualTo(1);
        assertThat(AuditLog.withAction(clinic.db, DamagedRecords.AUDIT_ACCEPT)).singleElement().satisfies(e -> {
            assertThat(e.username()).isEqualTo("admin");
            assertThat(e.summary()).startsWith("accepted the records as they are although they did not match their seal of today at ")
                    .contains("patient: 1 row, sealed with 3 rows");
        });
    }
}
