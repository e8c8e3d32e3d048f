package org.needlepoint.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
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
}
