package org.needlepoint.schedule;

import java.util.List;
import org.needlepoint.chart.ScreeningEntry;
import org.needlepoint.inventory.Product;
import org.needlepoint.patient.Patient;

/**
 * What the desk confirms at check-in ({@link CheckInService#sheet}): today's appointment, the patient's record
 * (identity, contact details, rewards-programme membership, at its version), the planned products, the screening
 * questionnaire for them (pre-flagged from the record, pre-answered from an earlier check-in's draft), and the
 * signed consents on file today for the planned products' kinds.
 */
public record CheckInSheet(Appointment appointment, Patient patient, List<Product> products,
                           List<ScreeningEntry> screening, ConsentCoverage consents) {
    public CheckInSheet {
        products = List.copyOf(products);
        screening = List.copyOf(screening);
    }
}
