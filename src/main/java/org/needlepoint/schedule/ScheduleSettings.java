package org.needlepoint.schedule;

import java.util.List;

/**
 * The appointment book's settings: the clinic's opening hours (seven days, Monday first) and how many
 * hours before its start a cancellation counts as late.
 */
public record ScheduleSettings(List<DayHours> openingHours, int lateCancelHours) {
    /** The setting's name in the settings table. */
    public static final String LATE_CANCEL_HOURS = "schedule.late.cancel.hours";
    public static final int DEFAULT_LATE_CANCEL_HOURS = 24;
    public static final int MAX_LATE_CANCEL_HOURS = 14 * 24;

    public ScheduleSettings {
        openingHours = List.copyOf(openingHours);
    }
}
