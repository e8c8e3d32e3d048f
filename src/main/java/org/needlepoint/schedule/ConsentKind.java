package org.needlepoint.schedule;

import java.util.Optional;
import org.needlepoint.inventory.ProductKind;

/**
 * What a consent text is for. TOXIN, HA_FILLER and BIOSTIMULATOR are the product kinds of
 * {@link ProductKind} (a chart with such a product needs a valid signed consent of the same name);
 * BIOSTIMULATOR's text (Sculptra, PLLA) carries the off-label-use section. CAHA and DEOXYCHOLIC are
 * the further products of the clinical reference, and product kinds too; OTHER is the clinic's general
 * consent for an injectable of none of the named kinds (a product of kind OTHER needs it);
 * PHOTOGRAPHY is the consent to clinical photographs.
 */
public enum ConsentKind {
    TOXIN("Botulinum toxin (neuromodulator)"),
    HA_FILLER("Hyaluronic-acid filler"),
    BIOSTIMULATOR("Sculptra (PLLA), with off-label use"),
    CAHA("Calcium hydroxylapatite (CaHA)"),
    DEOXYCHOLIC("Deoxycholic acid (submental fat)"),
    OTHER("Other injectable treatment"),
    PHOTOGRAPHY("Clinical photographs");

    private final String label;

    ConsentKind(String label) {
        this.label = label;
    }

    /** The consent a product of {@code kind} needs before its chart is signed. */
    public static ConsentKind of(ProductKind kind) {
        return valueOf(kind.name());
    }

    /** The product kind this consent covers, if it is one of the catalogue's. */
    public Optional<ProductKind> productKind() {
        for (ProductKind k : ProductKind.values()) {
            if (k.name().equals(name())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
