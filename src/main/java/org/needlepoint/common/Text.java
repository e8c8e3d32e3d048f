package org.needlepoint.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text normalisation shared by search and duplicate checks. */
public final class Text {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_DIGITS = Pattern.compile("\\D+");

    private Text() {
    }

    /** Lower case, accents removed, trimmed: "José" -> "jose". */
    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("")
                .replace('ß', 's').replace('ø', 'o').replace('Ø', 'o').replace('ł', 'l').replace('Ł', 'l')
                .toLowerCase(Locale.ROOT).trim();
    }

    /** Digits only, with a leading North-American country code 1 dropped from 11-digit numbers. */
    public static String phoneDigits(String s) {
        if (s == null) {
            return "";
        }
        String d = NON_DIGITS.matcher(s).replaceAll("");
        if (d.length() == 11 && d.charAt(0) == '1') {
            d = d.substring(1);
        }
        return d;
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Trimmed text, or null when blank. */
    public static String clean(String s) {
        return isBlank(s) ? null : s.strip();
    }
}
