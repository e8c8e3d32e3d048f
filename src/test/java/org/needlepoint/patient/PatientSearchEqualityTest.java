package org.needlepoint.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.cli.SeedDemo;
import org.needlepoint.common.Text;
import org.needlepoint.store.Cancellation;
import org.needlepoint.testing.TestClinic;

/**
 * The search of V9 finds what the search before it found, in the same order, for every kind of query the
 * front desk types (bench's kinds), on a registry of 3,000 synthetic patients with accented names,
 * hyphenated names, phones shared by families and birth dates shared by twins; and a broad query shows the
 * first 100 in list order with the true count of all its matches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientSearchEqualityTest {
    static final int PATIENTS = 3_000;
    static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ENGLISH);
    TestClinic clinic;
    PatientService patients;
    /** Every patient registered, as registered (or as last edited). */
    final List<Registered> registry = new ArrayList<>();

    record Registered(long id, long chart, PatientDetails details) {
    }

    @BeforeAll
    void registry(@TempDir Path dir) {
        clinic = new TestClinic(dir).withStaff();
        clinic.signIn("desk");
        patients = clinic.services.patients();
        Random rnd = new Random(16);
        LocalDate today = patients.today();
        List<PatientDetails> batch = new ArrayList<>();
        for (int i = 0; i < PATIENTS - 60; i++) {
            batch.add(SeedDemo.patient(rnd, today));
        }
        PatientStore store = new PatientStore();
        List<Long> charts = clinic.db.tx(c -> store.insertAll(c, batch, Instant.now(), null));
        for (int i = 0; i < batch.size(); i++) {
            long chart = charts.get(i);
            long id = patients.search(Long.toString(chart)).stream().filter(s -> s.chartNumber() == chart)
                    .findFirst().orElseThrow().id();
            registry.add(new Registered(id, chart, batch.get(i)));
        }
        // through the service too: families sharing a phone, twins sharing a birth date, accents typed both ways
        for (int f = 0; f < 20; f++) {
            String phone = String.format("(555) 7%02d-%04d", f, 4000 + f);
            LocalDate born = LocalDate.of(1980 + f % 7, 1 + f % 12, 1 + f % 27);
            for (String first : new String[] {"Zoë", "Zoe", "Noémie"}) {
                PatientDetails d = details(first, f % 2 == 0 ? "Ström-Balbury" : "Strom", born, phone);
                Patient p = patients.create(d, true);
                registry.add(new Registered(p.id(), p.chartNumber(), d));
            }
        }
        // an edit moves a patient to its new name and phone: its prefixes are rewritten
        Registered first = registry.get(0);
        Patient p = patients.open(first.id());
        PatientDetails d = details("Renée", "Ångström", first.details().birthDate(), "(555) 999-0001");
        patients.update(p, d);
        registry.set(0, new Registered(first.id(), first.chart(), d));
    }

    @AfterAll
    void close() {
        clinic.close();
    }

    static PatientDetails details(String first, String last, LocalDate born, String phone) {
        return new PatientDetails(first, null, last, null, born, Sex.FEMALE, phone, null, null, null, null, null, null,
                null, null, null, null, null, null, Pregnancy.NO, false, false, null, null);
    }

    /** Bench's kinds of query, each typed from a registered patient. */
    static List<Function<PatientDetails, String>> kinds(Random rnd) {
        return List.of(
                d -> d.lastName().substring(0, 1),
                d -> d.lastName().substring(0, 2).toLowerCase(Locale.ROOT),
                d -> d.lastName().substring(0, 3),
                d -> d.lastName().substring(0, 4),
                d -> d.lastName() + ", " + d.firstName(),
                d -> d.firstName() + " " + d.lastName(),
                d -> d.mobilePhone(),
                d -> Text.phoneDigits(d.mobilePhone()).substring(6),
                d -> Text.phoneDigits(d.mobilePhone()).substring(0, 3 + rnd.nextInt(4)),
                d -> rnd.nextBoolean() ? US.format(d.birthDate()) : d.birthDate().toString(),
                d -> Text.fold(d.firstName()),
                d -> d.firstName());
    }

    @Test
    void everyKindFindsWhatTheSearchBeforeFoundInTheSameOrder() {
        Random rnd = new Random(1);
        SearchBefore before = new SearchBefore();
        // the walk with every query of several parts checked against SearchQuery.matches, patient by patient
        PatientStore checking = new PatientStore(PatientStore.NAME_PREFIX, PatientStore.PHONE_START,
                PatientStore.PHONE_END, 0, 0);
        List<String> queries = new ArrayList<>(List.of("5", "55", "555", "5557", "55570", "0", "z", "zo", "zoe", "noe",
                "strom", "STRÖM", "ström balbury", "balbury ström zoë", "angstrom", "ren", "5559990001", "9990001"));
        for (Function<PatientDetails, String> kind : kinds(rnd)) {
            for (int i = 0; i < 25; i++) {
                queries.add(kind.apply(registry.get(rnd.nextInt(registry.size())).details()));
            }
        }
        queries.add(Long.toString(registry.get(17).chart()));
        int broad = 0;
        for (String text : queries) {
            SearchQuery q = SearchQuery.parse(text);
            List<PatientSummary> expected = clinic.db.read(c -> before.search(c, q, PatientService.SEARCH_LIMIT));
            SearchPage page = patients.search(text, new Cancellation());
            assertThat(page.rows()).as("\"%s\"", text).isEqualTo(expected);
            SearchPage checked = clinic.db.read(c -> checking.search(c, q, PatientService.SEARCH_LIMIT, new Cancellation()));
            assertThat(checked).as("\"%s\", checked", text).isEqualTo(page);
            long all = expectedIds(text).size();
            assertThat(page.more()).as("\"%s\" matches %d", text, all).isEqualTo(all > PatientService.SEARCH_LIMIT);
            broad += page.more() ? 1 : 0;
        }
        assertThat(broad).as("broad queries among them").isGreaterThan(20);
    }

    @Test
    void aBroadPrefixShowsTheFirst100InListOrderAndCountsAllItsMatches() {
        for (String text : new String[] {"b", "bal", "a", "555", "5552", "z"}) {
            Set<Long> all = expectedIds(text);
            assertThat(all).as("\"%s\" is broad", text).hasSizeGreaterThan(PatientService.SEARCH_LIMIT);
            List<Long> shownOrder = registry.stream().filter(r -> all.contains(r.id()))
                    .sorted(Comparator.comparing((Registered r) -> PatientStore.nameKey(r.details().lastName(),
                            r.details().firstName())).thenComparingLong(Registered::id))
                    .limit(PatientService.SEARCH_LIMIT).map(Registered::id).toList();
            SearchPage page = patients.search(text, new Cancellation());
            assertThat(page.rows()).extracting(PatientSummary::id).as("\"%s\"", text).isEqualTo(shownOrder);
            assertThat(page.more()).isTrue();
            assertThat(patients.count(text, new Cancellation())).as("count of \"%s\"", text).isEqualTo(all.size());
        }
        assertThat(patients.count("strom zoe", new Cancellation())).isEqualTo(40);
        assertThat(patients.count("ström-balbury 555", new Cancellation())).isEqualTo(30);
        assertThat(patients.count("nobody", new Cancellation())).isZero();
    }

    /**
     * The patients the query's definition (SearchQuery's javadoc) matches, worked out here from the details
     * as registered, without the store: name words start a name word, digits start or end a phone or are
     * the chart number, a date is the birth date.
     */
    Set<Long> expectedIds(String text) {
        SearchQuery q = SearchQuery.parse(text);
        return registry.stream().filter(r -> matches(q, r)).map(Registered::id).collect(Collectors.toSet());
    }

    static boolean matches(SearchQuery q, Registered r) {
        if (q.isEmpty() || q.badDate()) {
            return false;
        }
        PatientDetails d = r.details();
        List<String> words = new ArrayList<>();
        for (String part : new String[] {d.firstName(), d.middleName(), d.lastName(), d.preferredName()}) {
            words.addAll(SearchQuery.nameTokens(part));
        }
        for (String token : q.nameTokens()) {
            if (words.stream().noneMatch(w -> w.startsWith(token))) {
                return false;
            }
        }
        if (q.birthDate() != null && !q.birthDate().equals(d.birthDate())) {
            return false;
        }
        if (q.digits() != null) {
            String digits = q.digits();
            boolean phone = false;
            for (String ph : new String[] {d.mobilePhone(), d.otherPhone()}) {
                String p = Text.phoneDigits(ph);
                phone |= !p.isEmpty() && (p.startsWith(digits) || p.endsWith(digits));
            }
            boolean chart = digits.length() <= 12 && Long.parseLong(digits) == r.chart();
            return phone || chart;
        }
        return true;
    }
}
