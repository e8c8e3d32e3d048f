package org.needlepoint.followup;

import java.time.LocalDate;
import java.util.List;

/**
 * A day's worklist of open tasks, without those snoozed past that day: {@code overdue} (due before
 * the day, oldest first), {@code dueToday}, {@code upcoming} (due in the next {@code upcomingDays}
 * days, soonest first).
 */
public record Worklist(LocalDate date, int upcomingDays, List<WorklistRow> overdue, List<WorklistRow> dueToday,
                       List<WorklistRow> upcoming) {
    public Worklist {
        overdue = List.copyOf(overdue);
        dueToday = List.copyOf(dueToday);
        upcoming = List.copyOf(upcoming);
    }

    public int size() {
        return overdue.size() + dueToday.size() + upcoming.size();
    }
}
