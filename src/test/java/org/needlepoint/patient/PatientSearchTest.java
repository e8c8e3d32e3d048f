package org.needlepoint.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.needlepoint.testing.TestClinic;

/** Search over one small registry, shared by the tests (they only read it). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientSearchTest {
    TestClinic clinic;
    PatientService patients;
    Patient ann;
    Patient annabel;
    Patient zoe;
    Patient jose;
    Patient kate;
    Patient bob;

    @BeforeAll
    void registry(@TempDir Path dir) {
        clinic = new TestClinic(dir).withStaff();
        clinic.signIn("desk");
        patients = clinic.services.patients();
        ann = patients.create(TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), false);
        annabel = patients.create(TestClinic.patient("Annabel", "Lee", "2000-01-01", "5550607890"), false);
        zoe = patients.create(TestClinic.patient("Zoë", "Balbury", "1990-07-01", "555-020-3456"), false);
        jose = patients.create(TestClinic.patient("José", "Martínez-Ortega", "1979-11-30", "+1 555 030 4567"), false);
        PatientDetails k = TestClinic.patient("Katherine", "Smithers", "1992-02-14", "555.040.5678");
        kate = patients.create(new PatientDetails(k.firstName(), "Jane", k.lastName(), "Kate", k.birthDate(), k.sex(),
                k.mobilePhone(), null, null, null, null, null, null, null, null, null, null, null, null,
                k.pregnancy(), false, false, null, null), false);
        bob = patients.create(TestClinic.patient("Bob", "Jones", "1985-03-14", "555 050 6789"), false);
    }

    @AfterAll
    void close() {
        clinic.close();
    }

    private List<Long> find(String text) {
        return patients.search(text).stream().map(PatientSummary::id).toList();
    }

    @Test
    void aLastNamePrefixFindsEveryoneItStarts() {
        assertThat(find("Smi")).containsExactly(ann.id(), kate.id());
        assertThat(find("Smith")).containsExactly(ann.id(), kate.id());
        assertThat(find("Smithe")).containsExactly(kate.id());
        assertThat(find("Bal")).containsExactly(zoe.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Smith, Ann", "smith,ann", "Ann Smith", "ann smith", "SMITH ANN", "Smith, An"})
    void lastCommaFirstAndFirstLastFindTheSamePatient(String text) {
        assertThat(find(text)).containsExactly(ann.id());
    }

    @Test
    void aFirstNamePrefixFindsEveryFirstNameItStarts() {
        assertThat(find("ann")).containsExactlyInAnyOrder(ann.id(), annabel.id());
    }

    @Test
    void searchIsCaseInsensitive() {
        assertThat(find("JONES")).containsExactly(bob.id());
        assertThat(find("jones")).containsExactly(bob.id());
        assertThat(find("jOnEs")).containsExactly(bob.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zoe", "zoe", "Zoë", "ZOË", "zoe balbury"})
    void accentsDoNotMatterForZoe(String text) {
        assertThat(find(text)).containsExactly(zoe.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jose", "José", "JOSE martinez", "martinez", "Martínez"})
    void accentsDoNotMatterForJose(String text) {
        assertThat(find(text)).containsExactly(jose.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ortega", "Martinez-Ortega", "martinezortega", "Ortega, Jose", "Martinez Ortega"})
    void eachPartOfAHyphenatedLastNameFindsThePatient(String text) {
        assertThat(find(text)).containsExactly(jose.id());
    }

    @Test
    void thePreferredAndMiddleNamesFindThePatient() {
        assertThat(find("Kate")).containsExactly(kate.id());
        assertThat(find("kate smithers")).containsExactly(kate.id());
        assertThat(find("Jane")).containsExactly(kate.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"(555) 010-2345", "555.010.2345", "+1 555 010 2345", "555-010-2345", "5550102345", "555 010"})
    void aPhoneNumberInAnyFormattingFindsThePatient(String text) {
        assertThat(find(text)).containsExactly(ann.id());
    }

    @Test
    void thePhoneIsFoundWhateverFormatItWasStoredIn() {
        assertThat(find("555 030 4567")).containsExactly(jose.id());
        assertThat(find("(555) 060-7890")).containsExactly(annabel.id());
        assertThat(find("555/040/5678")).containsExactly(kate.id());
    }

    @Test
    void theLastFourDigitsOfAPhoneFindThePatient() {
        assertThat(find("2345")).containsExactly(ann.id());
        assertThat(find("6789")).containsExactly(bob.id());
        assertThat(find("010-2345")).containsExactly(ann.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1985-03-14", "03/14/1985", "3/14/1985", "14.03.1985"})
    void aDateOfBirthFindsEveryoneBornThatDay(String text) {
        assertThat(find(text)).containsExactly(bob.id(), ann.id());
    }

    @Test
    void aNameAndADateNarrowTheSearch() {
        assertThat(find("Smith 1985-03-14")).containsExactly(ann.id());
        assertThat(find("Smith 1990-07-01")).isEmpty();
    }

    @Test
    void aChartNumberFindsItsPatient() {
        for (Patient p : List.of(ann, annabel, zoe, jose, kate, bob)) {
            assertThat(find(Long.toString(p.chartNumber()))).containsExactly(p.id());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Xavier", "Smithson", "Ann Jones", "555 999 0000", "9999", "02/30/1990", "1985-03-15", "",
        "   ", "%", "_", "Sm%th"})
    void patientsWhoDoNotMatchAreNotReturned(String text) {
        assertThat(find(text)).isEmpty();
    }

    @Test
    void resultsCarryWhatTheListShows() {
        PatientSummary s = patients.search("Kate").get(0);
        assertThat(s.chartNumber()).isEqualTo(kate.chartNumber());
        assertThat(s.displayName()).isEqualTo("Smithers, Katherine (Kate)");
        assertThat(s.birthDate()).isEqualTo(LocalDate.of(1992, 2, 14));
        assertThat(s.phone()).isEqualTo("555.040.5678");
    }
}
