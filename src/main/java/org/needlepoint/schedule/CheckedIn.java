package org.needlepoint.schedule;

import org.needlepoint.chart.VisitChart;

/**
 * A check-in done: the appointment as it now stands (arrived, checked in, linked to its visit), the visit draft
 * prepared for the booked injector with the screening answers, and the consents on file for the planned products.
 */
public record CheckedIn(Appointment appointment, VisitChart visit, ConsentCoverage consents) {
    /** "Consent missing: ..." for the desk when a planned product's kind has no valid signed consent; null when none is. */
    public String consentWarning() {
        return consents.complete() ? null : "Consent missing: " + consents.missingMessage();
    }
}
