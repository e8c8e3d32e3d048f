package org.needlepoint.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalsTest {
    @Test
    void readsWhatPeopleTypeWithAPointOrAComma() {
        assertThat(Decimals.parse("0.5")).contains(new BigDecimal("0.5"));
        assertThat(Decimals.parse(" 0,5 ")).contains(new BigDecimal("0.5"));
        assertThat(Decimals.parse("12")).contains(new BigDecimal("12"));
        assertThat(Decimals.parse(".25")).contains(new BigDecimal("0.25"));
        assertThat(Decimals.parse("-3")).contains(new BigDecimal("-3"));
    }

    @Test
    void refusesWhatIsNotAPlainNumber() {
        assertThat(Decimals.parse("1e3")).as("no exponents").isEmpty();
        assertThat(Decimals.parse("1,000.5")).as("no thousands separators").isEmpty();
        assertThat(Decimals.parse("10 U")).as("no units").isEmpty();
        assertThat(Decimals.parse("abc")).isEmpty();
        assertThat(Decimals.parse("")).isEmpty();
        assertThat(Decimals.parse(null)).isEmpty();
        assertThat(Decimals.isBlank("  ")).isTrue();
        assertThat(Decimals.isBlank("x")).isFalse();
    }
}
