package org.needlepoint.schedule;

/**
 * Where an appointment stands. The way through is booked → confirmed → arrived → in treatment →
 * completed; no-show (from booked or confirmed) and cancelled (from booked, confirmed or arrived,
 * with a reason) end it early. Which changes are allowed is the service's rule
 * ({@link AppointmentService#nextStatuses}).
 */
public enum AppointmentStatus {
    BOOKED("Booked"),
    CONFIRMED("Confirmed"),
    ARRIVED("Arrived"),
    IN_TREATMENT("In treatment"),
    COMPLETED("Completed"),
    NO_SHOW("No-show"),
    CANCELLED("Cancelled");

    private final String label;

    AppointmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** False for cancelled and no-show appointments: their time is free for another booking. */
    public boolean blocksTime() {
        return this != CANCELLED && this != NO_SHOW;
    }

    @Override
    public String toString() {
        return label;
    }
}
