package org.needlepoint.followup;

import java.time.Instant;

/**
 * "Patient called reporting ...": what the patient said, when they phoned, who took the call; then
 * how an injector dealt with it (an event recorded from it, or dismissed with a note).
 */
public record PatientReport(long id, long patientId, String patientName, long chartNumber, String phone,
                            String text, Instant phonedAt, long takenById, String takenByName, ReportStatus status,
                            Long eventId, Instant reviewedAt, String reviewedByName, String reviewNote, int version) {
}
