package org.needlepoint.chart;

/** A visit is a DRAFT while charted, SIGNED (read-only, corrected by addenda) afterwards. */
public enum VisitStatus {
    DRAFT("Draft"), SIGNED("Signed");

    private final String label;

    VisitStatus(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
