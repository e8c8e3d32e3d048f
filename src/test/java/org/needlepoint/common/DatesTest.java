package org.needlepoint.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {
    @ParameterizedTest
    @ValueSource(strings = {"1985-03-14", "1985-3-14", "03/14/1985", "3/14/1985", "03-14-1985", "14.03.1985", " 3/14/1985 "})
    void staffDateFormatsParse(String typed) {
        assertThat(Dates.looksLikeDate(typed)).isTrue();
        assertThat(Dates.parse(typed)).contains(LocalDate.of(1985, 3, 14));
    }

    @ParameterizedTest
    @ValueSource(strings = {"02/30/1990", "1990-02-30", "2023-02-29", "13/01/1990", "00/10/1990"})
    void impossibleDatesLookLikeDatesButDoNotParse(String typed) {
        assertThat(Dates.looksLikeDate(typed)).isTrue();
        assertThat(Dates.parse(typed)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3/14/85", "555-010-2345", "1985", "March 14 1985", ""})
    void otherTextIsNotADate(String typed) {
        assertThat(Dates.looksLikeDate(typed)).isFalse();
        assertThat(Dates.parse(typed)).isEmpty();
    }

    @Test
    void aLeapDayParses() {
        assertThat(Dates.parse("02/29/2024")).contains(LocalDate.of(2024, 2, 29));
        assertThat(Dates.parse(null)).isEmpty();
    }
}
