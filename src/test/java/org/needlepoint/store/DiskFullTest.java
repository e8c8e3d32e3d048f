package org.needlepoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.app.Services;
import org.needlepoint.clinic.Clinic;
import org.needlepoint.patient.Patient;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.security.Role;
import org.needlepoint.security.UserDraft;
import org.needlepoint.testing.MutableClock;
import org.needlepoint.testing.TestClinic;

/** The disk holding the records fills up during a save: a clear message, nothing half-saved, and saving works again once there is room. */
class DiskFullTest {
    @TempDir
    Path dir;

    @AfterEach
    void roomAgain() {
        FullDiskFilePath.full = false;
    }

    private static Services services(Database db) {
        return new Services(db, MutableClock.morning(), new PasswordHasher(1_000));
    }

    @Test
    void aSaveOnAFullDiskIsRolledBackWithAClearMessageAndTheNextOneWorksOnceThereIsRoom() {
        FullDiskFilePath.register();
        Patient ann;
        Patient cleo;
        try (Database db = Database.open(dir, FullDiskFilePath.PREFIX)) {
            Services s = services(db);
            s.clinic().setUp(new Clinic("Test Clinic", "1 Test Street", "555-010-0100", 0),
                    new UserDraft("admin", "Alex Admin", Role.ADMIN, null, null), TestClinic.PASSWORD.toCharArray(),
                    TestClinic.PASSWORD.toCharArray());
            s.auth().signIn("admin", TestClinic.PASSWORD.toCharArray());
            ann = s.patients().create(TestClinic.patient("Ann", "Early", "1980-01-01", "(555) 010-1111"), false);
            long auditBefore = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM audit_log"));

            FullDiskFilePath.full = true;
            assertThatThrownBy(() -> s.patients().create(TestClinic.patient("Bea", "Lost", "1981-02-02", "(555) 010-2222"),
                    false))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("The disk holding the clinic's records is full (" + dir + "). Nothing was saved: free some"
                            + " space on that disk, then try again.");

            FullDiskFilePath.full = false; // someone emptied the recycle bin
            cleo = s.patients().create(TestClinic.patient("Cleo", "Later", "1982-03-03", "(555) 010-3333"), false);
            assertThat(names(db)).containsExactly("Ann Early", "Cleo Later");
            long auditAfter = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM audit_log"));
            assertThat(auditAfter)
                    .as("the failed save's audit row went with it").isEqualTo(auditBefore + 1);
            assertThat(Integrity.of(db, s.checks()).ok()).isTrue();
        }
        try (Database db = Database.open(dir)) {
            assertThat(names(db)).containsExactly("Ann Early", "Cleo Later");
            assertThat(Integrity.of(db, services(db).checks()).problems()).isEmpty();
        }
        assertThat(ann.id()).isLessThan(cleo.id());
    }

    @Test
    void theMessageNamesTheDiskOnWindowsAndMacToo() {
        assertThat(DiskErrors.isDiskFull(new java.io.IOException("There is not enough space on the disk"))).isTrue();
        assertThat(DiskErrors.isDiskFull(new RuntimeException("wrapped", new java.io.IOException("No space left on device"))))
                .isTrue();
        assertThat(DiskErrors.isDiskFull(new java.io.IOException("Disk quota exceeded"))).isTrue();
        assertThat(DiskErrors.isDiskFull(new java.io.IOException("Permission denied"))).isFalse();
    }

    private static List<String> names(Database db) {
        return db.read(c -> {
            List<String> out = new java.util.ArrayList<>();
            try (var st = c.createStatement(); var rs = st.executeQuery(
                    "SELECT first_name || ' ' || last_name FROM patient ORDER BY id")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }
}
