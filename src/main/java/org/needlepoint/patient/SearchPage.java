package org.needlepoint.patient;

import java.util.List;

/** The first patients a search shows, in list order, and whether more than these match. */
public record SearchPage(List<PatientSummary> rows, boolean more) {
    public SearchPage {
        rows = List.copyOf(rows);
    }
}
