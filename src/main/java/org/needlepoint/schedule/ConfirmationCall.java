package org.needlepoint.schedule;

import java.time.Instant;

/** One call made to confirm an appointment. */
public record ConfirmationCall(long appointmentId, ConfirmationOutcome outcome, String note, String byName, Instant at) {
}
