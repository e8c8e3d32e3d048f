package org.needlepoint.schedule;

import java.time.Instant;

/** One line of an appointment's status log: {@code from} is null for the booking itself. */
public record StatusChange(AppointmentStatus from, AppointmentStatus to, String note, String byName, Instant at) {
}
