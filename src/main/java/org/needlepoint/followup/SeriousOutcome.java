package org.needlepoint.followup;

/** The serious outcomes of FDA MedWatch form 3500, section B.2 ("check all that apply"). */
public enum SeriousOutcome {
    DEATH("Death"),
    LIFE_THREATENING("Life-threatening"),
    HOSPITALIZATION("Hospitalization \u2013 initial or prolonged"),
    DISABILITY("Disability or permanent damage"),
    CONGENITAL_ANOMALY("Congenital anomaly / birth defect"),
    REQUIRED_INTERVENTION("Required intervention to prevent permanent impairment/damage (devices)"),
    OTHER_SERIOUS("Other serious (important medical event)");

    private final String label;

    SeriousOutcome(String label) {
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
