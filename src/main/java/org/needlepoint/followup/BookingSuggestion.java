package org.needlepoint.followup;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.needlepoint.schedule.AppointmentKind;

/**
 * What the worklist's "Book" offers for a task: the kind of appointment that fits it, the earliest
 * day it may be booked ({@code notBefore}, the rule's earliest date, else the due date, never before
 * today), the treating injector when the task knows one ({@code treatingInjectorId}, null otherwise)
 * and the first free slot from then ({@code start}, {@code minutes}, {@code injectorId}; {@code start}
 * null when the book has no free slot in the next 90 days).
 */
public record BookingSuggestion(FollowUpTask task, AppointmentKind kind, LocalDate notBefore, Long treatingInjectorId,
                                LocalDateTime start, int minutes, Long injectorId, String injectorName) {
    public boolean found() {
        return start != null;
    }
}
