package org.needlepoint.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GtinTest {
    @Test
    void checkDigitsAndNormalisation() {
        assertThat(Gtin.checkDigit("0950600013435")).isEqualTo(2);
        assertThat(Gtin.normaliseOrNull("09506000134352")).isEqualTo("09506000134352");
        assertThat(Gtin.normaliseOrNull("9506000134352")).as("GTIN-13 padded").isEqualTo("09506000134352");
        assertThat(Gtin.normaliseOrNull("0950 6000-134352")).isEqualTo("09506000134352");
        assertThat(Gtin.normaliseOrNull("09506000134353")).as("wrong check digit").isNull();
        assertThat(Gtin.normaliseOrNull("0950600013435")).as("13 digits, wrong check digit").isNull();
        assertThat(Gtin.normaliseOrNull("12345")).isNull();
        assertThat(Gtin.normaliseOrNull("0950600013435x")).isNull();
        assertThat(Gtin.normaliseOrNull(null)).isNull();
        assertThat(Gtin.withCheckDigit("0209999000300")).isEqualTo("02099990003007");
    }

    @Test
    void oneNormaliserForTypedAndScannedCodes() {
        // what Admin > Products accepts typed (with the spaces and dashes printed on boxes) is what a scan yields
        String scanned = Gs1Parser.parse("(01)09506000134352(17)271231(10)AB12", java.time.LocalDate.of(2026, 1, 1)).gtin();
        assertThat(Gtin.normalise(" 0950-6000 134352 ")).isEqualTo(scanned);
        assertThat(Gtin.normalise("9506000134352")).isEqualTo(scanned);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Gtin.normalise("9506000134353"))
                .isInstanceOf(Gs1Exception.class).hasMessageContaining("check digit is wrong (expected 2, read 3)");
    }
}
