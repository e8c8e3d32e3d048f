package org.needlepoint.schedule;

import java.util.List;
import org.needlepoint.chart.ScreeningEntry;

/**
 * A completed check-in as the desk sends it: the appointment as the desk saw it (its injector and planned products
 * are what the screening answered for) and the patient's record at the version the desk saw, the identity tick
 * (required), the contact details and rewards-programme membership as confirmed (blank: none), and the screening
 * answers.
 */
public record CheckInForm(Appointment appointment, long patientId, int patientVersion,
                          boolean identityConfirmed, String mobilePhone, String otherPhone, String email,
                          String addressLine, String city, String region, String postalCode,
                          String rewardsProgramme, String rewardsMember, List<ScreeningEntry> screening) {
    public CheckInForm {
        screening = screening == null ? List.of() : List.copyOf(screening);
    }

    public long appointmentId() {
        return appointment.id();
    }

    public int appointmentVersion() {
        return appointment.version();
    }
}
