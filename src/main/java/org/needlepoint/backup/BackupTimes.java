package org.needlepoint.backup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** "today at 09:00", "yesterday at 18:02", "Thursday 19 November at 18:02": when a backup was made, as staff say it. */
final class BackupTimes {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

    private BackupTimes() {
    }

    static String when(Instant t, Clock clock) {
        ZonedDateTime at = t.atZone(clock.getZone());
        return day(at.toLocalDate(), clock) + " at " + TIME.format(at);
    }

    static String when(java.time.LocalDateTime at, Clock clock) {
        return day(at.toLocalDate(), clock) + " at " + TIME.format(at);
    }

    static String day(LocalDate d, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (d.equals(today)) {
            return "today";
        }
        if (d.equals(today.minusDays(1))) {
            return "yesterday";
        }
        return (d.getYear() == today.getYear() ? DAY : DAY_YEAR).format(d);
    }
}
