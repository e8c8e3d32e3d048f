package org.needlepoint.patient;

/** Pregnancy and breastfeeding status: a contraindication for every product in domain.md. */
public enum Pregnancy {
    NOT_APPLICABLE("Not applicable", false),
    NO("Not pregnant or breastfeeding", false),
    PREGNANT("Pregnant", true),
    BREASTFEEDING("Breastfeeding", true),
    UNKNOWN("Not asked yet", false);

    private final String label;
    private final boolean alert;

    Pregnancy(String label, boolean alert) {
        this.label = label;
        this.alert = alert;
    }

    /** True when treatment is contraindicated and the header must say so. */
    public boolean alert() {
        return alert;
    }

    @Override
    public String toString() {
        return label;
    }
}
