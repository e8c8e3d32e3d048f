package org.needlepoint.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.store.DamagedRecordsException;
import org.needlepoint.store.Database;
import org.needlepoint.store.Seal;
import org.needlepoint.testing.TestClinic;

/** A backup carries the seal of its moment; a restore brings records with a seal that continues from the replaced ones. */
class BackupSealTest {
    @TempDir
    Path dir;

    private TestClinic clinicWithAPatient() {
        TestClinic clinic = new TestClinic(dir.resolve("data")).withStaff();
        clinic.signIn("admin");
        clinic.services.patients().create(TestClinic.patient("Ann", "Sealed", "1985-03-14", "(555) 010-2345"), false);
        return clinic;
    }

    @Test
    void theManifestCarriesTheSealOfTheMomentTheBackupWasTaken() throws Exception {
        try (TestClinic clinic = clinicWithAPatient()) {
            Seal before = clinic.db.seal();
            BackupFile f = clinic.services.backups().backUpNow(BackupProgress.NONE);
            BackupManifest m = BackupArchive.read(f.path(), null);
            assertThat(m.seal()).isNotNull();
            assertThat(m.seal().counter()).isEqualTo(before.counter());
            assertThat(m.seal().counts()).isEqualTo(before.counts()).containsEntry("PATIENT", 1L);
            assertThat(m.seal().at()).isEqualTo(m.createdAt());
            String text;
            try (ZipFile z = new ZipFile(f.path().toFile())) {
                text = new String(z.getInputStream(z.getEntry(BackupArchive.MANIFEST)).readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(text).contains("seal.counter: " + before.counter() + "\n").contains("seal.table: PATIENT = 1\n");
        }
    }

    @Test
    void restoredRecordsAreSealedAndACopyOfTheReplacedOnesIsStillRefusedAsOlder() throws Exception {
        Path replacedCopy = dir.resolve("before-restore.mv.db");
        long beforeRestore;
        try (TestClinic clinic = clinicWithAPatient()) {
            BackupFile f = clinic.services.backups().backUpNow(BackupProgress.NONE);
            for (int i = 0; i < 3; i++) {
                clinic.services.patients().create(TestClinic.patient("Bo", "Later" + (char) ('a' + i), "1990-01-01",
                        "(555) 010-30" + i + "0"), false);
            }
            clinic.db.flushSeal();
            beforeRestore = Seal.read(clinic.folder).orElseThrow().counter();
            clinic.services.backups().restore(f.path(), TestClinic.PASSWORD.toCharArray(), BackupProgress.NONE);
            clinic.db.flushSeal();
            Seal now = Seal.read(clinic.folder).orElseThrow();
            assertThat(now.counter()).as("the restored records continue after the replaced ones").isGreaterThan(beforeRestore);
            assertThat(now.compare(clinic.db.seal())).isEqualTo(Seal.Verdict.SAME);
            assertThat(now.counts()).containsEntry("PATIENT", 1L);
            try (var aside = Files.list(clinic.folder)) {
                Path replaced = aside.filter(p -> p.getFileName().toString().startsWith("replaced-")).findFirst().orElseThrow();
                assertThat(replaced.resolve(Seal.FILE)).as("the replaced records keep their seal").isRegularFile();
                Files.copy(replaced.resolve(Database.DB_FILE), replacedCopy);
            }
        }
        Path data = dir.resolve("data");
        try (Database db = Database.open(data)) {
            assertThat(db.seal().counts()).containsEntry("PATIENT", 1L);
        }
        // the records from before the restore, put back by hand: their seal is behind the restored ones'
        Files.copy(replacedCopy, data.resolve(Database.DB_FILE), StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> Database.open(data)).isInstanceOf(DamagedRecordsException.class);
    }

    @Test
    void aBackupWhoseRecordsDoNotMatchItsSealIsRefused() throws Exception {
        try (TestClinic clinic = clinicWithAPatient()) {
            BackupFile f = clinic.services.backups().backUpNow(BackupProgress.NONE);
            Path forged = dir.resolve("forged.zip");
            try (ZipFile in = new ZipFile(f.path().toFile());
                 ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(forged))) {
                for (ZipEntry e : java.util.Collections.list(in.entries())) {
                    byte[] bytes = in.getInputStream(e).readAllBytes();
                    if (e.getName().equals(BackupArchive.MANIFEST)) {
                        bytes = new String(bytes, StandardCharsets.UTF_8).replace("seal.table: PATIENT = 1", "seal.table: PATIENT = 2")
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(bytes);
                    out.closeEntry();
                }
            }
            assertThatThrownBy(() -> clinic.services.backups().restore(forged, TestClinic.PASSWORD.toCharArray(),
                    BackupProgress.NONE))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("is damaged: its records are not those it was sealed with (patient: 1 row, sealed"
                            + " with 2 rows)");
            assertThat(clinic.services.patients().count()).isEqualTo(1);
        }
    }
}
