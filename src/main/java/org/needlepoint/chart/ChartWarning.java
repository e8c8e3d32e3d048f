package org.needlepoint.chart;

/**
 * Something the injector should see while charting. ERRORs block saving and signing (an expired,
 * recalled, quarantined or mismatched lot; a discarded vial or one past its usable hours without an
 * override); WARNINGs and INFOs are for the injector's judgement.
 *
 * @param code     stable identifier for tests and styling (see the constants)
 * @param pointKey the point concerned, or null for the whole chart
 */
public record ChartWarning(Severity severity, String code, String message, String pointKey) {

    public enum Severity { ERROR, WARNING, INFO }

    public static final String PLLA_AVOID_REGION = "PLLA_AVOID_REGION";
    public static final String PLLA_DEPTH = "PLLA_DEPTH";
    public static final String PLLA_OFF_LABEL = "PLLA_OFF_LABEL";
    public static final String AMOUNT_BELOW_PLAUSIBLE = "AMOUNT_BELOW_PLAUSIBLE";
    public static final String AMOUNT_ABOVE_POINT_MAX = "AMOUNT_ABOVE_POINT_MAX";
    public static final String VISIT_ABOVE_MAX = "VISIT_ABOVE_MAX";
    public static final String LOT_MISSING = "LOT_MISSING";
    public static final String LOT_UNKNOWN = "LOT_UNKNOWN";
    public static final String LOT_WRONG_PRODUCT = "LOT_WRONG_PRODUCT";
    public static final String LOT_EXPIRED = "LOT_EXPIRED";
    public static final String LOT_NOT_ACTIVE = "LOT_NOT_ACTIVE";
    public static final String LOT_NEEDS_COUNT = "LOT_NEEDS_COUNT";
    public static final String VIAL_DISCARDED = "VIAL_DISCARDED";
    public static final String VIAL_EXPIRED_AFTER_RECONSTITUTION = "VIAL_EXPIRED_AFTER_RECONSTITUTION";
    public static final String MIXED_TOXINS = "MIXED_TOXINS";
    public static final String SCREENING_YES = "SCREENING_YES";
    public static final String SCREENING_UNANSWERED = "SCREENING_UNANSWERED";

    public boolean error() {
        return severity == Severity.ERROR;
    }
}
