package org.needlepoint.schedule;

import java.time.Instant;

/**
 * A line of the confirmation call list: the appointment, the patient's phone numbers and the latest
 * call (outcome, note, when; all null before the first call) with the number of calls made.
 */
public record ConfirmationRow(Appointment appointment, String mobilePhone, String otherPhone,
                              ConfirmationOutcome lastOutcome, String lastNote, Instant lastCallAt, int calls) {
}
