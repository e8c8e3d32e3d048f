package org.needlepoint.followup;

/** What a follow-up task asks for: a phone call, a visit to book, or a clinical review to book. */
public enum TaskKind {
    CALL("Call"), VISIT("Visit"), REVIEW("Review");

    private final String label;

    TaskKind(String label) {
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
