package org.needlepoint.inventory;

/**
 * A product whose packs on hand in usable lots are below its reorder level.
 *
 * @param onHand packs on hand in its ACTIVE lots (lots that show a negative balance count as 0)
 */
public record ReorderLine(Product product, int onHand, int reorderLevel) {
    public int shortBy() {
        return reorderLevel - onHand;
    }
}
