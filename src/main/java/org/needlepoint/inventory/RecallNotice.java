package org.needlepoint.inventory;

import java.time.Instant;

/**
 * A patient who must be called about a recalled lot. Made for every affected patient when the lot
 * is marked recalled; {@code taskCreated} turns true once the follow-up work has made the call task.
 */
public record RecallNotice(long id, long lotId, String lotNumber, String productName, long patientId,
                           long chartNumber, String patientName, Instant createdAt, boolean taskCreated, int version) {
}
