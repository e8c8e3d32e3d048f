package org.needlepoint.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.app.Services;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.patient.Patient;
import org.needlepoint.photo.ImageFile;
import org.needlepoint.photo.ImportRequest;
import org.needlepoint.photo.Moment;
import org.needlepoint.photo.Photo;
import org.needlepoint.photo.PhotoTarget;
import org.needlepoint.photo.Pose;
import org.needlepoint.photo.TestPhotos;
import org.needlepoint.schedule.ConsentKind;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.store.Database;
import org.needlepoint.testing.Consents;
import org.needlepoint.testing.ServerProcess;
import org.needlepoint.testing.TestClinic;

/** Photos on the clinic server: imported on one PC, seen byte for byte on another; joined PCs cannot delete them. */
class PhotoServerTest {
    @TempDir
    static Path dir;
    static ServerProcess server;

    @BeforeAll
    static void serve() throws Exception {
        Path records = dir.resolve("server");
        server = ServerProcess.serveTestClinic(records);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static Path joined(String name) {
        Path pc = dir.resolve("pc-" + name);
        server.join(pc, name);
        return pc;
    }

    private static Services services(Database db) {
        return new Services(db, Clock.systemDefaultZone(), new PasswordHasher(1_000));
    }

    @Test
    void aPhotoImportedOnOnePcIsSeenByteForByteOnAnother() throws Exception {
        byte[] jpeg = TestPhotos.withOrientation(TestPhotos.jpeg(1600, 1200, 42), 6);
        Path file = Files.write(dir.resolve("front.jpg"), jpeg);
        long patientId;
        long photoId;
        try (Database db = Database.openFolder(joined("Room 1"))) {
            Services s = services(db);
            s.auth().signIn("injector", TestClinic.PASSWORD.toCharArray());
            Patient p = s.patients().create(TestClinic.patient("Server", "Photo", "1979-03-04", "5550107000"), true);
            patientId = p.id();
            s.consents().sign(p.id(), EnumSet.of(ConsentKind.PHOTOGRAPHY), Consents.signature(), null);
            VisitChart v = s.charts().startVisit(p.id());
            PhotoTarget t = s.photos().targets(p.id()).get(0);
            assertThat(t.visitId()).isEqualTo(v.visit().id());
            Photo photo = s.photos().importFiles(new ImportRequest(p.id(), t, Pose.FRONT, null, Moment.BEFORE),
                    List.of(file)).imported().get(0);
            photoId = photo.id();
            assertThat(photo.width()).isEqualTo(1200); // turned upright by its EXIF orientation
        }
        try (Database db = Database.openFolder(joined("Room 2"))) {
            assertThat(db.isRemote()).isTrue();
            Services s = services(db);
            s.auth().signIn("desk", TestClinic.PASSWORD.toCharArray());
            List<Photo> seen = s.photos().photos(patientId);
            assertThat(seen).extracting(Photo::id).containsExactly(photoId);
            byte[] read = s.photos().original(photoId);
            assertThat(read).isEqualTo(jpeg);
            assertThat(ImageFile.sha256(read)).isEqualTo(seen.get(0).sha256());
            // a joined PC's account may add photos but never change or delete one, nor an original
            assertThatThrownBy(() -> db.tx(c -> c.createStatement().executeUpdate("DELETE FROM photo_removal")))
                    .isNotNull();
            List<String> rights = db.read(c -> {
                List<String> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, PRIVILEGE_TYPE FROM"
                        + " INFORMATION_SCHEMA.TABLE_PRIVILEGES WHERE GRANTEE = ? AND TABLE_NAME LIKE 'PHOTO%'"
                        + " ORDER BY TABLE_NAME, PRIVILEGE_TYPE")) {
                    ps.setString(1, PcStore.ROLE);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getString(1) + " " + rs.getString(2));
                        }
                    }
                }
                return out;
            });
            assertThat(rights).containsExactly("PHOTO INSERT", "PHOTO SELECT", "PHOTO_BLOB INSERT", "PHOTO_BLOB SELECT",
                    "PHOTO_PUPILS INSERT", "PHOTO_PUPILS SELECT", "PHOTO_REMOVAL INSERT", "PHOTO_REMOVAL SELECT");
        }
    }
}
