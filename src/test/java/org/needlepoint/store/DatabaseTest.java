package org.needlepoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.patient.Patient;
import org.needlepoint.security.AuditStore;
import org.needlepoint.testing.TestClinic;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void migratesAnEmptyFolderToTheLatestShippedVersion() throws Exception {
        try (Database db = Database.open(dir.resolve("new-clinic"))) {
            List<String> tables = db.read(c -> strings(c,
                    "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"));
            assertThat(tables).contains("CLINIC", "SETTING", "APP_USER", "AUDIT_LOG", "PATIENT", "PATIENT_SEARCH_KEY",
                    "flyway_schema_history");

            List<String> applied = db.read(c -> strings(c,
                    "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL"
                            + " ORDER BY \"installed_rank\""));
            List<Integer> shipped = shippedMigrationVersions();
            assertThat(applied).containsExactlyElementsOf(shipped.stream().map(String::valueOf).toList());
            long failed = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE NOT \"success\""));
            assertThat(failed).isZero();
            assertThat(db.validateMigrations()).isNull();
            // The seed row of V1 is there: the migration ran its data statements too.
            assertThat(strings(db, "SELECT val FROM setting WHERE name = 'idle.lock.minutes'")).containsExactly("10");
        }
        assertThat(dir.resolve("new-clinic").resolve(Database.DB_NAME + ".mv.db")).exists();
    }

    @Test
    void reopeningAFolderKeepsItsDataAndDoesNotMigrateAgain() {
        Patient saved;
        try (TestClinic clinic = new TestClinic(dir, Database.Durability.FLUSHED).withStaff()) {
            clinic.signIn("desk");
            saved = clinic.services.patients().create(TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), false);
        }
        try (TestClinic again = new TestClinic(dir, Database.Durability.FLUSHED)) {
            assertThat(again.services.clinic().isSetUp()).isTrue();
            again.signIn("desk");
            Patient reread = again.services.patients().open(saved.id());
            assertThat(reread.chartNumber()).isEqualTo(saved.chartNumber());
            assertThat(reread.details()).isEqualTo(saved.details());
            long historyRows = again.db.read(c -> Sql.count(c,
                    "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"));
            assertThat(historyRows).isEqualTo(shippedMigrationVersions().size());
        }
    }

    @Test
    void aSecondOpenOnTheSameFolderIsRefusedAndTheFirstKeepsWorking() {
        try (Database first = Database.open(dir)) {
            assertThatThrownBy(() -> Database.open(dir))
                    .isInstanceOf(AlreadyOpenException.class)
                    .hasMessageContaining("already open")
                    .hasMessageContaining(dir.toString());

            first.tx(c -> insertSetting(c, "still.usable", "yes"));
            assertThat(strings(first, "SELECT val FROM setting WHERE name = 'still.usable'")).containsExactly("yes");

            // The failed attempt must not have released the first copy's lock.
            assertThatThrownBy(() -> Database.open(dir)).isInstanceOf(AlreadyOpenException.class);
        }
        try (Database reopened = Database.open(dir)) {
            assertThat(strings(reopened, "SELECT val FROM setting WHERE name = 'still.usable'")).containsExactly("yes");
        }
    }

    @Test
    void aTransactionThatThrowsSavesNothing() {
        try (Database db = Database.open(dir)) {
            IllegalStateException boom = new IllegalStateException("boom");
            assertThatThrownBy(() -> db.tx(c -> {
                insertSetting(c, "half.one", "1");
                insertSetting(c, "half.two", "2");
                throw boom;
            })).isSameAs(boom);
            assertThat(settingsNamed(db, "half.%")).isZero();
        }
    }

    @Test
    void aTransactionWhoseSecondStatementFailsSavesNothing() {
        try (Database db = Database.open(dir)) {
            assertThatThrownBy(() -> db.tx(c -> {
                insertSetting(c, "dup.first", "1");
                insertSetting(c, "idle.lock.minutes", "99"); // primary key clash with the seeded row
                return null;
            })).isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("The database reported a problem:");
            assertThat(settingsNamed(db, "dup.%")).isZero();
            assertThat(strings(db, "SELECT val FROM setting WHERE name = 'idle.lock.minutes'")).containsExactly("10");
        }
    }

    @Test
    void aCommittedTransactionReturnsItsResultAndIsSaved() {
        try (Database db = Database.open(dir)) {
            String result = db.tx(c -> {
                insertSetting(c, "kept", "yes");
                return "done";
            });
            assertThat(result).isEqualTo("done");
            assertThat(settingsNamed(db, "kept")).isEqualTo(1);
        }
    }

    @Test
    void theAuditLogRefusesUpdateAndDeleteEvenThroughRawSql() {
        try (Database db = Database.open(dir)) {
            db.tx(c -> new AuditStore().append(c, Instant.parse("2026-11-21T09:00:00Z"), null, "someone", "VIEW",
                    "patient", 1L, 1L, "original summary"));

            assertThatThrownBy(() -> db.tx(c -> c.createStatement().executeUpdate("UPDATE audit_log SET summary = 'rewritten'")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> db.tx(c -> c.createStatement().executeUpdate("DELETE FROM audit_log")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("append-only");
            // Not even on the read connection, where a careless caller might try it.
            assertThatThrownBy(() -> db.read(c -> c.createStatement().executeUpdate("DELETE FROM audit_log WHERE id > 0")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("append-only");

            assertThat(strings(db, "SELECT summary FROM audit_log")).containsExactly("original summary");
        }
    }

    @Test
    void aFileMostlyOfOldVersionsIsCompactedAndKeepsEverySave() throws Exception {
        Path file = dir.resolve(Database.DB_FILE);
        long grown;
        try (Database db = Database.open(dir)) {
            for (int i = 0; i < 400; i++) {
                int n = i;
                db.tx(c -> insertSetting(c, "grow." + n, "x".repeat(500)));
            }
            assertThat(db.wasteful()).as("fill rate " + db.fillRate() + "%").isTrue();
            long before = Files.size(file);
            assertThat(db.compactIfWasteful()).isTrue();
            assertThat(Files.size(file)).isLessThan(before / 2);
            assertThat(db.wasteful()).isFalse();
            assertThat(db.compactIfWasteful()).isFalse();
            assertThat(settingsNamed(db, "grow.%")).isEqualTo(400);
            db.tx(c -> insertSetting(c, "after.compaction", "yes")); // still open and writable
            for (int i = 0; i < 400; i++) {
                int n = i;
                db.tx(c -> c.createStatement().executeUpdate("UPDATE setting SET val = 'y" + n + "' WHERE name = 'grow.1'"));
            }
            grown = Files.size(file);
        }
        long closed = Files.size(file);
        try (Database db = Database.open(dir)) {
            assertThat(settingsNamed(db, "grow.%")).isEqualTo(400);
            assertThat(strings(db, "SELECT val FROM setting WHERE name = 'grow.1'")).containsExactly("y399");
            assertThat(settingsNamed(db, "after.compaction")).isEqualTo(1);
        }
        assertThat(closed).as("closing compacts a wasteful file").isLessThan(grown / 2);
    }

    private static Object insertSetting(Connection c, String name, String val) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO setting (name, val) VALUES (?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, val);
            ps.executeUpdate();
        }
        return null;
    }

    private static long settingsNamed(Database db, String like) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM setting WHERE name LIKE ?")) {
                ps.setString(1, like);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static List<String> strings(Database db, String sql) {
        return db.read(c -> strings(c, sql));
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The V&lt;n&gt; numbers of the migrations on the class path, ascending. */
    static List<Integer> shippedMigrationVersions() {
        try {
            URL url = Database.class.getClassLoader().getResource("db/migration");
            assertThat(url).as("db/migration on the class path").isNotNull();
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                List<Integer> versions = files.map(p -> p.getFileName().toString())
                        .filter(n -> n.matches("V\\d+__.+\\.sql"))
                        .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                        .sorted()
                        .toList();
                assertThat(versions).isNotEmpty();
                return versions;
            }
        } catch (Exception e) {
            throw new AssertionError("cannot list the shipped migrations", e);
        }
    }
}
