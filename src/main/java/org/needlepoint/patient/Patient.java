package org.needlepoint.patient;

import java.time.Instant;

/** A stored patient: the chart number is assigned by the store. */
public record Patient(long id, long chartNumber, PatientDetails details, int version,
                      Instant createdAt, Instant updatedAt) {
}
