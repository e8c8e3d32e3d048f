package org.needlepoint.inventory;

/** What {@link InventoryService#receive} saved: the receipt and its lot (new, or received again) as it now stands. */
public record ReceiveResult(Receipt receipt, Lot lot, Product product, boolean newLot) {
}
