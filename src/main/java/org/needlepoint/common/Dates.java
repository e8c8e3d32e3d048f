package org.needlepoint.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses dates as clinic staff type them: ISO {@code 1985-03-14}, US {@code 3/14/1985} and
 * {@code 03-14-1985}, and day-first with dots {@code 14.03.1985}. Two-digit years are not accepted
 * for birth dates: {@code 3/14/85} is ambiguous across a century.
 */
public final class Dates {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern US = Pattern.compile("(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4})");
    private static final Pattern DOTS = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");

    private Dates() {
    }

    /** True when the text has the shape of a date, whether or not the date exists. */
    public static boolean looksLikeDate(String s) {
        String t = s == null ? "" : s.strip();
        return ISO.matcher(t).matches() || US.matcher(t).matches() || DOTS.matcher(t).matches();
    }

    /** The date, or empty when the text is not a date or names one that does not exist (Feb 30). */
    public static Optional<LocalDate> parse(String s) {
        String t = s == null ? "" : s.strip();
        try {
            Matcher m = ISO.matcher(t);
            if (m.matches()) {
                return Optional.of(LocalDate.of(i(m, 1), i(m, 2), i(m, 3)));
            }
            m = US.matcher(t);
            if (m.matches()) {
                return Optional.of(LocalDate.of(i(m, 3), i(m, 1), i(m, 2)));
            }
            m = DOTS.matcher(t);
            if (m.matches()) {
                return Optional.of(LocalDate.of(i(m, 3), i(m, 2), i(m, 1)));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static int i(Matcher m, int g) {
        return Integer.parseInt(m.group(g));
    }
}
