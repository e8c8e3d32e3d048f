package org.needlepoint.checkout;

import java.util.List;
import org.needlepoint.chart.VisitSummary;
import org.needlepoint.schedule.Appointment;

/**
 * What the checkout screen shows: the appointment and the patient, the signed visit with its products,
 * the follow-up tasks it created with their suggested bookings ({@code nextVisits}, by due date), and the
 * booking form's default ({@code offer}) for a visit that created none.
 */
public record Checkout(Appointment appointment, VisitSummary visit, List<NextVisit> nextVisits, NextVisitOffer offer) {
    public Checkout {
        nextVisits = List.copyOf(nextVisits);
    }

    /** The appointment is completed: the patient has been checked out. */
    public boolean done() {
        return appointment.status() == org.needlepoint.schedule.AppointmentStatus.COMPLETED;
    }
}
