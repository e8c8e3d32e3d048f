package org.needlepoint.inventory;

import org.needlepoint.common.ValidationException;

/**
 * {@link InventoryService#overrideVialExpiry} was asked to record an override that the visit
 * already has (another PC, or a second click, got there first). Nothing changed, and the vial may
 * be charted from on that visit: a screen treats it as done rather than as an error.
 */
public final class VialOverrideExistsException extends ValidationException {
    private final long vialId;
    private final long visitId;

    public VialOverrideExistsException(long vialId, long visitId) {
        super("vial", "This vial's override for this visit is already recorded.");
        this.vialId = vialId;
        this.visitId = visitId;
    }

    public long vialId() {
        return vialId;
    }

    public long visitId() {
        return visitId;
    }
}
