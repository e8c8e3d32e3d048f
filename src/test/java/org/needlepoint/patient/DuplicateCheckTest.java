package org.needlepoint.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.testing.TestClinic;

/** The duplicate check at registration: same name and birth date, or a shared phone number. */
class DuplicateCheckTest {
    @TempDir
    Path folder;
    TestClinic clinic;
    PatientService patients;

    @BeforeEach
    void open() {
        clinic = new TestClinic(folder).withStaff();
        clinic.signIn("desk");
        patients = clinic.services.patients();
    }

    @AfterEach
    void close() {
        clinic.close();
    }

    @Test
    void sameNameAndBirthDateOrASharedPhoneIsAPossibleDuplicate() {
        Patient ava = patients.create(TestClinic.patient("Ava", "Balbury", "1985-03-14", "(555) 210-0001"), false);
        Patient zoe = patients.create(TestClinic.patient("Zoe", "Corton", "1990-01-02", "(555) 210-0002"), false);

        assertThatThrownBy(() -> patients.create(TestClinic.patient("AVA", "Balbury", "1985-03-14", "(555) 210-0003"), false))
                .isInstanceOfSatisfying(DuplicatePatientException.class,
                        e -> assertThat(e.matches()).extracting(PatientSummary::chartNumber).containsExactly(ava.chartNumber()));
        assertThatThrownBy(() -> patients.create(TestClinic.patient("Leo", "Holt", "1970-01-01", "555.210.0002"), false))
                .isInstanceOfSatisfying(DuplicatePatientException.class,
                        e -> assertThat(e.matches()).extracting(PatientSummary::chartNumber).containsExactly(zoe.chartNumber()));
        assertThatThrownBy(() -> patients.create(TestClinic.patient("Zoe", "Corton", "1990-01-02", "(555) 210-0001"), false))
                .as("both kinds at once, each patient listed once, by chart number")
                .isInstanceOfSatisfying(DuplicatePatientException.class,
                        e -> assertThat(e.matches()).extracting(PatientSummary::chartNumber)
                                .containsExactly(ava.chartNumber(), zoe.chartNumber()));

        Patient other = patients.create(TestClinic.patient("Ava", "Balbury", "1985-03-15", "(555) 210-0004"), false);
        assertThat(other.chartNumber()).isGreaterThan(zoe.chartNumber());
        Patient twin = patients.create(TestClinic.patient("Ava", "Balbury", "1985-03-14", "(555) 210-0005"), true);
        assertThat(twin.chartNumber()).isGreaterThan(other.chartNumber());
    }

    @Test
    void aRecordIsNotItsOwnDuplicateWhenEdited() {
        Patient ava = patients.create(TestClinic.patient("Ava", "Balbury", "1985-03-14", "(555) 211-0001"), false);
        PatientStore store = new PatientStore();
        PatientDetails same = TestClinic.patient("Ava", "Balbury", "1985-03-14", "(555) 211-0001");
        List<PatientSummary> excludingItself = clinic.db.read(c -> store.possibleDuplicates(c, same, ava.id()));
        List<PatientSummary> all = clinic.db.read(c -> store.possibleDuplicates(c, same, null));
        assertThat(excludingItself).isEmpty();
        assertThat(all).extracting(PatientSummary::id).containsExactly(ava.id());
    }
}
