package org.needlepoint.inventory;

import java.math.BigDecimal;
import org.needlepoint.chart.Depth;
import org.needlepoint.chart.Technique;

/**
 * What a product is, which decides its charting unit, its pack word, whether a pack is reconstituted
 * (opened as a vial), the brush's usual point for a new product (domain.md; editable per product),
 * its screening questions, its consent, its aftercare sheet and its follow-up rules.
 *
 * <p>{@link #OTHER} is for an injectable none of the named kinds describes (a clinic's own product):
 * it may be charted in U or mL; a pack is reconstituted when the product names a diluent volume; the
 * screening asks every question (toxin and filler ones), its consent is the clinic's general
 * "other injectable treatment" text, its aftercare sheet the general one, and no protocol rule
 * creates tasks from it (the adverse-event rules apply to every product).
 */
public enum ProductKind {
    TOXIN("Neuromodulator (toxin)", "vial", Unit.U, true, true,
            "4", Depth.INTRAMUSCULAR, Technique.NEEDLE_BOLUS),
    BIOSTIMULATOR("Biostimulator (PLLA)", "vial", Unit.ML, true, false,
            "0.5", Depth.SUBCUTANEOUS, Technique.CANNULA_FANNING),
    HA_FILLER("Hyaluronic-acid filler", "syringe", Unit.ML, false, false,
            "0.1", Depth.DEEP_DERMIS, Technique.NEEDLE_LINEAR_THREADING),
    /** Calcium hydroxylapatite (Radiesse): a device in pre-filled syringes, charted in mL. */
    CAHA("Calcium hydroxylapatite (CaHA)", "syringe", Unit.ML, false, false,
            "0.1", Depth.SUPRAPERIOSTEAL, Technique.NEEDLE_BOLUS),
    /** Deoxycholic acid (Kybella): a drug in 2 mL vials at 10 mg/mL, 0.2 mL per site into submental fat. */
    DEOXYCHOLIC("Deoxycholic acid", "vial", Unit.ML, false, true,
            "0.2", Depth.SUBCUTANEOUS, Technique.NEEDLE_BOLUS),
    OTHER("Other injectable", "pack", null, false, false, null, null, null);

    private final String label;
    private final String packWord;
    private final Unit unit;
    private final boolean reconstituted;
    private final boolean drug;
    private final BigDecimal usualAmount;
    private final Depth usualDepth;
    private final Technique usualTechnique;

    ProductKind(String label, String packWord, Unit unit, boolean reconstituted, boolean drug, String usualAmount,
                Depth usualDepth, Technique usualTechnique) {
        this.label = label;
        this.packWord = packWord;
        this.unit = unit;
        this.reconstituted = reconstituted;
        this.drug = drug;
        this.usualAmount = usualAmount == null ? null : new BigDecimal(usualAmount);
        this.usualDepth = usualDepth;
        this.usualTechnique = usualTechnique;
    }

    /** "vial", "syringe" or "pack": what one pack of this kind is called. */
    public String packWord() {
        return packWord;
    }

    /** The unit this kind is charted in (toxins U, the others mL); null for {@link #OTHER}: either. */
    public Unit unit() {
        return unit;
    }

    /** What a pack's content is usually stated in: toxin units, PLLA powder in mg, the others in mL. */
    public PackUnit usualPackUnit() {
        return switch (this) {
            case TOXIN -> PackUnit.U;
            case BIOSTIMULATOR -> PackUnit.MG;
            case HA_FILLER, CAHA, DEOXYCHOLIC, OTHER -> PackUnit.ML;
        };
    }

    /** Whether products of this kind may be charted in {@code u}. */
    public boolean allows(Unit u) {
        return u != null && (unit == null || unit == u);
    }

    /**
     * Whether a pack of this kind is reconstituted before use (toxins, PLLA), so it is opened as a
     * vial; {@link #OTHER} decides by the product (a diluent volume named).
     */
    public boolean reconstituted() {
        return reconstituted;
    }

    /** Toxins and deoxycholic acid are drugs (MedWatch section D); the others devices (section E). */
    public boolean drug() {
        return drug;
    }

    /**
     * The usual amount per point for a new product of this kind, in its unit (a toxin's 4 U is in
     * onabotulinumtoxinA units; a Speywood-unit product starts at 10 U); null: none.
     */
    public BigDecimal usualAmount() {
        return usualAmount;
    }

    public Depth usualDepth() {
        return usualDepth;
    }

    public Technique usualTechnique() {
        return usualTechnique;
    }

    /** The table's short word: "Toxin", "PLLA", "HA filler", "CaHA", "Deoxycholic", "Other". */
    public String shortLabel() {
        return switch (this) {
            case TOXIN -> "Toxin";
            case BIOSTIMULATOR -> "PLLA";
            case HA_FILLER -> "HA filler";
            case CAHA -> "CaHA";
            case DEOXYCHOLIC -> "Deoxycholic";
            case OTHER -> "Other";
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
