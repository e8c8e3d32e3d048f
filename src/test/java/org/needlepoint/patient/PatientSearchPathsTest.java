package org.needlepoint.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.common.Text;
import org.needlepoint.store.Cancellation;
import org.needlepoint.testing.TestClinic;

/** What the search box finds, as SearchQuery's javadoc promises, on a real store. */
class PatientSearchPathsTest {
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

    private Patient add(String first, String middle, String last, String preferred, String birthIso, String mobile,
                        String other) {
        return patients.create(new PatientDetails(first, middle, last, preferred, LocalDate.parse(birthIso), Sex.FEMALE,
                mobile, other, null, null, null, null, null, null, null, null, null, null, null, Pregnancy.NO, false,
                false, null, null), true);
    }

    private Patient add(String first, String last, String birthIso, String mobile) {
        return add(first, null, last, null, birthIso, mobile, null);
    }

    private List<Long> charts(String text) {
        return patients.search(text).stream().map(PatientSummary::chartNumber).toList();
    }

    @Test
    void nameWordsMatchTheStartOfAnyNameInAnyOrderIgnoringCase() {
        Patient ava = add("Ava", "Renée", "Balbury", "Avie", "1985-03-14", "(555) 201-0001", null);
        Patient zoe = add("Zoe", "Balbury", "1990-01-02", "(555) 201-0002");
        Patient other = add("Leo", "Corton", "1970-05-06", "(555) 201-0003");

        assertThat(charts("bal")).containsExactly(ava.chartNumber(), zoe.chartNumber());
        assertThat(charts("BALB")).containsExactly(ava.chartNumber(), zoe.chartNumber());
        assertThat(charts("Balbury, Ava")).containsExactly(ava.chartNumber());
        assertThat(charts("ava balbury")).containsExactly(ava.chartNumber());
        assertThat(charts("  balbury ;  zo ")).containsExactly(zoe.chartNumber());
        assertThat(charts("renee")).as("middle name").containsExactly(ava.chartNumber());
        assertThat(charts("avi")).as("preferred name").containsExactly(ava.chartNumber());
        assertThat(charts("b l")).isEmpty();
        assertThat(charts("balbury leo")).as("every word must match").isEmpty();
        assertThat(charts("albury")).as("the start of a name, not its middle").isEmpty();
        assertThat(charts("c")).containsExactly(other.chartNumber());
    }

    @Test
    void accentsApostrophesAndHyphensAreFolded() {
        Patient zoe = add("Zoë", "Ström", "1985-03-14", "(555) 202-0001");
        Patient obrien = add("Noémie", "O'Brien", "1986-04-15", "(555) 202-0002");
        Patient hyphen = add("Lena", "Marrow-Quillby", "1987-05-16", "(555) 202-0003");

        assertThat(charts("zoe")).containsExactly(zoe.chartNumber());
        assertThat(charts("Zoë")).containsExactly(zoe.chartNumber());
        assertThat(charts("strom zoe")).containsExactly(zoe.chartNumber());
        assertThat(charts("STRÖM")).containsExactly(zoe.chartNumber());
        assertThat(charts("obr")).containsExactly(obrien.chartNumber());
        assertThat(charts("O'Brien, noemie")).containsExactly(obrien.chartNumber());
        assertThat(charts("quill")).as("second part of a hyphenated name").containsExactly(hyphen.chartNumber());
        assertThat(charts("marrowqu")).as("hyphenated name typed without the hyphen").containsExactly(hyphen.chartNumber());
        assertThat(charts("Marrow-Quillby")).containsExactly(hyphen.chartNumber());
    }

    @Test
    void digitsMatchAPhoneFromItsStartOrEndOrTheChartNumber() {
        Patient a = add("Ava", null, "Balbury", null, "1985-03-14", "(555) 203-4567", "555.777.0101");
        Patient b = add("Zoe", "Corton", "1990-01-02", "+1 555 204 4567");

        assertThat(charts("(555) 203-4567")).containsExactly(a.chartNumber());
        assertThat(charts("555-203-4567")).containsExactly(a.chartNumber());
        assertThat(charts("5552034567")).containsExactly(a.chartNumber());
        assertThat(charts("+1 555 203 4567")).containsExactly(a.chartNumber());
        assertThat(charts("555 777 0101")).as("the other phone").containsExactly(a.chartNumber());
        assertThat(charts("555204")).as("a phone's start").containsExactly(b.chartNumber());
        assertThat(charts("4567")).as("a phone's last digits").containsExactly(a.chartNumber(), b.chartNumber());
        assertThat(charts("0101")).containsExactly(a.chartNumber());
        assertThat(charts(Long.toString(b.chartNumber()))).as("chart number").containsExactly(b.chartNumber());
        assertThat(charts("corton 4567")).as("a name and digits").containsExactly(b.chartNumber());
        assertThat(charts("balbury 0101")).containsExactly(a.chartNumber());
        assertThat(charts("corton 0101")).isEmpty();
        assertThat(charts("9999")).isEmpty();
    }

    @Test
    void aDateMatchesTheBirthDateAloneOrWithAName() {
        Patient a = add("Ava", "Balbury", "1985-03-14", "(555) 205-0001");
        Patient b = add("Zoe", "Corton", "1985-03-14", "(555) 205-0002");
        add("Leo", "Balbury", "1985-03-15", "(555) 205-0003");

        assertThat(charts("03/14/1985")).containsExactly(a.chartNumber(), b.chartNumber());
        assertThat(charts("1985-03-14")).containsExactly(a.chartNumber(), b.chartNumber());
        assertThat(charts("14.03.1985")).containsExactly(a.chartNumber(), b.chartNumber());
        assertThat(charts("balbury 3/14/1985")).containsExactly(a.chartNumber());
        assertThat(charts("02/30/1985")).as("not a real date").isEmpty();
        assertThat(charts("balbury 02/30/1985")).isEmpty();
        assertThat(charts("")).isEmpty();
        assertThat(charts("   ")).isEmpty();
    }

    @Test
    void resultsAreOrderedByLastThenFirstNameAndCappedAtTheLimit() {
        for (int i = 0; i < PatientService.SEARCH_LIMIT + 20; i++) {
            // Names out of order on purpose, and some exact twins, which then go in registration order.
            String first = "First" + (char) ('a' + (i * 7) % 26) + (char) ('a' + i % 3);
            add(first, i % 2 == 0 ? "Sameton" : "Samé", "1980-01-01", String.format("(555) 3%02d-%04d", i % 100, i));
        }
        Patient ann = add("Ann", "Aardvark", "1980-01-01", "(555) 399-9999");

        List<PatientSummary> found = patients.search("sam");
        assertThat(found).hasSize(PatientService.SEARCH_LIMIT);
        Comparator<PatientSummary> byName = Comparator
                .comparing((PatientSummary s) -> Text.fold(s.lastName()) + " " + Text.fold(s.firstName()))
                .thenComparing(PatientSummary::id);
        assertThat(found).isSortedAccordingTo(byName);
        assertThat(found.get(0).lastName()).isEqualTo("Samé");
        assertThat(found.get(found.size() - 1).lastName()).isEqualTo("Sameton");
        assertThat(found).extracting(PatientSummary::id).doesNotHaveDuplicates();

        List<PatientSummary> all = patients.search("first");
        assertThat(all).hasSize(PatientService.SEARCH_LIMIT).isSortedAccordingTo(byName);
        assertThat(patients.search("a")).first().extracting(PatientSummary::chartNumber).isEqualTo(ann.chartNumber());
    }

    @Test
    void aPatientMatchingTwiceIsListedOnce() {
        Patient p = add("Bella", "Bianca", "Belmont", "Bee", "1980-01-01", "(555) 206-0001", "(555) 206-0002");
        assertThat(charts("b")).containsExactly(p.chartNumber());
        assertThat(charts("be b")).containsExactly(p.chartNumber());
        assertThat(charts("555206")).containsExactly(p.chartNumber());
    }

    @Test
    void anEditedNameIsFoundUnderTheNewNameOnly() {
        Patient p = add("Ava", "Balbury", "1985-03-14", "(555) 207-0001");
        Patient q = add("Zoe", "Corton", "1985-03-14", "(555) 207-0002");
        PatientDetails d = p.details();
        patients.update(p, new PatientDetails(d.firstName(), d.middleName(), "Zanetti", d.preferredName(), d.birthDate(),
                d.sex(), "(555) 207-0009", d.otherPhone(), d.email(), d.addressLine(), d.city(), d.region(), d.postalCode(),
                d.emergencyName(), d.emergencyPhone(), d.emergencyRelation(), d.allergies(), d.medications(),
                d.conditions(), d.pregnancy(), d.photoConsent(), d.marketingConsent(), d.alerts(), d.notes()));

        assertThat(charts("balbury")).isEmpty();
        assertThat(charts("zanetti ava")).containsExactly(p.chartNumber());
        assertThat(charts("2070001")).isEmpty();
        assertThat(charts("0009")).containsExactly(p.chartNumber());
        assertThat(charts("1985-03-14")).as("now after Corton by name").containsExactly(q.chartNumber(), p.chartNumber());
    }

    @Test
    void prefixRowsWholeKeysAndPagesOfOneGiveTheSameResults() {
        Patient a = add("Ava", "Quorbury", "1980-01-01", "(555) 201-1003");
        Patient b = add("Zoe", "Pelton", "1980-01-01", "(555) 202-1003");
        Patient chart1003 = add("Leo", "Selmark", "1980-01-01", "(555) 203-0000");
        assertThat(chart1003.chartNumber()).isEqualTo(1003L);
        List<Patient> added = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String last = new String[] {"Balbury", "Corton", "Zanetti", "Holt", "Balbury-Holt"}[i % 5];
            String other = i % 5 == 0 ? String.format("(444) 2%02d-%04d", i, 1000 + i) : null;
            added.add(add("Ava" + (char) ('a' + i % 26), null, last, null, i % 3 == 0 ? "1985-03-14" : "1990-01-02",
                    String.format("(555) 2%02d-%04d", i % 7, 5550 + i), other));
        }
        PatientStore usual = new PatientStore();
        // whole keys only (no prefix rows), read a patient at a time: every skip and page boundary is taken
        PatientStore wholeKeys = new PatientStore(0, 0, 0, 1, NameOrder.JUMPS_BEFORE_CHECKING);
        PatientStore smallPages = new PatientStore(PatientStore.NAME_PREFIX, PatientStore.PHONE_START,
                PatientStore.PHONE_END, 2, NameOrder.JUMPS_BEFORE_CHECKING);
        // every query of several parts checked patient by patient against the query (SearchQuery.matches)
        PatientStore checking = new PatientStore(PatientStore.NAME_PREFIX, PatientStore.PHONE_START,
                PatientStore.PHONE_END, 2, 0);
        List<String> queries = List.of("5", "55", "555", "5552", "555-201", "0", "55", "4", "444", "5", "2", "03",
                Long.toString(added.get(7).chartNumber()), "1", "10", "100", "balbury 555", "zan 5", "ava 5552",
                "03/14/1985 555", "1985-03-14 5", "holt 03/14/1985 0", "avab 2", "nobody 555", "02/02/1990 555", "1003",
                "leo 1003", "ava 1003", "b", "ba", "bal", "balb", "balbu", "balbury", "balburyh", "balbury holt", "h",
                "holt ava", "ava", "avaa", "a b", "ava ava", "q", "zz");
        for (int limit : new int[] {PatientService.SEARCH_LIMIT, 7, 1}) {
            for (String text : queries) {
                SearchQuery q = SearchQuery.parse(text);
                SearchPage expected = clinic.db.read(c -> usual.search(c, q, limit, new Cancellation()));
                SearchPage fromWholeKeys = clinic.db.read(c -> wholeKeys.search(c, q, limit, new Cancellation()));
                SearchPage fromSmallPages = clinic.db.read(c -> smallPages.search(c, q, limit, new Cancellation()));
                SearchPage fromChecking = clinic.db.read(c -> checking.search(c, q, limit, new Cancellation()));
                assertThat(fromChecking).as("\"%s\", limit %d, checked", text, limit).isEqualTo(expected);
                assertThat(fromWholeKeys).as("\"%s\", limit %d, whole keys", text, limit).isEqualTo(expected);
                assertThat(fromSmallPages).as("\"%s\", limit %d, pages of 2", text, limit).isEqualTo(expected);
                long count = clinic.db.read(c -> usual.count(c, q, 1000, new Cancellation()));
                long countFromWholeKeys = clinic.db.read(c -> wholeKeys.count(c, q, 1000, new Cancellation()));
                long countUpTo5 = clinic.db.read(c -> smallPages.count(c, q, 5, new Cancellation()));
                assertThat(countFromWholeKeys).as("count of \"%s\"", text).isEqualTo(count);
                assertThat(countUpTo5).as("count of \"%s\" up to 5", text).isEqualTo(Math.min(count, 6));
                if (!expected.more()) {
                    assertThat(count).as("count of \"%s\"", text).isEqualTo(expected.rows().size());
                }
            }
        }
        assertThat(search(wholeKeys, "555")).hasSize(43);
        assertThat(search(wholeKeys, "1003")).extracting(PatientSummary::chartNumber)
                .containsExactly(b.chartNumber(), a.chartNumber(), chart1003.chartNumber());
        assertThat(search(wholeKeys, "balbury 555")).hasSize(16);
        assertThat(search(wholeKeys, Long.toString(added.get(7).chartNumber())))
                .extracting(PatientSummary::chartNumber).contains(added.get(7).chartNumber());
    }

    private List<PatientSummary> search(PatientStore store, String text) {
        return clinic.db.read(c -> store.search(c, SearchQuery.parse(text), PatientService.SEARCH_LIMIT));
    }
}
