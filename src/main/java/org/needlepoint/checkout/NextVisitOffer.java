package org.needlepoint.checkout;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.needlepoint.schedule.AppointmentKind;

/**
 * The booking form's default at checkout when the visit created no follow-up task: the same kind and
 * length as today's appointment with the same injector, at the first free slot from {@code notBefore}
 * ({@code start} null when the book has none in the next 90 days).
 */
public record NextVisitOffer(AppointmentKind kind, int minutes, LocalDate notBefore, long injectorId, String injectorName,
                             LocalDateTime start) {
}
