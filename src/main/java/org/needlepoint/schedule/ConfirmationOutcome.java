package org.needlepoint.schedule;

/** How a call to confirm an appointment went. CANCELLED also cancels the appointment. */
public enum ConfirmationOutcome {
    CONFIRMED("Confirmed"),
    LEFT_MESSAGE("Left a message"),
    CANCELLED("Cancelled");

    private final String label;

    ConfirmationOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
