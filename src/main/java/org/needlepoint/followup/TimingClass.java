package org.needlepoint.followup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * When an event began relative to its treatment, as the literature classes it: early (under 14
 * days), late (14 days to 1 year), delayed (more than 1 year). "1 year" is the calendar year: onset
 * on the anniversary of the visit is still late, the day after is delayed.
 */
public enum TimingClass {
    EARLY("Early (< 14 days)"),
    LATE("Late (14 days - 1 year)"),
    DELAYED("Delayed (> 1 year)");

    public static final int LATE_FROM_DAYS = 14;

    private final String label;

    TimingClass(String label) {
        this.label = label;
    }

    /** The class of an event with {@code onset} after a treatment on {@code visitDate} (onset not before the visit). */
    public static TimingClass of(LocalDate visitDate, LocalDate onset) {
        if (ChronoUnit.DAYS.between(visitDate, onset) < LATE_FROM_DAYS) {
            return EARLY;
        }
        return onset.isAfter(visitDate.plusYears(1)) ? DELAYED : LATE;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
