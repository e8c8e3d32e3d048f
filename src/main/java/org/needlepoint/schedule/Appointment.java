package org.needlepoint.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One appointment as the book shows it: the patient (name and chart number), the injector's and the
 * room's names, its start and end in the clinic's time zone, and where it stands. {@code lateCancel}:
 * cancelled within the clinic's late-cancellation window. {@code visitId}: the visit
 * the patient's check-in opened for the injector (null before check-in); {@code checkedInAt}: when the desk checked
 * the patient in.
 */
public record Appointment(long id, long patientId, long chartNumber, String patientName, long injectorId,
                          String injectorName, Long roomId, String roomName, LocalDateTime start, LocalDateTime end,
                          AppointmentKind kind, String reason, List<Long> productIds, AppointmentStatus status,
                          String cancelReason, Instant cancelledAt, boolean lateCancel, Long followUpTaskId,
                          Long visitId, Instant checkedInAt, int version) {
    public Appointment {
        productIds = List.copyOf(productIds);
    }

    public int minutes() {
        return (int) Duration.between(start, end).toMinutes();
    }
}
