package org.needlepoint.inventory;

/** What a product is, which decides its charting unit, its pack word and its screening questions. */
public enum ProductKind {
    TOXIN("Neuromodulator (toxin)", "vial"),
    BIOSTIMULATOR("Biostimulator (PLLA)", "vial"),
    HA_FILLER("Hyaluronic-acid filler", "syringe");

    private final String label;
    private final String packWord;

    ProductKind(String label, String packWord) {
        this.label = label;
        this.packWord = packWord;
    }

    /** "vial" or "syringe": what one pack of this kind is called. */
    public String packWord() {
        return packWord;
    }

    @Override
    public String toString() {
        return label;
    }
}
