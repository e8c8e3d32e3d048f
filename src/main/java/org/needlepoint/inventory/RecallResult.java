package org.needlepoint.inventory;

import java.util.List;

/** What {@link InventoryService#markRecalled} did: the lot as now RECALLED and the patients given a recall notice. */
public record RecallResult(Lot lot, List<Long> patientIds, int newNotices) {
    public RecallResult {
        patientIds = List.copyOf(patientIds);
    }
}
