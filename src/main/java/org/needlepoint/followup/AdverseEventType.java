package org.needlepoint.followup;

/**
 * The coded list of side effects (domain.md, "Side effects and follow-up"). {@link #urgent()}
 * types put the event on the red banner until an injector closes it.
 */
public enum AdverseEventType {
    BRUISING("Bruising", false),
    SWELLING("Swelling", false),
    ERYTHEMA("Erythema (redness)", false),
    TENDERNESS_PAIN("Tenderness / pain", false),
    PAPULE_NODULE("Papule / nodule", false),
    DELAYED_NODULE_GRANULOMA("Delayed nodule / granuloma", false),
    EYELID_PTOSIS("Eyelid ptosis", false),
    BROW_PTOSIS("Brow ptosis", false),
    ASYMMETRY("Asymmetry", false),
    DIPLOPIA("Diplopia (double vision)", false),
    DISTANT_TOXIN_SPREAD("Distant toxin spread symptoms", true),
    VASCULAR_OCCLUSION("Vascular occlusion", true),
    INFECTION("Infection", false),
    HERPES_REACTIVATION("Herpes reactivation", false),
    HYPERSENSITIVITY("Hypersensitivity", false),
    OTHER("Other", false);

    private final String label;
    private final boolean urgent;

    AdverseEventType(String label, boolean urgent) {
        this.label = label;
        this.urgent = urgent;
    }

    public String label() {
        return label;
    }

    /** Vascular occlusion and distant toxin spread are emergencies whatever their grade. */
    public boolean urgent() {
        return urgent;
    }

    @Override
    public String toString() {
        return label;
    }
}
