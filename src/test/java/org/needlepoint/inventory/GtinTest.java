package org.needlepoint.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GtinTest {
    @Test
    void checkDigitsAndNormalisation() {
        assertThat(Gtin.checkDigit("0950600013435")).isEqualTo(2);
        assertThat(Gtin.normalise("09506000134352")).isEqualTo("09506000134352");
        assertThat(Gtin.normalise("9506000134352")).as("GTIN-13 padded").isEqualTo("09506000134352");
        assertThat(Gtin.normalise("0950 6000-134352")).isEqualTo("09506000134352");
        assertThat(Gtin.normalise("09506000134353")).as("wrong check digit").isNull();
        assertThat(Gtin.normalise("0950600013435")).as("13 digits, wrong check digit").isNull();
        assertThat(Gtin.normalise("12345")).isNull();
        assertThat(Gtin.normalise("0950600013435x")).isNull();
        assertThat(Gtin.normalise(null)).isNull();
        assertThat(Gtin.withCheckDigit("0209999000300")).isEqualTo("02099990003007");
    }
}
