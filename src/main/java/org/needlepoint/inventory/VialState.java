package org.needlepoint.inventory;

/** A reconstituted vial at a moment: usable, past its usable hours, or thrown away. */
public enum VialState {
    OPEN("Open"),
    /** Past opened-at + the product's usable hours: charting from it needs an explicit, audited override. */
    EXPIRED_AFTER_RECONSTITUTION("Past its usable hours"),
    DISCARDED("Discarded");

    private final String label;

    VialState(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
