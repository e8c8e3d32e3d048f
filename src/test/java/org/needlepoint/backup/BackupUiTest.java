package org.needlepoint.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.needlepoint.app.Services;
import org.needlepoint.testing.AdminUiBase;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.store.Sql;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.TestClinic;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import static org.assertj.core.api.Assertions.assertThat;


/** The backup card on the home screen and Admin → Backups, on the real window and store. */
class BackupUiTest extends AdminUiBase {
    @Override
    protected boolean automaticBackups() {
        return true; // what these tests try
    }


    private Path usb() {
        return clinic.folder.resolve("usb-disk");
    }

    @Override
    protected void prepare(TestClinic c) {
        c.withStaff();
        Services setup = setupServices(c);
        setup.auth().signIn("admin", TestClinic.PASSWORD.toCharArray());
        BackupSettings s = setup.backups().settings();
        setup.backups().update(new BackupSettings(c.folder.resolve("usb-disk").toString(), s.onStart(), s.onExit(),
                s.keepDaily(), s.keepWeekly(), s.version()));
        setup.patients().create(TestClinic.patient("Ann", "Before", "1980-01-02", "(555) 010-1111"), false);
        setup.auth().signOut();
    }

    private static Services setupServices(TestClinic c) {
        return new Services(c.db, c.clock, new PasswordHasher(1_000));
    }

    private List<BackupFile> backupsOnUsb() {
        return BackupFile.list(usb());
    }

    private boolean alert(FxRobot robot) {
        return node(robot, "backupCard").getStyleClass().contains("backup-alert");
    }

    private void showToday(FxRobot robot) {
        robot.clickOn("#navToday");
        settle();
    }

    @Test
    void theCardIsQuietAfterTheDaysFirstBackupRedWhenABackupFailsAndQuietAgainOnceOneSucceeds(FxRobot robot) throws Exception {
        settle(); // the backup at start
        assertThat(backupsOnUsb()).as("the day's first backup, made when the window opened").hasSize(1);

        signIn(robot, "desk", TestClinic.PASSWORD);
        showToday(robot);
        assertThat(alert(robot)).isFalse();
        assertThat(text(robot, "backupTitle")).isEqualTo("Backups");
        assertThat(text(robot, "backupMessage")).startsWith("Last backup today at 09:00 (");
        assertThat(seen(robot, "backupNowButton")).isFalse();
        screenshot("today-backup-ok");

        // The USB disk is gone: a file now has its name.
        Path usb = usb();
        deleteTree(usb);
        Files.writeString(usb, "not a folder");
        robot.clickOn("#signOutButton");
        settle();
        clinic.clock.advance(Duration.ofDays(1));
        signIn(robot, "desk", TestClinic.PASSWORD); // the next day's first sign-in tries the day's backup
        showToday(robot);
        assertThat(alert(robot)).isTrue();
        assertThat(text(robot, "backupTitle")).isEqualTo("The last backup failed");
        assertThat(text(robot, "backupMessage")).contains("The backup folder " + usb).contains("is not a folder");
        assertThat(text(robot, "backupDetail"))
                .isEqualTo("Tried today at 09:00 (at the day's first start). Last good backup: yesterday at 09:00.");
        assertThat(seen(robot, "backupNowButton")).isTrue();
        screenshot("today-backup-failed");

        // Plugged back in: Back up now on the card.
        Files.delete(usb);
        Files.createDirectory(usb);
        robot.clickOn("#backupNowButton");
        settle();
        settle();
        assertThat(alert(robot)).isFalse();
        assertThat(text(robot, "backupMessage")).startsWith("Last backup today at 09:00");
        assertThat(backupsOnUsb()).hasSize(1); // the old one went with the folder
        assertThat(lastRun().trigger()).isEqualTo(BackupRun.Trigger.MANUAL);
        assertThat(AuditLog.last(clinic.db).action()).isEqualTo("BACKUP");
        assertThat(AuditLog.last(clinic.db).username()).isEqualTo("desk");
    }

    @Test
    void closingTheWindowBacksUpFirstThenCloses(FxRobot robot) {
        settle();
        signIn(robot, "desk", TestClinic.PASSWORD);
        clinic.clock.advance(Duration.ofHours(9)); // 18:00
        robot.interact(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        settle();
        assertThat(stage.isShowing()).isFalse();
        assertThat(lastRun().trigger()).isEqualTo(BackupRun.Trigger.EXIT);
        assertThat(backupsOnUsb()).extracting(BackupFile::name)
                .containsExactly("needlepoint-20261121-180000.zip", "needlepoint-20261121-090000.zip");
    }

    @Test
    void quitWithCtrlQBacksUpFirstThenCloses(FxRobot robot) {
        settle();
        signIn(robot, "desk", TestClinic.PASSWORD);
        assertThat(seen(robot, "quitButton")).as("Quit in the menu").isTrue();
        clinic.clock.advance(Duration.ofHours(9)); // 18:00
        robot.press(javafx.scene.input.KeyCode.CONTROL).press(javafx.scene.input.KeyCode.Q)
                .release(javafx.scene.input.KeyCode.Q).release(javafx.scene.input.KeyCode.CONTROL);
        settle();
        assertThat(stage.isShowing()).isFalse();
        assertThat(lastRun().trigger()).isEqualTo(BackupRun.Trigger.EXIT);
        assertThat(backupsOnUsb()).extracting(BackupFile::name).contains("needlepoint-20261121-180000.zip");
    }

    @Test
    void noBackupForTwoDaysTurnsTheCardRed(FxRobot robot) {
        settle();
        clinic.db.tx(c -> c.createStatement().executeUpdate("UPDATE backup_config SET on_start = FALSE"));
        clinic.clock.advance(Duration.ofDays(2).plusHours(1));
        signIn(robot, "admin", TestClinic.PASSWORD);
        showToday(robot);
        assertThat(alert(robot)).isTrue();
        assertThat(text(robot, "backupTitle")).isEqualTo("No backup for 2 days");
        assertThat(text(robot, "backupMessage")).contains("The last backup was made Saturday 21 November at 09:00.");
        screenshot("today-backup-stale");
    }

    @Test
    void backUpNowOnTheAdminPageAddsABackupToTheList(FxRobot robot) {
        settle();
        openAdmin(robot, "backupsTab");
        assertThat(rows(robot, "backupsTable")).hasSize(1);
        assertThat(text(robot, "backupLastLabel")).startsWith("Last backup today at 09:00 (at the day's first start).");
        assertThat(text(robot, "backupFolder")).isEqualTo(usb().toString());
        assertThat(seen(robot, "backupFolderHint")).as("the usb folder is on the data folder's disk here").isTrue();

        clinic.clock.advance(Duration.ofMinutes(5));
        robot.clickOn("#backUpNowButton");
        settle();
        settle();
        List<BackupFile> listed = rows(robot, "backupsTable");
        assertThat(listed).hasSize(2).extracting(BackupFile::name)
                .containsExactly("needlepoint-20261121-090500.zip", "needlepoint-20261121-090000.zip");
        assertThat(text(robot, "backupsStatus")).startsWith("Backup written: " + usb().resolve("needlepoint-20261121-090500.zip"));
        assertThat(text(robot, "backupLastLabel")).startsWith("Last backup today at 09:05 (Back up now).");
        screenshot("admin-backups");
    }

    @Test
    void settingsAreSavedAndAnUnusableFolderIsRefusedAtTheField(FxRobot robot) throws Exception {
        settle();
        openAdmin(robot, "backupsTab");
        Path file = Files.writeString(clinic.folder.resolve("a-file"), "x");
        type(robot, "backupFolder", file.resolve("backups").toString());
        robot.clickOn("#saveBackupSettingsButton");
        settle();
        assertThat(text(robot, "backupSettingsError")).contains("cannot be created because part of the path is a file");
        assertThat(node(robot, "backupFolder").getStyleClass()).contains("field-error");
        screenshot("admin-backups-settings-refused");

        Path second = clinic.folder.resolve("second-disk");
        type(robot, "backupFolder", second.toString());
        robot.clickOn("#backupOnExit");
        retype(robot, "keepDaily", "10");
        robot.clickOn("#saveBackupSettingsButton");
        settle();
        assertThat(text(robot, "backupSettingsStatus")).isEqualTo("Saved. Backups go to " + second + ".");
        BackupSettings saved = clinic.db.read(c -> new BackupStore().settings(c));
        assertThat(saved.folder()).isEqualTo(second.toString());
        assertThat(saved.onExit()).isFalse();
        assertThat(saved.onStart()).isTrue();
        assertThat(saved.keepDaily()).isEqualTo(10);
        assertThat(second).isDirectory();
        assertThat(AuditLog.last(clinic.db).summary()).startsWith("backup settings:").contains("keep 10 daily");
    }

    @Test
    void aRestoreAsksForThePasswordReplacesTheRecordsAndSignsEveryoneOut(FxRobot robot) throws Exception {
        settle();
        Services other = setupServices(clinic);
        other.auth().signIn("desk", TestClinic.PASSWORD.toCharArray());
        other.patients().create(TestClinic.patient("Zed", "After", "1990-05-06", "(555) 010-2222"), false);
        other.auth().signOut();
        openAdmin(robot, "backupsTab");
        clickCell(robot, "backupsTable", "needlepoint-20261121-090000.zip");

        // A wrong password replaces nothing.
        robot.clickOn("#restoreButton");
        WaitForAsyncUtils.waitForFxEvents();
        screenshotDialog(robot, "admin-backups-restore-confirm");
        robot.clickOn("#restorePassword").write("wrong-password");
        robot.clickOn("#confirmRestoreButton");
        settle();
        assertThat(text(robot, "backupsError")).contains("Wrong password");
        assertThat(patientNames()).contains("Zed After");

        robot.clickOn("#restoreButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#restorePassword").write(TestClinic.PASSWORD).type(KeyCode.ENTER);
        settle();
        settle();
        assertThat(seen(robot, "signInButton")).as("everyone signs in again").isTrue();
        assertThat(text(robot, "signInError")).isEqualTo("The clinic's records were restored from the backup made today at"
                + " 09:00 (1 patient). The records it replaced are kept in the data folder, in replaced-20261121-090000."
                + " Sign in again.");
        screenshot("restored-sign-in");
        assertThat(patientNames()).containsExactly("Ann Before");
        try (Stream<Path> aside = Files.list(clinic.folder)) {
            assertThat(aside.filter(p -> p.getFileName().toString().startsWith("replaced-")).toList()).singleElement()
                    .satisfies(p -> assertThat(p.resolve("needlepoint.mv.db")).isRegularFile());
        }
        assertThat(AuditLog.withAction(clinic.db, "RESTORE")).singleElement()
                .satisfies(e -> assertThat(e.username()).isEqualTo("admin"));
        long okRuns = clinic.db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM backup_run WHERE ok"));
        assertThat(okRuns)
                .as("the backup log is kept across the restore").isEqualTo(1);

        signIn(robot, "admin", TestClinic.PASSWORD);
        assertThat(seen(robot, "navAdmin")).isTrue();
    }

    /** Long paths are picked with Choose… by a person; typing them key by key only slows the test. */
    private void type(FxRobot robot, String fxId, String text) {
        javafx.scene.control.TextField f = node(robot, fxId);
        robot.interact(() -> f.setText(text));
    }

    /** Saves the PNG of the dialog on top (a window of its own, not in the main scene). */
    private void screenshotDialog(FxRobot robot, String name) {
        if (!Boolean.getBoolean("screenshots")) {
            return;
        }
        javafx.stage.Window dialog = robot.listTargetWindows().stream().filter(w -> w != stage).reduce((a, b) -> b)
                .orElseThrow();
        try {
            var image = WaitForAsyncUtils.asyncFx(() -> dialog.getScene().snapshot(null)).get(10,
                    java.util.concurrent.TimeUnit.SECONDS);
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png",
                    dir.resolve(name + ".png").toFile());
        } catch (Exception e) {
            throw new AssertionError("screenshot " + name + " failed", e);
        }
    }

    private List<String> patientNames() {
        return clinic.db.read(c -> {
            List<String> names = new java.util.ArrayList<>();
            try (var st = c.createStatement(); var rs = st.executeQuery(
                    "SELECT first_name || ' ' || last_name FROM patient ORDER BY id")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    private BackupRun lastRun() {
        return clinic.db.read(c -> new BackupStore().last(c, true)).orElseThrow();
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
