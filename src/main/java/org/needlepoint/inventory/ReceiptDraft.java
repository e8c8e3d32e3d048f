package org.needlepoint.inventory;

import java.time.LocalDate;
import org.needlepoint.common.Text;

/**
 * What the receiving screen sends to {@link InventoryService#receive}: the pack's fields (from a
 * scanned {@link Gs1Code} or typed) and the delivery's.
 *
 * @param gtin           the pack's GTIN (8-14 digits; check digit verified); it picks the product.
 *                       May be null when {@code productId} is given (a pack without a barcode)
 * @param productId      the product chosen by hand, or null to take it from the GTIN; when both are
 *                       given they must agree
 * @param serial         optional; needs a GTIN (a serial is unique per GTIN)
 * @param productionDate optional (AI 11)
 * @param quantity       packs received, 1 to {@link InventoryService#MAX_RECEIPT}
 * @param receivedOn     the day the delivery arrived; not in the future
 */
public record ReceiptDraft(String gtin, Long productId, String lotNumber, LocalDate expiry, String serial,
                           LocalDate productionDate, int quantity, String supplier, String invoice,
                           LocalDate receivedOn) {

    public ReceiptDraft {
        gtin = Text.clean(gtin);
        lotNumber = Text.clean(lotNumber);
        serial = Text.clean(serial);
        supplier = Text.clean(supplier);
        invoice = Text.clean(invoice);
    }

    /** A one-pack receipt of a scanned code, received on {@code day}; add the delivery's details with the withers. */
    public static ReceiptDraft of(Gs1Code code, LocalDate day) {
        return new ReceiptDraft(code.gtin(), null, code.lot(), code.expiry(), code.serial(), code.productionDate(), 1,
                null, null, day);
    }

    public ReceiptDraft withQuantity(int packs) {
        return new ReceiptDraft(gtin, productId, lotNumber, expiry, serial, productionDate, packs, supplier, invoice,
                receivedOn);
    }

    public ReceiptDraft withDelivery(String newSupplier, String newInvoice, LocalDate day) {
        return new ReceiptDraft(gtin, productId, lotNumber, expiry, serial, productionDate, quantity, newSupplier,
                newInvoice, day);
    }

    public ReceiptDraft withProduct(Long id) {
        return new ReceiptDraft(gtin, id, lotNumber, expiry, serial, productionDate, quantity, supplier, invoice,
                receivedOn);
    }
}
