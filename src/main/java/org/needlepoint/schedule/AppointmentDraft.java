package org.needlepoint.schedule;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A booking to make: who, with which injector, in which room (or none), when (in the clinic's time
 * zone) and for how long ({@code minutes} null: the kind's default), what for, the products planned
 * and the follow-up task it is booked from (or null).
 */
public record AppointmentDraft(long patientId, long injectorId, Long roomId, LocalDateTime start, Integer minutes,
                               AppointmentKind kind, String reason, List<Long> productIds, Long followUpTaskId) {
    public AppointmentDraft {
        productIds = productIds == null ? List.of() : List.copyOf(productIds);
    }
}
