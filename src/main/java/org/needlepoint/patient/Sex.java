package org.needlepoint.patient;

/** Sex as recorded for clinical purposes (MedWatch asks for it). */
public enum Sex {
    FEMALE("Female"), MALE("Male"), INTERSEX("Intersex"), UNKNOWN("Not stated");

    private final String label;

    Sex(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
