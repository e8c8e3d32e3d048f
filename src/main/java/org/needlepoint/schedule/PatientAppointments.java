package org.needlepoint.schedule;

import java.util.List;

/**
 * A patient's appointments: the upcoming ones (still to come and still on), soonest first, and the
 * rest (past, cancelled, no-shows), latest first; with the patient's no-show and late-cancellation counts.
 */
public record PatientAppointments(List<Appointment> upcoming, List<Appointment> past, int noShows,
                                  int lateCancellations) {
    public PatientAppointments {
        upcoming = List.copyOf(upcoming);
        past = List.copyOf(past);
    }
}
