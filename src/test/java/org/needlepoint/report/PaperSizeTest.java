package org.needlepoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class PaperSizeTest {

    @Test
    void northAmericaPrintsOnLetterTheRestOnA4() {
        assertThat(PaperSize.forLocale(Locale.US)).isEqualTo(PaperSize.LETTER);
        assertThat(PaperSize.forLocale(Locale.CANADA_FRENCH)).isEqualTo(PaperSize.LETTER);
        assertThat(PaperSize.forLocale(Locale.UK)).isEqualTo(PaperSize.A4);
        assertThat(PaperSize.forLocale(Locale.GERMANY)).isEqualTo(PaperSize.A4);
        assertThat(PaperSize.forLocale(Locale.ENGLISH)).isEqualTo(PaperSize.A4);
        assertThat(PaperSize.forLocale(null)).isEqualTo(PaperSize.A4);
    }
}
