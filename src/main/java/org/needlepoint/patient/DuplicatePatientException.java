package org.needlepoint.patient;

import org.needlepoint.common.ReadableException;

import java.util.List;

/** Saving would create a likely second record of a patient who is already registered. */
public class DuplicatePatientException extends ReadableException {
    private final List<PatientSummary> matches;

    public DuplicatePatientException(List<PatientSummary> matches) {
        super(matches.size() == 1 ? "This looks like a patient who is already registered: "
                + matches.get(0).displayName() + ", chart " + matches.get(0).chartNumber()
                : "This looks like " + matches.size() + " patients who are already registered.");
        this.matches = List.copyOf(matches);
    }

    public List<PatientSummary> matches() {
        return matches;
    }
}
