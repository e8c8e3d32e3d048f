package org.needlepoint.inventory;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One delivery of packs of a lot, as recorded. Receipts are never changed: a mistake is corrected
 * by a stock count ({@link InventoryService#countStock}).
 *
 * @param gtin           the pack's GTIN-14 (AI 01), or null when the product was chosen by hand
 * @param serial         the pack's serial (AI 21), or null
 * @param receivedByName who received it, or null for lots taken in before receipts were kept
 */
public record Receipt(long id, long lotId, String gtin, String serial, LocalDate productionDate, int quantity,
                      String supplier, String invoice, LocalDate receivedOn, Long receivedById, String receivedByName,
                      Instant createdAt) {
}
