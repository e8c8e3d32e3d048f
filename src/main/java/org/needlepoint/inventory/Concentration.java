package org.needlepoint.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.needlepoint.common.Amounts;

/**
 * What a reconstituted vial holds per volume, computed exactly with BigDecimal: toxins in units per
 * 0.1 mL (pack units / (mL x 10): Dysport 300 U + 1.5 mL = 20 U per 0.1 mL), PLLA in mg per mL
 * (150 mg / 8 mL = 18.75 mg per mL). Results that do not come out even are rounded half-up to
 * {@link #DECIMALS} decimals.
 *
 * @param value the amount per {@code per}
 * @param unit  the pack's unit (U or mg)
 * @param per   "0.1 mL" or "mL"
 */
public record Concentration(BigDecimal value, PackUnit unit, String per) {
    public static final int DECIMALS = 2;
    private static final BigDecimal TEN = BigDecimal.TEN;

    public Concentration {
        value = Amounts.normal(value);
    }

    /**
     * The concentration of a pack of {@code packSize} {@code packUnit} reconstituted with
     * {@code volumeMl}; null for a pack that is not reconstituted (mL) or a volume that is not above 0.
     */
    public static Concentration of(BigDecimal packSize, PackUnit packUnit, BigDecimal volumeMl) {
        if (packSize == null || volumeMl == null || volumeMl.signum() <= 0) {
            return null;
        }
        return switch (packUnit) {
            case U -> new Concentration(packSize.divide(volumeMl.multiply(TEN), DECIMALS, RoundingMode.HALF_UP),
                    PackUnit.U, "0.1 mL");
            case MG -> new Concentration(packSize.divide(volumeMl, DECIMALS, RoundingMode.HALF_UP), PackUnit.MG, "mL");
            case ML -> null;
        };
    }

    /** The concentration of {@code product} reconstituted with {@code volumeMl}, or null (see {@link #of}). */
    public static Concentration of(Product product, BigDecimal volumeMl) {
        return of(product.packSize(), product.packUnit(), volumeMl);
    }

    /** "20 U per 0.1 mL", "18.75 mg per mL". */
    public String text() {
        return Amounts.plain(value) + " " + unit + " per " + per;
    }

    @Override
    public String toString() {
        return text();
    }
}
