package org.needlepoint.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.app.Services;
import org.needlepoint.backup.BackupFile;
import org.needlepoint.backup.BackupProgress;
import org.needlepoint.backup.Restore;
import org.needlepoint.backup.RestoreResult;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.store.Database;
import org.needlepoint.testing.MutableClock;
import org.needlepoint.testing.TestClinic;

/** Photos go into backups as files named by their hash, beside the records, and come back byte for byte. */
class PhotoBackupTest {
    @TempDir
    Path dir;

    @Test
    void backupThenRestoreKeepsEveryPhotoByteIdentical() throws Exception {
        List<byte[]> originals = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        BackupFile backup;
        try (TestClinic clinic = new TestClinic(dir.resolve("clinic")).withStaff()) {
            PhotoFixture f = new PhotoFixture(clinic, "Backup", true);
            PhotoTarget visit = f.visit(clinic.clock.instant());
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                byte[] b = i % 2 == 0 ? TestPhotos.jpeg(640, 480, 20 + i) : TestPhotos.png(300, 200, 20 + i);
                originals.add(b);
                files.add(Files.write(dir.resolve("photo-" + i + (i % 2 == 0 ? ".jpg" : ".png")), b));
            }
            ImportOutcome out = clinic.services.photos().importFiles(f.front(visit, Moment.BEFORE), files);
            out.imported().forEach(p -> ids.add(p.id()));
            clinic.services.photos().markPupils(ids.get(0), 0, Pupils.of(200, 200, 400, 210));
            clinic.signIn("admin");
            backup = clinic.services.backups().backUpFromCommandLine(dir.resolve("usb"), BackupProgress.NONE);
        }
        try (ZipFile zip = new ZipFile(backup.path().toFile())) {
            for (byte[] b : originals) {
                String name = "photos/" + ImageFile.sha256(b) + (b[0] == (byte) 0x89 ? ".png" : ".jpg");
                assertThat(zip.getEntry(name)).as(name).isNotNull();
                try (var in = zip.getInputStream(zip.getEntry(name))) {
                    assertThat(in.readAllBytes()).isEqualTo(b);
                }
            }
            // the originals are not in the SQL as well
            try (var in = zip.getInputStream(zip.getEntry("needlepoint.sql"))) {
                String sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(sql).contains("CREATE CACHED TABLE \"PUBLIC\".\"PHOTO_BLOB\"")
                        .doesNotContain("INSERT INTO \"PUBLIC\".\"PHOTO_BLOB\"")
                        .contains("INSERT INTO \"PUBLIC\".\"PHOTO\"");
            }
        }

        Path restored = dir.resolve("restored");
        RestoreResult r = Restore.offline(restored, backup.path(), d -> new Services(d, MutableClock.morning(),
                new PasswordHasher(1_000)).checks(), MutableClock.morning(), BackupProgress.NONE);
        assertThat(r.integrity().ok()).isTrue();
        assertThat(r.manifest().count("photo files")).isEqualTo(4);
        try (Database db = Database.open(restored)) {
            Services s = new Services(db, MutableClock.morning(), new PasswordHasher(1_000));
            s.auth().signIn("injector", TestClinic.PASSWORD.toCharArray());
            for (int i = 0; i < ids.size(); i++) {
                assertThat(s.photos().original(ids.get(i))).isEqualTo(originals.get(i));
            }
            assertThat(s.photos().photo(ids.get(0)).pupils().rightY()).isEqualTo(210);
            assertThat(db.read(new PhotoStore()::problems)).isEmpty();
        }
    }
}
