package org.needlepoint.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.store.Database;
import org.needlepoint.store.RecordCheck;
import org.needlepoint.testing.TestClinic;

/** V2 gives the search keys of a clinic registered under V1 their patient's name_key. */
class SearchKeyMigrationTest {
    @TempDir
    Path folder;

    @Test
    void keysWrittenUnderV1AreSearchableInNameOrderAfterV2() throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve(Database.DB_NAME).toAbsolutePath();
        Flyway.configure().dataSource(url, "needlepoint", "").locations("classpath:db/migration").target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "needlepoint", ""); Statement st = c.createStatement()) {
            st.execute("INSERT INTO patient (id, chart_number, first_name, last_name, birth_date, sex, pregnancy, name_key,"
                    + " created_at, updated_at) VALUES"
                    + " (1, 1001, 'Zoë', 'Marrow', DATE '1985-03-14', 'FEMALE', 'NO', 'marrow zoe', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),"
                    + " (2, 1002, 'Ava', 'Marrow', DATE '1986-03-14', 'FEMALE', 'NO', 'marrow ava', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO patient_search_key (kind, search_key, patient_id) VALUES"
                    + " ('N', 'zoe', 1), ('N', 'marrow', 1), ('P', '5552120001', 1), ('R', '1000212555', 1),"
                    + " ('N', 'ava', 2), ('N', 'marrow', 2)");
        }
        try (TestClinic clinic = new TestClinic(folder).withStaff()) {
            clinic.signIn("desk");
            PatientService patients = clinic.services.patients();
            assertThat(patients.search("marrow")).extracting(PatientSummary::chartNumber).containsExactly(1002L, 1001L);
            assertThat(patients.search("0001")).extracting(PatientSummary::chartNumber).containsExactly(1001L);
            List<String> problems = new ArrayList<>();
            for (RecordCheck check : clinic.services.checks()) {
                problems.addAll(clinic.db.read(check::problems));
            }
            assertThat(problems).isEmpty();
            clinic.db.tx(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("UPDATE patient_search_key SET name_key = 'stale' WHERE patient_id = 2 AND search_key = 'ava'");
                }
                return null;
            });
            assertThat(clinic.db.read(new PatientStore()::problems)).containsExactly(
                    "patients: 1 search keys out of date with the patient's name");
        }
    }
}
