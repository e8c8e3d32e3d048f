package org.needlepoint.inventory;

import org.needlepoint.common.ValidationException;

/**
 * A receipt's GTIN belongs to no product. The receiving screen asks once which product it is,
 * links it ({@link InventoryService#linkGtin}) and sends the receipt again. Field: {@code gtin}.
 */
public class UnknownGtinException extends ValidationException {
    private final String gtin;

    public UnknownGtinException(String gtin) {
        super("gtin", "The GTIN " + gtin + " is not linked to a product yet: choose which product this pack is,"
                + " and it will be recognised from now on.");
        this.gtin = gtin;
    }

    /** The GTIN-14 that needs linking. */
    public String gtin() {
        return gtin;
    }
}
