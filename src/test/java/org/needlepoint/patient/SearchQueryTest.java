package org.needlepoint.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchQueryTest {

    @Test
    void lastCommaFirst() {
        SearchQuery q = SearchQuery.parse("Smith, Ann");
        assertThat(q.nameTokens()).containsExactly("smith", "ann");
        assertThat(q.birthDate()).isNull();
        assertThat(q.digits()).isNull();
        assertThat(q.badDate()).isFalse();
    }

    @Test
    void firstLast() {
        assertThat(SearchQuery.parse("  Ann   Smith ").nameTokens()).containsExactly("ann", "smith");
    }

    @Test
    void accentsAndCaseAreFolded() {
        assertThat(SearchQuery.parse("ZOË Núñez").nameTokens()).containsExactly("zoe", "nunez");
        assertThat(SearchQuery.parse("José").nameTokens()).containsExactly("jose");
        // the same letter typed as one code point or as a letter plus a combining mark
        assertThat(SearchQuery.parse("Zoe\u0308").nameTokens()).containsExactly("zoe");
    }

    @Test
    void hyphensAndApostrophesInNames() {
        assertThat(SearchQuery.parse("Martinez-Ortega").nameTokens()).containsExactly("martinez", "ortega", "martinezortega");
        assertThat(SearchQuery.parse("O'Brien").nameTokens()).containsExactly("obrien");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(555) 010-2345", "555.010.2345", "+1 555 010 2345", "555-010-2345", "5550102345",
        "1-555-010-2345"})
    void phonesInAnyFormatBecomeTheSameDigits(String typed) {
        SearchQuery q = SearchQuery.parse(typed);
        assertThat(q.digits()).isEqualTo("5550102345");
        assertThat(q.nameTokens()).isEmpty();
        assertThat(q.birthDate()).isNull();
        assertThat(q.badDate()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1985-03-14", "03/14/1985", "3/14/1985", "03-14-1985", "14.03.1985"})
    void datesInIsoAndUsForm(String typed) {
        SearchQuery q = SearchQuery.parse(typed);
        assertThat(q.birthDate()).isEqualTo(LocalDate.of(1985, 3, 14));
        assertThat(q.digits()).isNull();
        assertThat(q.nameTokens()).isEmpty();
        assertThat(q.badDate()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"02/30/1990", "1990-02-30", "13/01/1990", "2023-02-29"})
    void anImpossibleDateIsABadDateNotAPhoneNumber(String typed) {
        SearchQuery q = SearchQuery.parse(typed);
        assertThat(q.badDate()).isTrue();
        assertThat(q.birthDate()).isNull();
        assertThat(q.digits()).isNull();
        assertThat(q.isEmpty()).isFalse();
    }

    @Test
    void aNameWithADate() {
        SearchQuery q = SearchQuery.parse("smith 03/14/1985");
        assertThat(q.nameTokens()).containsExactly("smith");
        assertThat(q.birthDate()).isEqualTo(LocalDate.of(1985, 3, 14));
        assertThat(SearchQuery.parse("smith 02/30/1985").badDate()).isTrue();
    }

    @Test
    void aChartNumberIsDigits() {
        SearchQuery q = SearchQuery.parse("1001");
        assertThat(q.digits()).isEqualTo("1001");
        assertThat(q.nameTokens()).isEmpty();
        assertThat(SearchQuery.parse(" 1042 ").digits()).isEqualTo("1042");
    }

    @Test
    void emptyInput() {
        for (String blank : new String[] {null, "", "   ", ",", "%"}) {
            SearchQuery q = SearchQuery.parse(blank);
            assertThat(q.isEmpty()).as("'%s'", blank).isTrue();
            assertThat(q.nameTokens()).isEqualTo(List.of());
        }
    }

    /**
     * {@link SearchQuery#matches}, which the store applies to the patients it checks in batches, is the search's
     * definition on one patient: every name word starts one of the names, a date is the birth date, digits start
     * or end a phone or are the chart number.
     */
    @Test
    void matchesWorksTheSearchOutOnOnePatient() {
        Set<String> words = SearchQuery.nameWords("Zoë", "Ann", "Ström-Balbury", "Zo");
        Set<String> phones = SearchQuery.phoneDigits("(555) 201-0001", "555 777 1234");
        LocalDate born = LocalDate.of(1985, 3, 14);
        long chart = 1003;
        for (String found : new String[] {"strom zoe", "Balbury, Ann", "STRÖM", "strombal", "zo", "an zo st",
                "03/14/1985", "strom 1985-03-14", "555201", "5552010001", "0001", "1234", "(555) 777-1234", "1003",
                "balbury 1003", "ann 1234 03/14/1985"}) {
            assertThat(SearchQuery.parse(found).matches(words, phones, born, chart)).as("\"%s\"", found).isTrue();
        }
        for (String missed : new String[] {"albury", "strom leo", "zoey", "03/15/1985", "strom 1985-03-15",
                "ann 1234 03/15/1985", "7771", "201", "1004", "balbury 1004", "leo 1003", "", "   ", "02/30/1985",
                "strom 02/30/1985"}) {
            assertThat(SearchQuery.parse(missed).matches(words, phones, born, chart)).as("\"%s\"", missed).isFalse();
        }
    }
}
