package org.needlepoint.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * Hours on one weekday, from {@code start} to {@code end}; both null when the clinic is closed (or the
 * injector is off) that day.
 */
public record DayHours(DayOfWeek day, LocalTime start, LocalTime end) {
    public static DayHours closed(DayOfWeek day) {
        return new DayHours(day, null, null);
    }

    public boolean isClosed() {
        return start == null;
    }

    /** True when [from, to) on this weekday lies within these hours. */
    public boolean covers(LocalTime from, LocalTime to) {
        return !isClosed() && !from.isBefore(start) && !to.isAfter(end) && from.isBefore(to);
    }
}
