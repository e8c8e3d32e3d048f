package org.needlepoint.security;

/** The look a person chose for their own screens: light, or dark for treatment rooms with the lights down. */
public enum Theme {
    LIGHT("Light"),
    DARK("Dark (rooms with the lights down)");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
