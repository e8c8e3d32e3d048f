package org.needlepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.patient.PatientService;
import org.needlepoint.patient.PatientStore;
import org.needlepoint.patient.PatientSummary;
import org.needlepoint.patient.SearchBefore;
import org.needlepoint.patient.SearchQuery;
import org.needlepoint.store.RecordCheck;
import org.needlepoint.testing.TestClinic;

/**
 * Bench's seeding by batched SQL (what its 1,000,000-patient figures are measured on) leaves the clinic with
 * exactly the app's indexes and search rows: the indexes dropped for loading come back as they were, the app's
 * checks find nothing, and the search finds what the search before V9 finds on the same rows.
 */
class BenchSeedStoreTest {
    @TempDir
    Path dir;

    @Test
    void patientsSeededWithoutTheOrderedIndexesEndWithTheAppsIndexesAndAreFound() {
        try (TestClinic clinic = new TestClinic(dir).withStaff()) {
            List<String> before = definitions(clinic.db.read(BenchSeedStore::indexes));
            List<BenchSeedStore.Index> indexes = clinic.db.read(BenchSeedStore::indexes);
            List<BenchSeedStore.Index> dropped = clinic.db.read(BenchSeedStore::dropForLoading);
            assertThat(definitions(dropped)).as("the indexes in name or key order are dropped for loading")
                    .anyMatch(d -> d.contains("PATIENT_SEARCH_KEY_WORDS"))
                    .anyMatch(d -> d.contains("PATIENT_BIRTH_NAME"))
                    .anyMatch(d -> d.startsWith("PATIENT_SEARCH_PREFIX PRIMARY KEY"));
            assertThat(definitions(clinic.db.read(BenchSeedStore::indexes))).doesNotContainAnyElementsOf(definitions(dropped));

            Random rnd = new Random(5);
            PatientStore store = new PatientStore();
            for (int b = 0; b < 3; b++) {
                List<PatientDetails> batch = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    batch.add(SeedDemo.patient(rnd, LocalDate.now(clinic.clock)));
                }
                clinic.db.tx(c -> store.insertAll(c, batch, Instant.now(), null));
            }
            clinic.db.read(c -> {
                BenchSeedStore.rebuild(c, dropped, indexes);
                return null;
            });
            assertThat(definitions(clinic.db.read(BenchSeedStore::indexes))).isEqualTo(before);

            List<String> problems = new ArrayList<>();
            for (RecordCheck check : clinic.services.checks()) {
                problems.addAll(clinic.db.read(check::problems));
            }
            assertThat(problems).isEmpty();

            clinic.signIn("desk");
            PatientService patients = clinic.services.patients();
            SearchBefore old = new SearchBefore();
            int found = 0;
            for (String text : new String[] {"b", "bal", "balbury", "ava", "balbury ava", "holt, nora", "555", "5552",
                    "1234", "zoë", "strom"}) {
                List<PatientSummary> expected = clinic.db.read(c -> old.search(c, SearchQuery.parse(text),
                        PatientService.SEARCH_LIMIT));
                assertThat(patients.search(text)).as("\"%s\"", text).isEqualTo(expected);
                found += expected.size();
            }
            assertThat(found).as("patients found").isGreaterThan(400);
        }
    }

    @Test
    void rebuildRefusesToLeaveIndexesOtherThanTheAppsOnes() {
        try (TestClinic clinic = new TestClinic(dir)) {
            List<BenchSeedStore.Index> indexes = clinic.db.read(BenchSeedStore::indexes);
            List<BenchSeedStore.Index> dropped = clinic.db.read(BenchSeedStore::dropForLoading);
            List<BenchSeedStore.Index> allButOne = dropped.subList(1, dropped.size());
            assertThatThrownBy(() -> clinic.db.read(c -> {
                BenchSeedStore.rebuild(c, allButOne, indexes);
                return null;
            })).hasMessageContaining("indexes after seeding differ from the app's");
        }
    }

    private static List<String> definitions(List<BenchSeedStore.Index> indexes) {
        return indexes.stream().map(BenchSeedStore.Index::definition).toList();
    }
}
