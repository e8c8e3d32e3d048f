package org.needlepoint.patient;

import java.time.LocalDate;

/** One row of the search results. */
public record PatientSummary(long id, long chartNumber, String lastName, String firstName, String preferredName,
                             LocalDate birthDate, String phone, String email) {
    public String displayName() {
        return lastName + ", " + firstName + (preferredName != null && !preferredName.equals(firstName)
                ? " (" + preferredName + ")" : "");
    }
}
