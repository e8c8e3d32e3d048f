package org.needlepoint.followup;

import java.util.List;

/**
 * The injectors' review list: patients' phoned-in reports still waiting, adverse events not yet
 * resolved (newest onset first) and urgent events not yet closed (also among the open ones when
 * unresolved).
 */
public record ReviewList(List<PatientReport> waitingReports, List<AdverseEventSummary> openEvents,
                         List<AdverseEventSummary> openUrgent) {
    public ReviewList {
        waitingReports = List.copyOf(waitingReports);
        openEvents = List.copyOf(openEvents);
        openUrgent = List.copyOf(openUrgent);
    }

    public int size() {
        return waitingReports.size() + openEvents.size()
                + (int) openUrgent.stream().filter(u -> openEvents.stream().noneMatch(e -> e.id() == u.id())).count();
    }
}
