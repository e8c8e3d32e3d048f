package org.needlepoint.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.needlepoint.common.ValidationException;

/**
 * The Admin tab's hours as typed: one row per weekday with its choice and two times. Turns the rows into
 * {@link DayHours} for the service, with a message per field (named {@code <prefix>From<DAY>} /
 * {@code <prefix>To<DAY>}) when a time cannot be read. Times are typed as 9, 9:30, 09:30, 930 or 17.30.
 */
public final class HoursForm {
    /** What a weekday row says. */
    public enum Choice {
        /** The clinic is open (or: the injector works their own hours) from .. to. */
        HOURS("Own hours"),
        /** The clinic is closed (or: the injector's day off). */
        CLOSED("Day off"),
        /** Injectors only: the clinic's opening hours. */
        CLINIC("Clinic's hours");

        private final String label;

        Choice(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One weekday's row as typed. */
    public record Row(DayOfWeek day, Choice choice, String from, String to) {
    }

    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?:[:.h]?(\\d{2}))?");
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private HoursForm() {
    }

    /** The field name of a row's first ({@code from}) or second time. */
    public static String field(String prefix, DayOfWeek day, boolean from) {
        return prefix + (from ? "From" : "To") + day.name();
    }

    /** "09:00", or "" for none. */
    public static String format(LocalTime t) {
        return t == null ? "" : HM.format(t);
    }

    /** A time as staff type it, or null when it cannot be read. */
    public static LocalTime parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = TIME.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        int h = Integer.parseInt(m.group(1));
        int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (h > 23 || min > 59) {
            return null;
        }
        return LocalTime.of(h, min);
    }

    /** The clinic's week: every row becomes a day (CLINIC is not a choice here). */
    public static List<DayHours> clinicWeek(List<Row> rows, String prefix) {
        return read(rows, prefix, false);
    }

    /** An injector's own days: rows on CLINIC are left out (they follow the clinic). */
    public static List<DayHours> injectorDays(List<Row> rows, String prefix) {
        return read(rows, prefix, true);
    }

    /** The rows showing {@code days} (an injector's own: the days not listed show CLINIC). */
    public static List<Row> rows(List<DayHours> days, boolean injector) {
        Map<DayOfWeek, DayHours> by = new LinkedHashMap<>();
        days.forEach(d -> by.put(d.day(), d));
        List<Row> rows = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            DayHours h = by.get(d);
            if (h == null) {
                rows.add(new Row(d, injector ? Choice.CLINIC : Choice.CLOSED, "", ""));
            } else {
                rows.add(new Row(d, h.isClosed() ? Choice.CLOSED : Choice.HOURS, format(h.start()), format(h.end())));
            }
        }
        return rows;
    }

    private static List<DayHours> read(List<Row> rows, String prefix, boolean injector) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<DayHours> days = new ArrayList<>();
        for (Row r : rows) {
            String name = r.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            if (r.choice() == Choice.CLINIC && injector) {
                continue;
            }
            if (r.choice() != Choice.HOURS) {
                days.add(DayHours.closed(r.day()));
                continue;
            }
            LocalTime from = parse(r.from());
            LocalTime to = parse(r.to());
            if (from == null) {
                errors.put(field(prefix, r.day(), true), "Type when " + name + " starts, e.g. 09:00.");
            }
            if (to == null) {
                errors.put(field(prefix, r.day(), false), "Type when " + name + " ends, e.g. 18:00.");
            }
            if (from != null && to != null) {
                if (!from.isBefore(to)) {
                    errors.put(field(prefix, r.day(), false), name + " must end after it starts.");
                } else {
                    days.add(new DayHours(r.day(), from, to));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return days;
    }

    /** The late-cancellation window as typed, or a message at {@code lateCancelHours}. */
    public static int lateCancelHours(String text) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.strip());
            if (n >= 0 && n <= ScheduleSettings.MAX_LATE_CANCEL_HOURS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new ValidationException("lateCancelHours", "Type a whole number of hours from 0 to "
                + ScheduleSettings.MAX_LATE_CANCEL_HOURS + ".");
    }
}
