package org.needlepoint.followup;

/**
 * The home screen's numbers for a day: the front desk's tasks due that day, overdue and upcoming
 * (snoozed ones left out), the patients' reports waiting for an injector, the adverse events not
 * yet resolved and the urgent events not yet closed.
 */
public record WorklistCounts(int dueToday, int overdue, int upcoming, int waitingReports, int openEvents,
                             int openUrgent) {
}
