package org.needlepoint.chart;

/**
 * The diagrams a point can be placed on. Coordinates on every view are normalised: x and y run
 * from 0 to 1 across the view's drawing, x to the viewer's right, y downwards.
 */
public enum DiagramView {
    FACE_FRONT("Face, front"),
    FACE_LEFT("Face, left profile"),
    FACE_RIGHT("Face, right profile"),
    NECK_CHEST("Neck and décolletage"),
    BODY_FRONT("Body, front"),
    BODY_BACK("Body, back");

    private final String label;

    DiagramView(String label) {
        this.label = label;
    }

    /** The view a mirrored point lands on: profiles swap, the others stay. */
    public DiagramView mirrored() {
        return switch (this) {
            case FACE_LEFT -> FACE_RIGHT;
            case FACE_RIGHT -> FACE_LEFT;
            default -> this;
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
