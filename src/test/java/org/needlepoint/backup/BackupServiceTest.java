package org.needlepoint.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.security.SignInException;
import org.needlepoint.store.Integrity;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.testing.AsUnprivilegedUser;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.PermissionScenarios;
import org.needlepoint.testing.TestClinic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/** Backups through BackupService on a real store: triggers, rotation, status, failures, restore in the app. */
class BackupServiceTest {
    @TempDir
    Path dir;
    private TestClinic clinic;
    private BackupService backups;

    @BeforeEach
    void open() {
        clinic = new TestClinic(dir.resolve("data")).withStaff();
        backups = clinic.services.backups();
    }

    @AfterEach
    void close() {
        clinic.close();
    }

    private Path backupFolder() {
        return clinic.folder.resolve("backups");
    }

    private List<BackupFile> files() {
        return BackupFile.list(backupFolder());
    }

    private void setFolder(Path folder) {
        clinic.signIn("admin");
        BackupSettings s = backups.settings();
        backups.update(new BackupSettings(folder.toString(), s.onStart(), s.onExit(), s.keepDaily(), s.keepWeekly(), s.version()));
        clinic.services.auth().signOut();
    }

    private void settings(boolean onStart, boolean onExit) {
        clinic.signIn("admin");
        BackupSettings s = backups.settings();
        backups.update(new BackupSettings(s.folder(), onStart, onExit, s.keepDaily(), s.keepWeekly(), s.version()));
        clinic.services.auth().signOut();
    }

    private List<BackupRun> runs() {
        return clinic.db.read(c -> new BackupStore().since(c, java.time.Instant.EPOCH));
    }

    @Test
    void backUpNowWritesAZipThatHoldsTheRecordsAManifestAndChecksums() throws Exception {
        clinic.signIn("desk");
        clinic.services.patients().create(TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), false);
        BackupFile f = backups.backUpNow(BackupProgress.NONE);

        assertThat(f.path()).isEqualTo(backupFolder().resolve("needlepoint-20261121-090000.zip"));
        assertThat(f.size()).isEqualTo(Files.size(f.path())).isPositive();
        try (ZipFile z = new ZipFile(f.path().toFile())) {
            assertThat(z.stream().map(java.util.zip.ZipEntry::getName)).containsExactly("needlepoint.sql", "manifest.txt");
            String manifest = new String(z.getInputStream(z.getEntry("manifest.txt")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(manifest.lines()).contains("needlepoint-backup 1", "schema.version: " + clinic.db.schemaVersion(),
                    "created.at: 2026-11-21T09:00:00Z", "data.folder: " + clinic.folder, "count: patients = 1",
                    "count: users = 3");
            assertThat(manifest).containsPattern("entry: [0-9a-f]{64} \\d+ needlepoint.sql")
                    .containsPattern("seal.counter: \\d+\n").contains("seal.table: PATIENT = 1\n");
        }
        BackupManifest read = BackupArchive.read(f.path(), null);
        assertThat(read.count("patients")).isEqualTo(1);
        assertThat(runs()).singleElement().satisfies(r -> {
            assertThat(r.ok()).isTrue();
            assertThat(r.trigger()).isEqualTo(BackupRun.Trigger.MANUAL);
            assertThat(r.file()).isEqualTo(f.path().toString());
        });
        assertThat(AuditLog.last(clinic.db).action()).isEqualTo(BackupService.AUDIT_BACKUP);
        assertThat(AuditLog.last(clinic.db).username()).isEqualTo("desk");
        assertThat(clinic.folder.resolve(BackupWriter.WORK)).doesNotExist();
        try (Stream<Path> left = Files.list(backupFolder())) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("needlepoint-20261121-090000.zip", BackupWriter.LOCK);
        }
    }

    @Test
    void aSecondBackupInTheSameSecondGetsItsOwnName() {
        clinic.signIn("admin");
        BackupFile a = backups.backUpNow(BackupProgress.NONE);
        BackupFile b = backups.backUpNow(BackupProgress.NONE);
        assertThat(a.name()).isEqualTo("needlepoint-20261121-090000.zip");
        assertThat(b.name()).isEqualTo("needlepoint-20261121-090000-2.zip");
        assertThat(backups.list()).extracting(BackupFile::name).containsExactly(b.name(), a.name());
    }

    @Test
    void theDaysFirstBackupRunsOnceADayAndAFailedOneIsTriedAgain() throws Exception {
        Optional<BackupFile> first = backups.backUpIfDueToday();
        assertThat(first).isPresent();
        assertThat(backups.backUpIfDueToday()).as("one a day").isEmpty();

        clinic.clock.advance(Duration.ofHours(20)); // the next morning, 05:00
        Files.delete(first.get().path());
        deleteTree(backupFolder());
        Files.writeString(backupFolder(), "the disk is gone and a file has its name");
        assertThatThrownBy(() -> backups.backUpIfDueToday()).isInstanceOf(BackupException.class)
                .hasMessageContaining("is not a folder");
        assertThat(runs()).extracting(BackupRun::ok).containsExactly(true, false);
        assertThat(runs().get(1).trigger()).isEqualTo(BackupRun.Trigger.START);

        Files.delete(backupFolder());
        clinic.clock.advance(Duration.ofHours(3));
        assertThat(backups.backUpIfDueToday()).as("tried again at the next sign-in").isPresent();
        assertThat(backups.backUpIfDueToday()).isEmpty();
    }

    @Test
    void switchedOffBackupsAreNotMade() {
        settings(false, false);
        assertThat(backups.backUpIfDueToday()).isEmpty();
        assertThat(backups.backUpOnExit(BackupProgress.NONE)).isEmpty();
        assertThat(files()).isEmpty();

        settings(true, true);
        assertThat(backups.backUpOnExit(BackupProgress.NONE)).isPresent();
        assertThat(runs()).singleElement().satisfies(r -> assertThat(r.trigger()).isEqualTo(BackupRun.Trigger.EXIT));
        assertThat(AuditLog.withAction(clinic.db, BackupService.AUDIT_BACKUP)).as("automatic backups are not audited").isEmpty();
    }

    @Test
    void sixtyDaysOfUseKeepSevenDailyAndFourWeeklyBackups() {
        LocalDate firstDay = LocalDate.now(clinic.clock);
        for (int day = 0; day < 60; day++) {
            assertThat(backups.backUpIfDueToday()).isPresent(); // 09:00
            clinic.clock.advance(Duration.ofHours(9));
            assertThat(backups.backUpOnExit(BackupProgress.NONE)).isPresent(); // 18:00
            clinic.clock.advance(Duration.ofHours(15));
        }
        assertThat(backups.backUpIfDueToday()).isPresent(); // the 61st morning

        List<BackupFile> kept = files();
        assertThat(kept).hasSize(11);
        List<LocalDate> days = kept.stream().map(f -> f.createdAt().toLocalDate()).toList();
        List<LocalDate> expected = new ArrayList<>();
        LocalDate today = firstDay.plusDays(60);
        for (int i = 0; i < 7; i++) {
            expected.add(today.minusDays(i));
        }
        // then the newest backup of each of the 4 weeks before the oldest daily one
        LocalDate oldestDaily = today.minusDays(6);
        LocalDate d = oldestDaily.minusDays(1);
        while (expected.size() < 11) {
            expected.add(d);
            d = d.with(java.time.temporal.TemporalAdjusters.previous(java.time.DayOfWeek.SUNDAY));
        }
        assertThat(days).containsExactlyElementsOf(expected);
        assertThat(kept.subList(1, kept.size())).allSatisfy(f -> assertThat(f.createdAt().getHour()).isEqualTo(18));
        assertThat(runs()).hasSize(121).allMatch(BackupRun::ok);
    }

    @Test
    void theStatusWarnsAfterAFailureUntilABackupSucceedsAndAfterTwoDaysWithout() throws Exception {
        clinic.signIn("desk");
        assertThat(backups.status().warning()).as("no backup yet").isTrue();
        backups.backUpNow(BackupProgress.NONE);
        BackupStatus ok = backups.status();
        assertThat(ok.warning()).isFalse();
        assertThat(ok.lastFailed()).isFalse();

        Path file = Files.writeString(dir.resolve("in-the-way"), "x");
        setFolder(dir.resolve("usb"));
        Files.delete(dir.resolve("usb"));
        Files.move(file, dir.resolve("usb"));
        clinic.signIn("desk");
        assertThatThrownBy(() -> backups.backUpNow(BackupProgress.NONE)).isInstanceOf(BackupException.class);
        BackupStatus failed = backups.status();
        assertThat(failed.warning()).isTrue();
        assertThat(failed.lastFailed()).isTrue();
        assertThat(failed.lastFailure().message()).contains("The backup folder " + dir.resolve("usb")).contains("is not a folder");
        assertThat(failed.lastSuccess()).isNotNull();

        Files.delete(dir.resolve("usb"));
        clinic.clock.advance(Duration.ofMinutes(1));
        backups.backUpNow(BackupProgress.NONE);
        assertThat(backups.status().warning()).isFalse();

        clinic.clock.advance(Duration.ofDays(2).minusMinutes(1));
        assertThat(backups.status().warning()).as("not quite two days").isFalse();
        clinic.clock.advance(Duration.ofMinutes(2));
        assertThat(backups.status().warning()).isTrue();
        assertThat(backups.status().lastFailed()).isFalse();
    }

    @Test
    void permissions() {
        assertThatThrownBy(() -> backups.status()).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> backups.backUpNow(BackupProgress.NONE)).isInstanceOf(PermissionDeniedException.class);
        clinic.signIn("injector");
        assertThatThrownBy(() -> backups.settings()).isInstanceOf(PermissionDeniedException.class)
                .hasMessage("Injector accounts cannot see the backup settings.");
        assertThatThrownBy(() -> backups.list()).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> backups.restore(dir.resolve("x.zip"), TestClinic.PASSWORD.toCharArray(), BackupProgress.NONE))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(backups.backUpNow(BackupProgress.NONE)).isNotNull();
    }

    @Test
    void settingsAreValidatedAndTheFolderMustBeUsable() throws Exception {
        clinic.signIn("admin");
        BackupSettings s = backups.settings();
        assertThat(s).isEqualTo(new BackupSettings(null, true, true, 7, 4, 0));
        assertThat(backups.folderOf(s)).isEqualTo(backupFolder());

        assertThatThrownBy(() -> backups.update(new BackupSettings("relative/folder", true, true, 7, 4, 0)))
                .isInstanceOf(ValidationException.class).satisfies(e ->
                        assertThat(((ValidationException) e).fieldErrors()).containsKey("backupFolder"));
        assertThatThrownBy(() -> backups.update(new BackupSettings(null, true, true, 0, 53, 0)))
                .isInstanceOf(ValidationException.class).satisfies(e ->
                        assertThat(((ValidationException) e).fieldErrors()).containsOnlyKeys("keepDaily", "keepWeekly"));
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> backups.update(new BackupSettings(file.resolve("b").toString(), true, true, 7, 4, 0)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("does not exist and cannot be created because part of the path is a file");

        BackupSettings saved = backups.update(new BackupSettings(dir.resolve("second disk").toString(), false, true, 14, 8, 0));
        assertThat(saved).isEqualTo(new BackupSettings(dir.resolve("second disk").toString(), false, true, 14, 8, 1));
        assertThat(dir.resolve("second disk")).isDirectory();
        assertThatThrownBy(() -> backups.update(new BackupSettings(null, true, true, 7, 4, 0)))
                .isInstanceOf(StaleRecordException.class).hasMessageContaining("Alex Admin");
    }

    @Test
    void aBackupFolderInsideARegularFileGivesAClearMessageAndIsLogged() throws Exception {
        Path file = Files.writeString(dir.resolve("usb"), "not a folder");
        clinic.signIn("admin");
        assertThatThrownBy(() -> backups.backUpFromCommandLine(file.resolve("backups"), BackupProgress.NONE))
                .isInstanceOf(BackupException.class)
                .hasMessage("The backup folder " + file.resolve("backups") + " does not exist and cannot be created because"
                        + " part of the path is a file, not a folder. If it is on another disk or a network share, check that"
                        + " it is connected, or choose another backup folder (Admin → Backups).");
        assertThat(runs()).singleElement().satisfies(r -> assertThat(r.ok()).isFalse());
    }

    @Test
    void aFullBackupDiskGivesAClearMessage() throws Exception {
        Path devFull = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.exists(devFull), "needs Linux's /dev/full, a device that is always full");
        Path usb = Files.createDirectories(dir.resolve("usb"));
        // every write into this folder's probe file goes to /dev/full: ENOSPC from the kernel
        Files.createSymbolicLink(usb.resolve(".needlepoint-write-check"), devFull);
        clinic.signIn("admin");
        assertThatThrownBy(() -> backups.backUpFromCommandLine(usb, BackupProgress.NONE))
                .isInstanceOf(BackupException.class)
                .hasMessage("The backup folder " + usb + " is on a disk that is full. Free some space on that disk, then try"
                        + " again.");
        assertThat(BackupFile.list(usb)).isEmpty();
    }

    @Test
    void aDiskThatFillsUpWhileTheZipIsWrittenIsNamedInTheMessage() {
        BackupException e = BackupWriter.failed(dir.resolve("usb"), new IOException("No space left on device"));
        assertThat(e.getMessage()).isEqualTo("The backup folder " + dir.resolve("usb") + " is on a disk that is full, so"
                + " the backup was not written; the previous backups are kept. Free some space there or choose another backup"
                + " folder (Admin → Backups).");
        BackupException windows = BackupWriter.failed(dir.resolve("usb"),
                new IOException("There is not enough space on the disk"));
        assertThat(windows.getMessage()).contains("is on a disk that is full");
    }

    @Test
    void aReadOnlyBackupFolderGivesAClearMessage() throws Exception {
        // in a child JVM as a user whose permissions bite, root included (AsUnprivilegedUser)
        Map<String, String> r = AsUnprivilegedUser.run(PermissionScenarios.class, "read-only-backup-folder");
        assertThat(r.get("writable")).as("the folder is really read-only for the child").isEqualTo("false");
        assertThat(r.get("backup")).startsWith("BackupException: ")
                .contains("The backup folder " + r.get("folder") + " cannot be written to");
    }

    @Test
    void partialFilesAreNeverListedAndTheNextBackupDeletesThem() throws Exception {
        Files.createDirectories(backupFolder());
        Path partial = Files.writeString(backupFolder().resolve(".needlepoint-20261120-180000-5f3a.zip.partial"), "half");
        Path foreign = Files.writeString(backupFolder().resolve("notes.txt"), "mine");
        clinic.signIn("admin");
        assertThat(backups.list()).isEmpty();
        backups.backUpNow(BackupProgress.NONE);
        assertThat(partial).doesNotExist();
        assertThat(foreign).exists();
        assertThat(backups.list()).hasSize(1);
    }

    @Test
    void restoreInTheAppNeedsThePasswordThenReplacesTheRecordsAndKeepsThisPcsBackupSettingsAndLog() throws Exception {
        clinic.signIn("admin");
        clinic.services.patients().create(TestClinic.patient("Ann", "Before", "1985-03-14", "(555) 010-2345"), false);
        BackupFile backup = backups.backUpNow(BackupProgress.NONE);
        clinic.clock.advance(Duration.ofHours(1));
        clinic.services.patients().create(TestClinic.patient("Zed", "After", "1990-01-01", "(555) 010-9999"), false);
        BackupSettings s = backups.settings();
        backups.update(new BackupSettings(dir.resolve("elsewhere").toString(), s.onStart(), false, 10, 2, s.version()));

        assertThatThrownBy(() -> backups.restore(backup.path(), "wrong".toCharArray(), BackupProgress.NONE))
                .isInstanceOf(SignInException.class);
        assertThat(clinic.services.patients().count()).isEqualTo(2);

        List<String> steps = new ArrayList<>();
        RestoreResult r = backups.restore(backup.path(), TestClinic.PASSWORD.toCharArray(), steps::add);
        assertThat(steps).containsExactly("Checking the backup file…", "Loading the records into a temporary database…",
                "Checking the restored records…", "Replacing the records…");
        assertThat(r.replacedKeptIn()).isEqualTo(clinic.folder.resolve("replaced-20261121-100000"));
        assertThat(r.replacedKeptIn().resolve("needlepoint.mv.db")).isRegularFile();
        assertThat(clinic.services.patients().count()).as("the same Database object, reopened on the restored file")
                .isEqualTo(1);
        assertThat(Integrity.of(clinic.db, clinic.services.checks()).ok()).isTrue();
        BackupSettings kept = backups.settings();
        assertThat(kept.folder()).isEqualTo(dir.resolve("elsewhere").toString());
        assertThat(kept.onExit()).isFalse();
        assertThat(kept.keepDaily()).isEqualTo(10);
        assertThat(runs()).as("the run that made the backup is kept").singleElement()
                .satisfies(run -> assertThat(run.file()).isEqualTo(backup.path().toString()));
        assertThat(AuditLog.withAction(clinic.db, BackupService.AUDIT_RESTORE)).singleElement().satisfies(e -> {
            assertThat(e.username()).isEqualTo("admin");
            assertThat(e.summary()).contains(backup.path().toString()).contains("replaced-20261121-100000");
        });
        clinic.services.patients().create(TestClinic.patient("New", "Afterwards", "1970-01-01", "(555) 010-7777"), false);
        assertThat(clinic.services.patients().count()).isEqualTo(2);
        assertThat(clinic.folder.resolve(Restore.WORK)).doesNotExist();
    }

    @Test
    void aDamagedBackupIsRefusedInTheAppAndTheOpenDatabaseKeepsWorking() throws Exception {
        clinic.signIn("admin");
        BackupFile backup = backups.backUpNow(BackupProgress.NONE);
        byte[] bytes = Files.readAllBytes(backup.path());
        Path cut = Files.write(dir.resolve("cut.zip"), java.util.Arrays.copyOf(bytes, bytes.length - 40));
        assertThatThrownBy(() -> backups.restore(cut, TestClinic.PASSWORD.toCharArray(), BackupProgress.NONE))
                .isInstanceOf(BackupException.class).hasMessageContaining("is damaged or incomplete");
        clinic.services.patients().create(TestClinic.patient("Still", "Works", "1985-03-14", "(555) 010-2345"), false);
        try (Stream<Path> files = Files.list(clinic.folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("replaced-"))
                    .doesNotContain(Restore.WORK);
        }
    }

    @Test
    void aBackupMadeByANewerVersionIsRefused() throws Exception {
        clinic.signIn("admin");
        clinic.db.tx(c -> c.createStatement().executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\","
                + " \"version\", \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
                + " \"success\") VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 1, 'x', 1, TRUE)"));
        BackupFile backup = backups.backUpNow(BackupProgress.NONE);
        assertThatThrownBy(() -> backups.restore(backup.path(), TestClinic.PASSWORD.toCharArray(), BackupProgress.NONE))
                .isInstanceOf(BackupException.class).hasMessageContaining("was made by a newer version of Needlepoint");
    }

    @Test
    void photosInTheRecordsAreBackedUpAsFilesAndRestoredWithTheRecords() throws Exception {
        // since issue 14 the photos' originals are in the records (so every PC of a clinic server sees them); a backup
        // holds each as photos/<sha256>.jpg beside the SQL, and a restore loads them back, checked against their hash
        clinic.signIn("injector");
        var patient = clinic.services.patients().create(TestClinic.patient("Backed", "Photo", "1980-01-02", "5550108800"), true);
        clinic.services.consents().sign(patient.id(), java.util.EnumSet.of(org.needlepoint.schedule.ConsentKind.PHOTOGRAPHY),
                org.needlepoint.testing.Consents.signature(), null);
        clinic.services.charts().startVisit(patient.id());
        var target = clinic.services.photos().targets(patient.id()).get(0);
        var request = new org.needlepoint.photo.ImportRequest(patient.id(), target, org.needlepoint.photo.Pose.FRONT, null,
                org.needlepoint.photo.Moment.BEFORE);
        byte[] jpeg = org.needlepoint.photo.TestPhotos.jpeg(640, 480, 7);
        Path in = Files.write(clinic.folder.resolve("before.jpg"), jpeg);
        var before = clinic.services.photos().importFiles(request, List.of(in)).imported().get(0);
        clinic.signIn("admin");
        BackupFile f = backups.backUpNow(BackupProgress.NONE);
        String entry = "photos/" + before.sha256() + ".jpg";
        assertThat(BackupArchive.read(f.path(), null).entries()).extracting(BackupManifest.Entry::name)
                .containsExactly("needlepoint.sql", entry);

        clinic.signIn("injector");
        Path later = Files.write(clinic.folder.resolve("after.jpg"), org.needlepoint.photo.TestPhotos.jpeg(640, 480, 8));
        clinic.services.photos().importFiles(request, List.of(later)); // taken after the backup
        clinic.signIn("admin");
        backups.restore(f.path(), TestClinic.PASSWORD.toCharArray(), BackupProgress.NONE);
        clinic.signIn("injector");
        assertThat(clinic.services.photos().photos(patient.id())).extracting(org.needlepoint.photo.Photo::id)
                .containsExactly(before.id());
        assertThat(clinic.services.photos().original(before.id())).isEqualTo(jpeg);
    }

    private static void deleteTree(Path p) throws IOException {
        BackupWriter.deleteTree(p);
    }
}
