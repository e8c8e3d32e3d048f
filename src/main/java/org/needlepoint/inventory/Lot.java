package org.needlepoint.inventory;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A lot of a product in the clinic's stock, as read with its stock figures. Good through its expiry
 * date. Quantities are whole packs (vials or syringes).
 *
 * @param status           the stored status: ACTIVE, QUARANTINED or RECALLED (see {@link #state})
 * @param receivedOn       the day it was first received
 * @param quantityReceived packs received over all its receipts
 * @param onHand           SUM of its stock ledger: received - used - wasted +/- adjusted; negative when
 *                         signed charts used more than the books held ({@link #needsCount})
 * @param openVials        reconstituted vials of the lot still usable when it was read (not discarded,
 *                         within their usable hours)
 * @param statusReason     why the status was last changed (null while it never was)
 * @param statusBy         who changed it (full name), or null
 * @param statusOn         the day it was changed, in the clinic's time zone, or null
 */
public record Lot(long id, long productId, String lotNumber, LocalDate expiry, LotStatus status,
                  LocalDate receivedOn, int quantityReceived, int onHand, int openVials,
                  String statusReason, String statusBy, LocalDate statusOn, int version) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** A lot with all it received still on hand and no status history (tests, and callers that build one). */
    public Lot(long id, long productId, String lotNumber, LocalDate expiry, LotStatus status, LocalDate receivedOn,
               int quantityReceived, int version) {
        this(id, productId, lotNumber, expiry, status, receivedOn, quantityReceived, quantityReceived, 0,
                status == LotStatus.ACTIVE ? null : "", null, null, version);
    }

    public boolean expiredOn(LocalDate day) {
        return expiry.isBefore(day);
    }

    /** The effective state on {@code day}; see {@link LotState} for the precedence. */
    public LotState state(LocalDate day) {
        if (status == LotStatus.RECALLED) {
            return LotState.RECALLED;
        }
        if (status == LotStatus.QUARANTINED) {
            return LotState.QUARANTINED;
        }
        if (expiredOn(day)) {
            return LotState.EXPIRED;
        }
        if (onHand <= 0 && openVials <= 0) {
            return LotState.DEPLETED;
        }
        return LotState.ACTIVE;
    }

    /** May be offered at the chair on {@code day}: its effective state is ACTIVE. */
    public boolean usableOn(LocalDate day) {
        return state(day) == LotState.ACTIVE;
    }

    /** Signed charts used more than the books held: somebody must count this lot. */
    public boolean needsCount() {
        return onHand < 0;
    }

    /**
     * Why the lot must not be charted with on {@code day}, or null when it may be (ACTIVE, and also
     * DEPLETED: a pack in the hand shows the books are behind, which a count corrects): "Lot DY1 of
     * Dysport 300 U was recalled on 3 Nov 2026 by Alex Admin: supplier notice 42."
     */
    public String refusal(String productName, LocalDate day) {
        String lot = "Lot " + lotNumber + " of " + productName;
        return switch (state(day)) {
            case RECALLED -> lot + " was recalled" + history();
            case QUARANTINED -> lot + " was quarantined" + history();
            case EXPIRED -> lot + " expired on " + DAY.format(expiry) + ".";
            case ACTIVE, DEPLETED -> null;
        };
    }

    private String history() {
        String on = statusOn == null ? "" : " on " + DAY.format(statusOn);
        String by = statusBy == null ? "" : " by " + statusBy;
        String why = statusReason == null || statusReason.isEmpty() ? "." : ": " + statusReason
                + (statusReason.endsWith(".") ? "" : ".");
        return on + by + why;
    }

    @Override
    public String toString() {
        return lotNumber + " (exp. " + expiry + ")";
    }
}
