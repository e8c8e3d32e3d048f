package org.needlepoint.schedule;

import java.time.LocalDateTime;

/** A free slot found by {@link AppointmentService#nextFreeSlot}: when, and with which injector. */
public record FreeSlot(LocalDateTime start, LocalDateTime end, long injectorId, String injectorName) {
}
