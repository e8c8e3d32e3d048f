package org.needlepoint.photo;

/** The standard view a clinical photo is taken in; BODY names its area (a body area for off-face treatment). */
public enum Pose {
    FRONT("Front"),
    LEFT_PROFILE("Left profile"),
    RIGHT_PROFILE("Right profile"),
    LEFT_OBLIQUE("Left oblique"),
    RIGHT_OBLIQUE("Right oblique"),
    BODY("Body area");

    private final String label;

    Pose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True for the views of the face, where both pupils can be marked for alignment (front and obliques). */
    public boolean showsBothPupils() {
        return this == FRONT || this == LEFT_OBLIQUE || this == RIGHT_OBLIQUE;
    }

    @Override
    public String toString() {
        return label;
    }
}
