package org.needlepoint.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.app.Services;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.security.SignInException;
import org.needlepoint.store.DamagedRecordsException;
import org.needlepoint.store.Database;
import org.needlepoint.store.Sql;
import org.needlepoint.testing.MutableClock;
import org.needlepoint.testing.TestClinic;

/** Who may restore or accept records refused at open, and what happens to them. */
class DamagedRecordsServiceTest {
    @TempDir
    Path dir;
    private Path data;
    private final MutableClock clock = MutableClock.morning();

    @BeforeEach
    void aClinicWithABackupAndLaterSaves() throws Exception {
        data = dir.resolve("data");
        try (TestClinic c = new TestClinic(data).withStaff()) {
            c.signIn("admin");
            for (int i = 0; i < 20; i++) {
                c.services.patients().create(TestClinic.patient("Ann", "Early" + (char) ('a' + i), "1985-03-14",
                        "(555) 010-1" + (100 + i)), false);
            }
        }
        Files.copy(data.resolve(Database.DB_FILE), dir.resolve("older.mv.db"));
        try (TestClinic c = new TestClinic(data)) {
            c.signIn("admin");
            c.services.backups().backUpNow(BackupProgress.NONE);
            c.services.patients().create(TestClinic.patient("Cy", "Lost", "1987-03-14", "(555) 010-3000"), false);
        }
    }

    private DamagedRecords refused() {
        try {
            Database.open(data).close();
        } catch (DamagedRecordsException e) {
            return new DamagedRecords(e, d -> new Services(d, clock, new PasswordHasher(1_000)).checks(),
                    new PasswordHasher(1_000), clock);
        }
        throw new AssertionError("the records should have been refused");
    }

    private static String sha(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void onlyAnAdministratorMayUseOlderRecordsAndNothingChangesUntilOneDoes() throws Exception {
        Files.copy(dir.resolve("older.mv.db"), data.resolve(Database.DB_FILE), StandardCopyOption.REPLACE_EXISTING);
        String before = sha(data.resolve(Database.DB_FILE));
        DamagedRecords records = refused();
        assertThat(records.canAccept()).isTrue();

        assertThatThrownBy(() -> records.accept("desk", TestClinic.PASSWORD.toCharArray(), DamagedRecords.ACCEPT_PHRASE))
                .isInstanceOf(PermissionDeniedException.class).hasMessage("Only an administrator can accept older records.");
        assertThatThrownBy(() -> records.accept("admin", "wrong".toCharArray(), DamagedRecords.ACCEPT_PHRASE))
                .isInstanceOf(SignInException.class);
        assertThat(sha(data.resolve(Database.DB_FILE))).isEqualTo(before);

        records.accept("admin", TestClinic.PASSWORD.toCharArray(), "  Use Older Records ");
        try (Database db = Database.open(data)) {
            assertThat((long) db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM patient"))).isEqualTo(20);
        }
    }

    @Test
    void fiveWrongPasswordsPauseTheFormForFiveMinutes() throws Exception {
        Files.copy(dir.resolve("older.mv.db"), data.resolve(Database.DB_FILE), StandardCopyOption.REPLACE_EXISTING);
        DamagedRecords records = refused();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> records.accept("admin", "wrong".toCharArray(), DamagedRecords.ACCEPT_PHRASE))
                    .hasMessage("Wrong username or password.");
        }
        assertThatThrownBy(() -> records.accept("admin", TestClinic.PASSWORD.toCharArray(), DamagedRecords.ACCEPT_PHRASE))
                .hasMessage("After 5 wrong passwords, try again in 5 minutes.");
        clock.advance(java.time.Duration.ofMinutes(5));
        records.accept("admin", TestClinic.PASSWORD.toCharArray(), DamagedRecords.ACCEPT_PHRASE);
    }

    @Test
    void recordsCutToPiecesCannotBeAcceptedButTheBackupsAdminRestoresThem() throws Exception {
        Path file = data.resolve(Database.DB_FILE);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() * 30 / 100);
        }
        String cut = sha(file);
        DamagedRecords records = refused();
        assertThat(records.canAccept()).isFalse();
        assertThatThrownBy(() -> records.accept("admin", TestClinic.PASSWORD.toCharArray(), DamagedRecords.ACCEPT_PHRASE))
                .hasMessageContaining("cannot be used as they are: restore a backup");

        DamagedRecords.Candidate newest = records.newestVerifiedBackup().orElseThrow();
        assertThat(newest.manifest().count("patients")).isEqualTo(20);
        assertThatThrownBy(() -> records.restore(newest.file(), "desk", TestClinic.PASSWORD.toCharArray(), BackupProgress.NONE))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(sha(file)).isEqualTo(cut);

        RestoreResult r = records.restore(newest.file(), "admin", TestClinic.PASSWORD.toCharArray(), BackupProgress.NONE);
        assertThat(sha(r.replacedKeptIn().resolve(Database.DB_FILE))).isEqualTo(cut);
        try (Database db = Database.open(data)) {
            assertThat((long) db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM patient"))).isEqualTo(20);
            assertThat(org.needlepoint.testing.AuditLog.withAction(db, BackupService.AUDIT_RESTORE)).singleElement()
                    .satisfies(e -> assertThat(e.username()).isEqualTo("admin"));
        }
    }
}
