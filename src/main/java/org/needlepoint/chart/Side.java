package org.needlepoint.chart;

/** Which side of the patient's body a point is on (the patient's own left and right). */
public enum Side {
    LEFT("left"), RIGHT("right"), MIDLINE("midline");

    private final String label;

    Side(String label) {
        this.label = label;
    }

    /** The other side; the midline mirrors onto itself. */
    public Side mirrored() {
        return switch (this) {
            case LEFT -> RIGHT;
            case RIGHT -> LEFT;
            case MIDLINE -> MIDLINE;
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
