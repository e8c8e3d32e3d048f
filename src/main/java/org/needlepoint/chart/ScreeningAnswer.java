package org.needlepoint.chart;

/** The answer to one screening question: YES means the risk or contraindication is present. */
public enum ScreeningAnswer {
    UNANSWERED("Not answered"), NO("No"), YES("Yes");

    private final String label;

    ScreeningAnswer(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
