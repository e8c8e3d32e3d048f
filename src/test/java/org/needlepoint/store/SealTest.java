package org.needlepoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.app.Services;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.testing.TestClinic;

/**
 * The seal: the database counts its commits, the count and every table's rows are kept beside it,
 * and records that went back behind their seal are refused at open and left as they were.
 */
class SealTest {
    @TempDir
    Path tmp;
    private Path dir;

    @org.junit.jupiter.api.BeforeEach
    void folder() {
        dir = tmp.resolve("clinic");
    }

    private Path db() {
        return dir.resolve(Database.DB_FILE);
    }

    private static String sha(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static long patients(Database db) {
        return db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM patient"));
    }

    private static long counter(Database db) {
        return db.read(c -> Sql.count(c, "SELECT counter FROM commit_seal"));
    }

    private TestClinic clinicWithPatients(int n) {
        TestClinic clinic = new TestClinic(dir).withStaff();
        clinic.signIn("desk");
        for (int i = 0; i < n; i++) {
            clinic.services.patients().create(TestClinic.patient("Ann", "Smith" + (char) ('a' + i), "1985-03-14",
                    "555-010-" + (1000 + i)), true);
        }
        return clinic;
    }

    @Test
    void everyCommitIsCountedAndSealedBesideTheDatabase() {
        try (TestClinic clinic = clinicWithPatients(2)) {
            long before = counter(clinic.db);
            clinic.services.patients().create(TestClinic.patient("Bea", "Jones", "1990-01-02", "555-010-2000"), true);
            assertThat(counter(clinic.db)).isEqualTo(before + 1);

            clinic.db.flushSeal();
            Seal seal = Seal.read(dir).orElseThrow();
            assertThat(seal.counter()).isEqualTo(before + 1);
            assertThat(seal.counts()).containsEntry("PATIENT", 3L).containsKeys("AUDIT_LOG", "VISIT", "COMMIT_SEAL",
                    "flyway_schema_history");
            assertThat(seal.compare(clinic.db.seal())).isEqualTo(Seal.Verdict.SAME);
        }
    }

    @Test
    void aFailedTransactionCountsNothing() {
        try (TestClinic clinic = clinicWithPatients(1)) {
            long before = counter(clinic.db);
            assertThatThrownBy(() -> clinic.db.tx(c -> {
                c.createStatement().execute("INSERT INTO setting (name, val) VALUES ('x', 'y')");
                throw new IllegalStateException("refused");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(counter(clinic.db)).isEqualTo(before);
        }
    }

    @Test
    void anOlderCopyOfItselfIsRefusedAndLeftExactlyAsItWas() throws Exception {
        clinicWithPatients(3).close();
        Path older = tmp.resolve("older.mv.db");
        Files.copy(db(), older);
        try (TestClinic clinic = new TestClinic(dir)) {
            clinic.signIn("desk");
            clinic.services.patients().create(TestClinic.patient("Cal", "Later", "1970-05-06", "555-010-3000"), true);
        }
        Files.copy(older, db(), StandardCopyOption.REPLACE_EXISTING);
        String before = sha(db());
        Seal seal = Seal.read(dir).orElseThrow();

        assertThatThrownBy(() -> Database.open(dir))
                .isInstanceOfSatisfying(DamagedRecordsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DamagedRecordsException.Kind.WENT_BACK);
                    assertThat(e.getMessage()).startsWith("The clinic's records on this PC are older than they were at ")
                            .contains("today: the file may be damaged or was replaced. Nothing has been changed."
                                    + " Restore the latest backup, or call for help.");
                    assertThat(e.details()).anyMatch(d -> d.startsWith("transactions: "))
                            .contains("patient: 3 rows, sealed with 4 rows");
                    assertThat(e.seal()).isEqualTo(seal);
                });
        assertThat(sha(db())).as("the refused file is not touched").isEqualTo(before);
        assertThat(Seal.read(dir)).contains(seal);
        // the folder's lock was given back: a second try is refused the same way, not "already open"
        assertThatThrownBy(() -> Database.open(dir)).isInstanceOf(DamagedRecordsException.class);
    }

    @Test
    void theSameCounterWithOtherCountsIsRefused() throws Exception {
        clinicWithPatients(2).close();
        Seal seal = Seal.read(dir).orElseThrow();
        Map<String, Long> counts = new TreeMap<>(seal.counts());
        counts.put("PATIENT", 5L);
        new Seal(seal.counter(), seal.at(), counts).write(dir);

        assertThatThrownBy(() -> Database.open(dir)).isInstanceOfSatisfying(DamagedRecordsException.class,
                e -> assertThat(e.details()).containsExactly("patient: 2 rows, sealed with 5 rows"));
    }

    @Test
    void recordsAheadOfTheirSealAreFineAndSealedAgain() throws Exception {
        clinicWithPatients(1).close();
        Path oldSeal = tmp.resolve("old.seal");
        Files.copy(dir.resolve(Seal.FILE), oldSeal);
        try (TestClinic clinic = new TestClinic(dir)) {
            clinic.signIn("desk");
            clinic.services.patients().create(TestClinic.patient("Dee", "After", "1971-05-06", "555-010-4000"), true);
        }
        // as a crash between a commit and the seal's rewrite leaves it
        Files.copy(oldSeal, dir.resolve(Seal.FILE), StandardCopyOption.REPLACE_EXISTING);
        try (Database db = Database.open(dir)) {
            assertThat(patients(db)).isEqualTo(2);
            assertThat(Seal.read(dir).orElseThrow().counter()).isEqualTo(counter(db));
        }
    }

    @Test
    void recordsWithoutASealAreSealedAtOpen() throws Exception {
        clinicWithPatients(1).close();
        Files.delete(dir.resolve(Seal.FILE)); // a data folder of a version before seals
        try (Database db = Database.open(dir)) {
            assertThat(Seal.read(dir)).isPresent();
            assertThat(Seal.read(dir).orElseThrow().compare(db.seal())).isEqualTo(Seal.Verdict.SAME);
        }
    }

    @Test
    void aMissingDatabaseIsRefusedNotCreatedEmpty() throws Exception {
        clinicWithPatients(1).close();
        Files.delete(db());
        assertThatThrownBy(() -> Database.open(dir)).isInstanceOfSatisfying(DamagedRecordsException.class, e -> {
            assertThat(e.kind()).isEqualTo(DamagedRecordsException.Kind.MISSING);
            assertThat(e.getMessage()).contains("missing from this PC's data folder").contains("Nothing has been changed");
        });
        assertThat(db()).doesNotExist();
    }

    @Test
    void anUnreadableSealIsRefused() throws Exception {
        clinicWithPatients(1).close();
        String text = Files.readString(dir.resolve(Seal.FILE));
        Files.writeString(dir.resolve(Seal.FILE), text.replaceFirst("counter: \\d+", "counter: 1"), StandardCharsets.UTF_8);
        String before = sha(db());
        assertThatThrownBy(() -> Database.open(dir)).isInstanceOfSatisfying(DamagedRecordsException.class, e -> {
            assertThat(e.kind()).isEqualTo(DamagedRecordsException.Kind.SEAL_UNREADABLE);
            assertThat(e.getMessage()).contains("its checksum does not match its contents");
        });
        assertThat(sha(db())).isEqualTo(before);
    }

    @Test
    void acceptedOlderRecordsOpenAndAnEvenOlderCopyIsStillRefused() throws Exception {
        clinicWithPatients(1).close();
        Path oldest = tmp.resolve("oldest.mv.db");
        Files.copy(db(), oldest);
        try (TestClinic clinic = new TestClinic(dir)) {
            clinic.signIn("desk");
            clinic.services.patients().create(TestClinic.patient("Eve", "Middle", "1972-05-06", "555-010-5000"), true);
        }
        Path middle = tmp.resolve("middle.mv.db");
        Files.copy(db(), middle);
        try (TestClinic clinic = new TestClinic(dir)) {
            clinic.signIn("desk");
            clinic.services.patients().create(TestClinic.patient("Fay", "Last", "1973-05-06", "555-010-6000"), true);
        }
        long sealed = Seal.read(dir).orElseThrow().counter();
        Files.copy(middle, db(), StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> Database.open(dir)).isInstanceOf(DamagedRecordsException.class);

        try (Database db = Database.openAcceptingOlder(dir)) {
            assertThat(patients(db)).isEqualTo(2);
            assertThat(counter(db)).isGreaterThan(sealed);
        }
        try (Database db = Database.open(dir)) {
            assertThat(patients(db)).isEqualTo(2);
        }
        Files.copy(oldest, db(), StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> Database.open(dir)).isInstanceOf(DamagedRecordsException.class);
    }

    @Test
    void theCounterOnlyMovesForward() {
        try (TestClinic clinic = clinicWithPatients(0)) {
            assertThatThrownBy(() -> clinic.db.tx(c -> c.createStatement().executeUpdate(
                    "UPDATE commit_seal SET counter = counter - 5"))).hasMessageContaining("only moves forward");
            assertThatThrownBy(() -> clinic.db.tx(c -> c.createStatement().executeUpdate("DELETE FROM commit_seal")))
                    .hasMessageContaining("cannot be deleted");
        }
    }

    @Test
    void auditEntriesAreNumberedWithoutGapsEvenAfterARollbackAndWhileOthersSave() throws Exception {
        try (TestClinic clinic = clinicWithPatients(0)) {
            // a transaction that wrote an audit entry and failed leaves no hole in the numbers
            assertThatThrownBy(() -> clinic.db.tx(c -> {
                clinic.services.audit().log(c, "CREATE", "patient", 1L, null, "rolled back");
                throw new IllegalStateException("refused");
            })).isInstanceOf(IllegalStateException.class);

            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int n = t;
                Services own = new Services(clinic.db, clinic.clock, new PasswordHasher(1_000));
                own.auth().signIn("desk", TestClinic.PASSWORD.toCharArray());
                writers.add(new Thread(() -> {
                    try {
                        for (int i = 0; i < 15; i++) {
                            own.patients().create(TestClinic.patient("Par", "Allel" + n + "x" + i, "1980-01-01",
                                    "555-02" + n + "-" + (1000 + i)), true);
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            writers.forEach(Thread::start);
            for (Thread w : writers) {
                w.join();
            }
            assertThat(failure.get()).isNull();
            clinic.db.read(c -> {
                long rows = Sql.count(c, "SELECT COUNT(*) FROM audit_log");
                assertThat(Sql.count(c, "SELECT MIN(seq) FROM audit_log")).isEqualTo(1);
                assertThat(Sql.count(c, "SELECT MAX(seq) FROM audit_log")).isEqualTo(rows);
                assertThat(Sql.count(c, "SELECT COUNT(*) FROM audit_log WHERE summary = 'rolled back'")).isZero();
                return null;
            });
            assertThat(clinic.db.read(new org.needlepoint.security.AuditStore()::problems)).isEmpty();
        }
    }

    @Test
    void checkFindsNothingWrongWithSealedRecords() {
        try (TestClinic clinic = clinicWithPatients(2)) {
            assertThat(Integrity.of(clinic.db, clinic.services.checks()).problems()).isEmpty();
        }
    }
}
