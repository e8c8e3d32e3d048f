package org.needlepoint.chart;

/**
 * Anatomical regions of domain.md, in plain anatomical names. Toxin sites are muscles; filler and
 * PLLA sites are areas. A point's region is derived from where it lands on the diagram, never typed.
 */
public enum Region {
    // toxin sites (muscles)
    FRONTALIS("Frontalis", Kind.MUSCLE),
    CORRUGATOR("Corrugator supercilii", Kind.MUSCLE),
    PROCERUS("Procerus", Kind.MUSCLE),
    DEPRESSOR_SUPERCILII("Depressor supercilii", Kind.MUSCLE),
    ORBICULARIS_OCULI_LATERAL("Orbicularis oculi, lateral (crow's feet)", Kind.MUSCLE),
    ORBICULARIS_OCULI_LOWER_LID("Orbicularis oculi, lower lid", Kind.MUSCLE),
    NASALIS("Nasalis (bunny lines)", Kind.MUSCLE),
    LEVATOR_LABII_ALAEQUE_NASI("Levator labii superioris alaeque nasi", Kind.MUSCLE),
    ORBICULARIS_ORIS_UPPER("Orbicularis oris, upper lip lines", Kind.MUSCLE),
    ORBICULARIS_ORIS_LOWER("Orbicularis oris, lower lip lines", Kind.MUSCLE),
    DEPRESSOR_ANGULI_ORIS("Depressor anguli oris", Kind.MUSCLE),
    MENTALIS("Mentalis", Kind.MUSCLE),
    MASSETER("Masseter", Kind.MUSCLE),
    PLATYSMA("Platysma (bands)", Kind.MUSCLE),
    // filler / PLLA areas
    FOREHEAD("Forehead", Kind.AREA),
    TEMPLE("Temple", Kind.AREA),
    BROW("Brow", Kind.AREA),
    TEAR_TROUGH("Tear trough", Kind.AREA),
    PERIORBITAL("Periorbital", Kind.AREA),
    MALAR("Malar (cheek)", Kind.AREA),
    SUBMALAR("Submalar", Kind.AREA),
    NOSE("Nose", Kind.AREA),
    NASOLABIAL_FOLD("Nasolabial fold", Kind.AREA),
    LIPS("Lips (vermilion)", Kind.AREA),
    PERIORAL("Perioral", Kind.AREA),
    MARIONETTE("Marionette", Kind.AREA),
    PRE_JOWL("Pre-jowl", Kind.AREA),
    CHIN("Chin", Kind.AREA),
    JAWLINE("Jawline", Kind.AREA),
    NECK("Neck", Kind.AREA),
    DECOLLETAGE("Décolletage", Kind.AREA),
    // off-label body areas
    ARM("Arm", Kind.BODY),
    HAND("Hand", Kind.BODY),
    CHEST("Chest", Kind.BODY),
    ABDOMEN("Abdomen", Kind.BODY),
    BUTTOCK("Buttock", Kind.BODY),
    THIGH("Thigh", Kind.BODY),
    KNEE("Knee", Kind.BODY),
    ELBOW("Elbow", Kind.BODY),
    OTHER("Other (outside the named regions)", Kind.BODY);

    /** Whether the region is a muscle (toxin target), a face/neck area, or an off-label body area. */
    public enum Kind { MUSCLE, AREA, BODY }

    private final String label;
    private final Kind kind;

    Region(String label, Kind kind) {
        this.label = label;
        this.kind = kind;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Where Sculptra (PLLA) must not go: the lips and the periorbital area (thin skin, hyperdynamic
     * muscle, nodules). Charting a PLLA point here warns.
     */
    public boolean avoidForPlla() {
        return this == LIPS || this == PERIORBITAL || this == TEAR_TROUGH || this == ORBICULARIS_OCULI_LOWER_LID
                || this == ORBICULARIS_OCULI_LATERAL || this == ORBICULARIS_ORIS_UPPER || this == ORBICULARIS_ORIS_LOWER;
    }

    @Override
    public String toString() {
        return label;
    }
}
