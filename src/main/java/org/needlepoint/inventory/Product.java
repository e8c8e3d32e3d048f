package org.needlepoint.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.needlepoint.common.Amounts;

/**
 * A catalogue product. The limits ({@code pointMin}, {@code pointMax}, {@code visitMax}) are in the
 * charting {@code unit}, only ever warn, and are clinic-editable defaults; any may be null (no limit).
 *
 * @param brand            the maker's name shared by pack sizes ("Dysport" for Dysport 300 U and 500 U);
 *                         toxin units are only comparable within a brand
 * @param packSize         what one vial or syringe holds, in {@code packUnit}
 * @param defaultDiluentMl usual reconstitution volume; for PLLA the total suspension per vial
 * @param usableHours      how long a reconstituted vial may be used, or null
 * @param speywoodUnits    units are Speywood units (Dysport), about 2.5-3x Botox units
 * @param milkProtein      contains cow's-milk protein (screening asks about that allergy)
 * @param colour           marker colour, "#RRGGBB"
 */
public record Product(long id, String name, String brand, ProductKind kind, Unit unit,
                      BigDecimal packSize, PackUnit packUnit, BigDecimal defaultDiluentMl, Integer usableHours,
                      BigDecimal pointMin, BigDecimal pointMax, BigDecimal visitMax,
                      boolean speywoodUnits, boolean milkProtein, String colour, List<String> gtins,
                      boolean active, int version) {

    public Product {
        packSize = Amounts.normal(packSize);
        defaultDiluentMl = Amounts.normal(defaultDiluentMl);
        pointMin = Amounts.normal(pointMin);
        pointMax = Amounts.normal(pointMax);
        visitMax = Amounts.normal(visitMax);
        gtins = gtins == null ? List.of() : List.copyOf(gtins);
    }

    /**
     * How much of the charting unit one pack yields: the pack size when it is stated in that unit
     * (300 U, 1 mL), else the reconstituted volume (Sculptra 150 mg -> 9 mL); null when unknown.
     */
    public BigDecimal chartedPerPack() {
        if ((unit == Unit.U && packUnit == PackUnit.U) || (unit == Unit.ML && packUnit == PackUnit.ML)) {
            return packSize;
        }
        return unit == Unit.ML ? defaultDiluentMl : null;
    }

    /** Packs opened for {@code amount}: ceil(amount / per pack); null when the pack yield is unknown. */
    public Integer packsFor(BigDecimal amount) {
        BigDecimal per = chartedPerPack();
        if (per == null || per.signum() <= 0 || amount == null) {
            return null;
        }
        return amount.divide(per, 0, RoundingMode.CEILING).intValueExact();
    }

    /** "vial" or "syringe". */
    public String packWord() {
        return kind.packWord();
    }

    public boolean isPlla() {
        return kind == ProductKind.BIOSTIMULATOR;
    }

    @Override
    public String toString() {
        return name;
    }
}
