package org.needlepoint.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.needlepoint.chart.Depth;
import org.needlepoint.chart.Technique;
import org.needlepoint.common.Amounts;

/**
 * A catalogue product. The limits ({@code pointMin}, {@code pointMax}, {@code visitMax}) are in the
 * charting {@code unit}, only ever warn, and are clinic-editable defaults; any may be null (no limit).
 * {@code kind}, {@code unit}, {@code packSize} and {@code packUnit} are what the product is: they are
 * fixed once it exists (charted amounts and stock depend on them); every other field is editable by
 * an administrator ({@link InventoryService#updateProduct}).
 *
 * @param brand            the maker's name shared by pack sizes ("Dysport" for Dysport 300 U and 500 U);
 *                         toxin units are only comparable within a brand
 * @param packSize         what one vial or syringe holds, in {@code packUnit}
 * @param defaultDiluent   what a vial is usually reconstituted with ("0.9% sodium chloride,
 *                         preservative-free"), or null (fillers)
 * @param defaultDiluentMl usual reconstitution volume; for PLLA the total suspension per vial
 * @param usableHours      how long a reconstituted vial may be used, or null (no limit)
 * @param storage          how unopened packs are kept ("2–8 °C, do not freeze"), or null
 * @param defaultAmount    the usual amount per point, in {@code unit}: what the chart's brush starts with
 *                         when the product is chosen (Dysport 10 U, Botox 4 U, Sculptra 0.5 mL); null: none
 * @param defaultDepth     the usual depth for the brush, or null
 * @param defaultTechnique the usual technique for the brush, or null
 * @param speywoodUnits    units are Speywood units (Dysport), about 2.5-3x Botox units
 * @param milkProtein      contains cow's-milk protein (screening asks about that allergy)
 * @param colour           marker colour, "#RRGGBB"
 * @param reorderLevel     packs: below this many on hand (usable lots) the product is to reorder; 0 = never
 * @param gtins            the GTIN-14s printed on its packs, each belonging to this product only
 */
public record Product(long id, String name, String brand, ProductKind kind, Unit unit,
                      BigDecimal packSize, PackUnit packUnit, String defaultDiluent, BigDecimal defaultDiluentMl,
                      Integer usableHours, String storage, BigDecimal pointMin, BigDecimal pointMax, BigDecimal visitMax,
                      BigDecimal defaultAmount, Depth defaultDepth, Technique defaultTechnique, boolean speywoodUnits,
                      boolean milkProtein, String colour, int reorderLevel, List<String> gtins,
                      boolean active, int version) {

    public Product {
        packSize = Amounts.normal(packSize);
        defaultDiluentMl = Amounts.normal(defaultDiluentMl);
        pointMin = Amounts.normal(pointMin);
        pointMax = Amounts.normal(pointMax);
        visitMax = Amounts.normal(visitMax);
        defaultAmount = Amounts.normal(defaultAmount);
        gtins = gtins == null ? List.of() : List.copyOf(gtins);
    }

    /** A product without brush defaults (amount, depth and technique null). */
    public Product(long id, String name, String brand, ProductKind kind, Unit unit, BigDecimal packSize,
                   PackUnit packUnit, String defaultDiluent, BigDecimal defaultDiluentMl, Integer usableHours,
                   String storage, BigDecimal pointMin, BigDecimal pointMax, BigDecimal visitMax, boolean speywoodUnits,
                   boolean milkProtein, String colour, int reorderLevel, List<String> gtins, boolean active, int version) {
        this(id, name, brand, kind, unit, packSize, packUnit, defaultDiluent, defaultDiluentMl, usableHours, storage,
                pointMin, pointMax, visitMax, null, null, null, speywoodUnits, milkProtein, colour, reorderLevel, gtins,
                active, version);
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

    /** "1 vial", "3 syringes". */
    public String packs(int n) {
        return n + " " + packWord() + (Math.abs(n) == 1 ? "" : "s");
    }

    public boolean isPlla() {
        return kind == ProductKind.BIOSTIMULATOR;
    }

    /**
     * Whether a pack is reconstituted before use (toxins, PLLA; a product of kind OTHER when it names
     * a diluent volume), so it is opened as a {@link Vial}.
     */
    public boolean reconstituted() {
        return kind.reconstituted() || (kind == ProductKind.OTHER && defaultDiluentMl != null);
    }

    /** The same product as another kind, unit or pack (allowed only until a lot has been received). */
    public Product withWhat(ProductKind newKind, Unit newUnit, BigDecimal newPackSize, PackUnit newPackUnit) {
        return new Product(id, name, brand, newKind, newUnit, newPackSize, newPackUnit, defaultDiluent, defaultDiluentMl,
                usableHours, storage, pointMin, pointMax, visitMax, defaultAmount, defaultDepth, defaultTechnique,
                speywoodUnits, milkProtein, colour, reorderLevel, gtins, active, version);
    }

    public Product withFlags(boolean speywood, boolean milk) {
        return new Product(id, name, brand, kind, unit, packSize, packUnit, defaultDiluent, defaultDiluentMl, usableHours,
                storage, pointMin, pointMax, visitMax, defaultAmount, defaultDepth, defaultTechnique, speywood, milk,
                colour, reorderLevel, gtins, active, version);
    }

    public Product withLimits(BigDecimal min, BigDecimal max, BigDecimal perVisit) {
        return new Product(id, name, brand, kind, unit, packSize, packUnit, defaultDiluent, defaultDiluentMl, usableHours,
                storage, min, max, perVisit, defaultAmount, defaultDepth, defaultTechnique, speywoodUnits, milkProtein,
                colour, reorderLevel, gtins, active, version);
    }

    public Product withReconstitution(String diluent, BigDecimal diluentMl, Integer hours) {
        return new Product(id, name, brand, kind, unit, packSize, packUnit, diluent, diluentMl, hours, storage,
                pointMin, pointMax, visitMax, defaultAmount, defaultDepth, defaultTechnique, speywoodUnits, milkProtein,
                colour, reorderLevel, gtins, active, version);
    }

    public Product withStorage(String newStorage) {
        return new Product(id, name, brand, kind, unit, packSize, packUnit, defaultDiluent, defaultDiluentMl, usableHours,
                newStorage, pointMin, pointMax, visitMax, defaultAmount, defaultDepth, defaultTechnique, speywoodUnits,
                milkProtein, colour, reorderLevel, gtins, active,
                version);
    }

    public Product withReorderLevel(int level) {
        return new Product(id, name, brand, kind, unit, packSize, packUnit, defaultDiluent, defaultDiluentMl, usableHours,
                storage, pointMin, pointMax, visitMax, defaultAmount, defaultDepth, defaultTechnique, speywoodUnits,
                milkProtein, colour, level, gtins, active, version);
    }

    public Product withGtins(List<String> newGtins) {
        return new Product(id, name, brand, kind, unit, packSize, packUnit, defaultDiluent, defaultDiluentMl, usableHours,
                storage, pointMin, pointMax, visitMax, defaultAmount, defaultDepth, defaultTechnique, speywoodUnits,
                milkProtein, colour, reorderLevel, newGtins, active,
                version);
    }

    public Product withNames(String newName, String newBrand) {
        return new Product(id, newName, newBrand, kind, unit, packSize, packUnit, defaultDiluent, defaultDiluentMl,
                usableHours, storage, pointMin, pointMax, visitMax, defaultAmount, defaultDepth, defaultTechnique,
                speywoodUnits, milkProtein, colour, reorderLevel, gtins, active, version);
    }

    public Product withLook(String newColour, boolean isActive) {
        return new Product(id, name, brand, kind, unit, packSize, packUnit, defaultDiluent, defaultDiluentMl, usableHours,
                storage, pointMin, pointMax, visitMax, defaultAmount, defaultDepth, defaultTechnique, speywoodUnits,
                milkProtein, newColour, reorderLevel, gtins, isActive,
                version);
    }

    /** The usual point the chart's brush starts with (any may be null: none). */
    public Product withDefaults(BigDecimal amount, Depth depth, Technique technique) {
        return new Product(id, name, brand, kind, unit, packSize, packUnit, defaultDiluent, defaultDiluentMl, usableHours,
                storage, pointMin, pointMax, visitMax, amount, depth, technique, speywoodUnits, milkProtein, colour,
                reorderLevel, gtins, active, version);
    }

    @Override
    public String toString() {
        return name;
    }
}
