package org.needlepoint.chart;

/** How a point was injected: needle or cannula, and the placement technique. */
public enum Technique {
    NEEDLE_BOLUS("Needle, bolus"),
    NEEDLE_SERIAL_PUNCTURE("Needle, serial puncture"),
    NEEDLE_LINEAR_THREADING("Needle, linear threading"),
    NEEDLE_MICRODROPLET("Needle, microdroplets"),
    CANNULA_FANNING("Cannula, fanning"),
    CANNULA_LINEAR("Cannula, linear threading"),
    CROSS_HATCH("Cross-hatching");

    private final String label;

    Technique(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
