package org.needlepoint.followup;

/** A patient's phoned-in report: waiting for an injector, turned into an event, or dismissed with a note. */
public enum ReportStatus {
    WAITING("Waiting for review"), RECORDED("Recorded as an event"), DISMISSED("Dismissed");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
