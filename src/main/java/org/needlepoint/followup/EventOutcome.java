package org.needlepoint.followup;

/** Where an adverse event stands. An event is open (in the injectors' review list) until resolved. */
public enum EventOutcome {
    ONGOING("Ongoing"),
    IMPROVING("Improving"),
    RESOLVED("Resolved"),
    RESOLVED_WITH_SEQUELAE("Resolved with sequelae");

    private final String label;

    EventOutcome(String label) {
        this.label = label;
    }

    /** Resolved outcomes need their date. */
    public boolean resolved() {
        return this == RESOLVED || this == RESOLVED_WITH_SEQUELAE;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
