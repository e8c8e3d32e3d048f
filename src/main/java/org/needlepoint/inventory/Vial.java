package org.needlepoint.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.needlepoint.common.Amounts;

/**
 * A reconstituted vial of a toxin or of Sculptra: opened once, then charted from across several
 * patients until its usable hours are over or it is discarded. Its pack leaves the stock the first
 * time a signed chart uses it ({@code firstUsedVisitId}), or as waste when it is discarded unused.
 *
 * @param usableUntil      opened-at + the product's usable hours when it was opened; null = no limit
 * @param concentration    computed from the pack and {@code volumeMl}
 * @param firstUsedVisitId the signed visit that deducted its pack, or null while none has
 */
public record Vial(long id, long lotId, long productId, String lotNumber, String productName, String diluent,
                   BigDecimal volumeMl, Concentration concentration, Instant openedAt, String openedBy,
                   Instant usableUntil, Long firstUsedVisitId, Instant discardedAt, String discardedBy,
                   String discardReason, int version) {

    public Vial {
        volumeMl = Amounts.normal(volumeMl);
    }

    public VialState state(Instant now) {
        if (discardedAt != null) {
            return VialState.DISCARDED;
        }
        if (usableUntil != null && now.isAfter(usableUntil)) {
            return VialState.EXPIRED_AFTER_RECONSTITUTION;
        }
        return VialState.OPEN;
    }

    public boolean usableAt(Instant now) {
        return state(now) == VialState.OPEN;
    }

    /**
     * The volume to draw for {@code amount} of the charting unit: toxin units / (units per mL), in mL
     * rounded half-up to 0.01; for PLLA (charted in mL of suspension) the amount itself. Null when
     * unknown.
     */
    public BigDecimal volumeFor(BigDecimal amount, Unit unit) {
        if (amount == null) {
            return null;
        }
        if (unit == Unit.ML) {
            return Amounts.normal(amount);
        }
        if (concentration == null || concentration.value().signum() <= 0) {
            return null;
        }
        // units per 0.1 mL -> mL = amount / (value * 10)
        return Amounts.normal(amount.divide(concentration.value().multiply(BigDecimal.TEN), 2, RoundingMode.HALF_UP));
    }

    /** "Vial 12: lot DY1, 2.5 mL saline, 12 U per 0.1 mL". */
    public String describe() {
        return "Vial " + id + ": lot " + lotNumber + ", " + Amounts.plain(volumeMl) + " mL " + diluent
                + (concentration == null ? "" : ", " + concentration.text());
    }

    @Override
    public String toString() {
        return describe();
    }
}
