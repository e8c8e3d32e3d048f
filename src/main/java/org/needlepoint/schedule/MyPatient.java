package org.needlepoint.schedule;

import java.util.List;

/**
 * One of the signed-in injector's appointments of today on "My patients today": the appointment (status, check-in
 * time and the visit prepared), the planned products' names, and the consents on file for their kinds.
 */
public record MyPatient(Appointment appointment, List<String> products, ConsentCoverage consents) {
    public MyPatient {
        products = List.copyOf(products);
    }

    public boolean checkedIn() {
        return appointment.checkedInAt() != null && appointment.visitId() != null;
    }
}
