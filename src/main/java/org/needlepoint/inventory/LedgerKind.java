package org.needlepoint.inventory;

/** Why a stock ledger entry changed a lot's packs on hand. */
public enum LedgerKind {
    /** + a receipt. */
    RECEIVED("Received"),
    /** - a signed chart (or addendum) used it. */
    USED("Used"),
    /** - thrown away, with a reason (also a reconstituted vial discarded before any signed chart used it). */
    WASTED("Wasted"),
    /** +/- a stock count found a different number; the entry is the difference. */
    ADJUSTED("Adjusted");

    private final String label;

    LedgerKind(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
