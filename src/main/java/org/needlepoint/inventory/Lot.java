package org.needlepoint.inventory;

import java.time.LocalDate;

/**
 * A lot of a product in the clinic's stock. Usable on a day when ACTIVE and not past its expiry
 * (a lot is good through its expiry date).
 *
 * @param quantityReceived packs received (vials or syringes)
 */
public record Lot(long id, long productId, String lotNumber, LocalDate expiry, LotStatus status,
                  LocalDate receivedOn, int quantityReceived, int version) {

    public boolean expiredOn(LocalDate day) {
        return expiry.isBefore(day);
    }

    public boolean usableOn(LocalDate day) {
        return status == LotStatus.ACTIVE && !expiredOn(day);
    }

    @Override
    public String toString() {
        return lotNumber + " (exp. " + expiry + ")";
    }
}
