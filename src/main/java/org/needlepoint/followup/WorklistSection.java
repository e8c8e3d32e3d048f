package org.needlepoint.followup;

/** The sections of a worklist, in the order they are shown and exported. */
public enum WorklistSection {
    OVERDUE("Overdue"), DUE_TODAY("Due today"), UPCOMING("Upcoming");

    private final String label;

    WorklistSection(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
