package org.needlepoint.chart;

/** The tissue plane a point was injected into. */
public enum Depth {
    INTRADERMAL("Intradermal"),
    DEEP_DERMIS("Deep dermis"),
    SUBCUTANEOUS("Subcutaneous"),
    SUPRAPERIOSTEAL("Supraperiosteal"),
    INTRAMUSCULAR("Intramuscular");

    private final String label;

    Depth(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
