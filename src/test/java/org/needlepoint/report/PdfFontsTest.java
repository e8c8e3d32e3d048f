package org.needlepoint.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class PdfFontsTest {

    @Test
    void helveticaKeepsWesternAccentsAndReplacesWhatWinAnsiLacks() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PdfFonts f = PdfFonts.load(doc, PdfFonts.Source.STANDARD);

            assertThat(f.description).startsWith("Helvetica");
            assertThat(f.printable(f.regular, "Zoë Lefèvre-Sørensen, Renée, Ñuñez, Åsa, Straße"))
                    .isEqualTo("Zoë Lefèvre-Sørensen, Renée, Ñuñez, Åsa, Straße");
            // ő, ł, ź are not WinAnsi: accents dropped, look-alikes mapped; CJK becomes "?"; controls go
            assertThat(f.printable(f.bold, "Őrsi Łódź 漢\u0007 ≥ 5\tU")).isEqualTo("Orsi Lódz ? >= 5 U");
            assertThat(f.printable(f.regular, "\u2014 \u2013 \u2026 \u00b7 \u20ac")).isEqualTo("\u2014 \u2013 \u2026 \u00b7 \u20ac");
        }
    }

    @Test
    void aSystemFontIsEmbeddedWhenOneIsInstalled() throws IOException {
        assumeTrue(Files.isRegularFile(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
                && Files.isRegularFile(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")),
                "DejaVu Sans is not installed here");
        try (PDDocument doc = new PDDocument()) {
            PdfFonts f = PdfFonts.load(doc, PdfFonts.Source.SYSTEM_THEN_STANDARD);

            assertThat(f.description).startsWith("DejaVu");
            // DejaVu has these letters, so nothing is replaced
            assertThat(f.printable(f.regular, "Őrsi Łódź ≥")).isEqualTo("Őrsi Łódź ≥");
        }
    }
}
