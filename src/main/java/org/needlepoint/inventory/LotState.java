package org.needlepoint.inventory;

/**
 * A lot's effective state on a day ({@link Lot#state}): the stored status (ACTIVE, QUARANTINED,
 * RECALLED) overridden by what the date and the stock say. Only ACTIVE lots are offered at the chair.
 * Precedence: RECALLED, QUARANTINED, EXPIRED (expiry before the day), DEPLETED (nothing on hand and
 * no open usable vial), ACTIVE.
 */
public enum LotState {
    ACTIVE("Active"),
    QUARANTINED("Quarantined"),
    RECALLED("Recalled"),
    EXPIRED("Expired"),
    DEPLETED("Depleted");

    private final String label;

    LotState(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
