package org.needlepoint.checkout;

import org.needlepoint.followup.BookingSuggestion;
import org.needlepoint.followup.FollowUpTask;

/**
 * A follow-up task the signed visit created, offered at checkout: while it is open, the booking the
 * rules suggest ({@code suggestion}: its kind, earliest day and first free slot with the treating
 * injector); once booked, the task closed as booked ({@code suggestion} null, the booking in its note).
 */
public record NextVisit(FollowUpTask task, BookingSuggestion suggestion) {
    public boolean booked() {
        return !task.open();
    }
}
