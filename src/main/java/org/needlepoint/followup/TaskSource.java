package org.needlepoint.followup;

/** What created a task: a signed visit's protocol, an adverse event, a lot recall, or a person. */
public enum TaskSource {
    VISIT("Treatment protocol"), EVENT("Side effect"), LOT_RECALL("Lot recall"), MANUAL("Added by staff");

    private final String label;

    TaskSource(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
