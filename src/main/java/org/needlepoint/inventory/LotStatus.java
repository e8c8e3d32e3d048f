package org.needlepoint.inventory;

/** Whether a lot may be used: only ACTIVE lots within their expiry date are. */
public enum LotStatus {
    ACTIVE("Active"), QUARANTINED("Quarantined"), RECALLED("Recalled");

    private final String label;

    LotStatus(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
