package org.needlepoint.report;

import java.util.Locale;
import java.util.Set;

/** The paper a report is laid out for: US Letter in the Americas that use it, A4 elsewhere. */
public enum PaperSize {
    LETTER(612f, 792f),
    A4(595.28f, 841.89f);

    private static final Set<String> LETTER_COUNTRIES = Set.of("US", "CA", "MX", "PH", "CL", "CO", "VE", "PR",
            "GT", "CR", "PA", "DO", "SV", "NI", "HN");

    /** In PDF points (1/72 inch). */
    final float width;
    final float height;

    PaperSize(float width, float height) {
        this.width = width;
        this.height = height;
    }

    /** Letter for the United States, Canada, Mexico and the other countries that print on it; A4 elsewhere. */
    public static PaperSize forLocale(Locale locale) {
        return locale != null && LETTER_COUNTRIES.contains(locale.getCountry()) ? LETTER : A4;
    }
}
