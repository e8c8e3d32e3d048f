package org.needlepoint.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.cli.SeedDemo;
import org.needlepoint.store.Database;
import org.needlepoint.store.RecordCheck;
import org.needlepoint.testing.TestClinic;

/**
 * V9 and V10 derive, from the search keys of patients registered before them, exactly the prefix rows (V9)
 * and the name words on the keys (V10) that PatientStore writes for a patient registered after them;
 * {@code check} then finds nothing to report, and reports a prefix whose name is out of date and a key whose
 * words are.
 */
class SearchPrefixMigrationTest {
    @TempDir
    Path written;
    @TempDir
    Path migrated;

    @Test
    void prefixRowsAndWordsDerivedByV9AndV10AreTheOnesTheStoreWrites() throws Exception {
        List<String> expected;
        try (TestClinic clinic = new TestClinic(written).withStaff()) {
            clinic.signIn("desk");
            PatientService patients = clinic.services.patients();
            Random rnd = new Random(10);
            for (int i = 0; i < 150; i++) {
                patients.create(SeedDemo.patient(rnd, patients.today()), true);
            }
            patients.create(new PatientDetails("Ann-Marie", "Zoë", "O'Brien-Ångström", "Annie", LocalDate.of(1980, 1, 2),
                    Sex.FEMALE, "+1 555 201 0001", "555 0123", null, null, null, null, null, null, null, null, null, null, null,
                    Pregnancy.NO, false, false, null, null), true);
            patients.create(TestClinic.patient("Li", "X" + "y".repeat(48) + "-Z" + "z".repeat(49), "1990-05-06", "555-777-1234"), true);
            expected = clinic.db.read(SearchPrefixMigrationTest::prefixRows);
        }
        assertThat(expected).hasSizeGreaterThan(150 * 15);

        String url = "jdbc:h2:file:" + migrated.resolve(Database.DB_NAME).toAbsolutePath();
        Flyway.configure().dataSource(url, "needlepoint", "").locations("classpath:db/migration").target("6").load().migrate();
        String from = "jdbc:h2:file:" + written.resolve(Database.DB_NAME).toAbsolutePath();
        try (Connection src = DriverManager.getConnection(from, "needlepoint", "");
             Connection dst = DriverManager.getConnection(url, "needlepoint", "")) {
            copy(src, dst, "app_user"); // who saved the patients: check reports records saved by a missing user
            copy(src, dst, "patient");
            copy(src, dst, "patient_search_key");
        }
        try (TestClinic clinic = new TestClinic(migrated)) {
            assertThat(Integer.parseInt(clinic.db.schemaVersion())).isGreaterThanOrEqualTo(10); // migrated past V10
            assertThat(clinic.db.read(SearchPrefixMigrationTest::prefixRows)).isEqualTo(expected);
            List<String> problems = new ArrayList<>();
            for (RecordCheck check : clinic.services.checks()) {
                problems.addAll(clinic.db.read(check::problems));
            }
            assertThat(problems).isEmpty();
            clinic.db.tx(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("UPDATE patient_search_prefix SET name_key = 'stale' WHERE kind = 'N' AND prefix = 'ann'");
                }
                return null;
            });
            assertThat(clinic.db.read(new PatientStore()::problems)).containsExactly(
                    "patients: 1 search prefixes out of date with the patient's name");
            clinic.db.tx(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("UPDATE patient_search_prefix SET name_key = (SELECT p.name_key FROM patient p"
                            + " WHERE p.id = patient_id) WHERE kind = 'N' AND prefix = 'ann'");
                    st.execute("UPDATE patient_search_key SET words = ' annie' WHERE kind = 'N' AND search_key = 'annie'");
                }
                return null;
            });
            assertThat(clinic.db.read(new PatientStore()::problems)).containsExactly(
                    "patients: 1 name keys whose words are not the patient's name words");
        }
    }

    /** Every prefix row as "patient kind prefix name_key", then every key as "patient kind key name_key|words", in order. */
    static List<String> prefixRows(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT patient_id, kind, prefix, name_key"
                + " FROM patient_search_prefix ORDER BY patient_id, kind, prefix")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT patient_id, kind, search_key,"
                + " name_key, words FROM patient_search_key ORDER BY patient_id, kind, search_key")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + "|"
                        + rs.getString(5));
            }
        }
        return rows;
    }

    /** Copies every row of {@code table}, in the columns the destination has (the schema before V9 and V10). */
    static void copy(Connection src, Connection dst, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement st = dst.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnName(i));
            }
        }
        try (Statement st = src.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table)) {
            try (PreparedStatement ps = dst.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
                    + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)")) {
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        ps.setObject(i, rs.getObject(i));
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }
}
