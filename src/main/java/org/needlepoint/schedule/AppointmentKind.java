package org.needlepoint.schedule;

/** What an appointment is for. Its default length is the service's ({@link AppointmentService#defaultMinutes}). */
public enum AppointmentKind {
    CONSULTATION("Consultation"),
    TREATMENT("Treatment"),
    REVIEW("Review"),
    TOUCH_UP("Touch-up");

    private final String label;

    AppointmentKind(String label) {
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
