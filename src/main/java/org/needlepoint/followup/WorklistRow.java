package org.needlepoint.followup;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of a worklist: the task (id and version for the one-click actions), the patient with
 * their phone numbers, the reason, due and earliest dates, the kind, and the calls so far.
 */
public record WorklistRow(long taskId, int version, long patientId, String patientName, long chartNumber,
                          String mobilePhone, String otherPhone, String reason, LocalDate due, LocalDate earliest,
                          TaskKind kind, boolean clinical, String assignee, int attempts, CallOutcome lastOutcome,
                          Instant lastAttemptAt) {

    /** The first phone number the patient gave (mobile, else other). */
    public String phone() {
        return mobilePhone != null ? mobilePhone : otherPhone;
    }

    /** Days overdue on {@code day} (0 when due that day or later). */
    public long daysOverdue(LocalDate day) {
        return due.isBefore(day) ? java.time.temporal.ChronoUnit.DAYS.between(due, day) : 0;
    }
}
