package org.needlepoint.inventory;

import java.time.Instant;

/**
 * One stock ledger row, with the lot's balance after it (entries in the order they were made).
 *
 * @param quantity signed packs: + received or counted up, - used, wasted or counted down
 * @param counted  for ADJUSTED: the quantity the person counted
 * @param byName   who made it (full name), or null
 */
public record LedgerEntry(long id, long lotId, LedgerKind kind, int quantity, Integer counted, String reason,
                          Long receiptId, Long visitId, Long vialId, Instant at, Long byId, String byName, int balance) {
}
