package org.needlepoint.followup;

/** A task is OPEN until done, missed or cancelled; a closed task cannot change again. */
public enum TaskStatus {
    OPEN("Open"), DONE("Done"), MISSED("Missed"), CANCELLED("Cancelled");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
